import type { EventGap, ExclusionGap, TechniqueCoverage } from '../../gaps/types.js';
import type { IndexedPredicate, IndexedRule, ValueRow } from '../../index/corpus-index.js';
import { VENDOR_NAMES, type CatalogPage } from '../catalog/page.js';
import { sections } from '../catalog/sections.js';
import { describeEvent, describeRow } from '../describe.js';
import { anchorId, html, type Html, type HtmlValue } from './escape.js';
import { page } from './layout.js';
import { attackUrl, type PageLinks } from './links.js';
import { table, type Cell } from './table.js';

/** What the site knows of the repository for one technique (`site --repo`). */
export interface TechniqueRepositoryView {
  coverage: TechniqueCoverage | undefined;
  rules: readonly { title: string; file: string }[];
  eventGap?: EventGap;
  exclusionGaps: readonly ExclusionGap[];
}

export interface TechniquePageInput {
  page: CatalogPage;
  /** The corpus rules of the technique, with their predicates (`CorpusIndex.rulesOf`). */
  rules: readonly IndexedRule[];
  /** Rows shown per table; -1 for all. */
  top: number;
  links: PageLinks;
  repository?: TechniqueRepositoryView;
  /** `lint-rule 0.1.0`, for the footer. */
  generator: string;
}

const STATE_TEXT: Record<TechniqueCoverage['state'], string> = {
  missing: 'Gap: the corpus has rules for this technique, the repository has none.',
  partial: 'Partly covered: the repository misses events or common exclusions of the corpus.',
  covered: 'Covered: the repository reads every event the corpus reads and has its common exclusions.',
  'repository-only': 'Only the repository has rules for this technique.',
};

function techniqueLink(id: string, label: HtmlValue, links: PageLinks): Html {
  return html`<a href="${links.technique(id) ?? attackUrl(id)}">${label}</a>`;
}

/** Rules listed under a value before "+ n more": a value a hundred rules share would otherwise repeat a hundred titles. */
const RULES_PER_VALUE = 25;

/** A value cell that opens onto the rules under the technique with that row. */
function valueCell(row: ValueRow, text: string, byRef: ReadonlyMap<number, IndexedRule>): Cell {
  const rules = row.refs.map((ref) => byRef.get(ref)).filter((r): r is IndexedRule => r !== undefined);
  const shown = rules.slice(0, RULES_PER_VALUE);
  const more = rules.length - shown.length;
  const content = html`<details><summary><code>${text}</code></summary><ul>${shown.map((r) => html`<li><a href="#${anchorId('rule', String(r.ref))}">${r.title}</a></li>`)}${more > 0 ? html`<li class="more">+ ${more} more</li>` : ''}</ul></details>`;
  return { content, sort: text, className: 'value' };
}

const ROLE_ORDER = { indicator: 0, exclusion: 1, scope: 2 } as const;

/**
 * A rule's predicates as a plain table. Written with bare cells (the columns
 * are styled by the stylesheet): the biggest pages list thousands of them.
 */
function predicateTable(predicates: readonly IndexedPredicate[]): Html {
  const rows = [...predicates]
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role])
    .map((p) => html`<tr class="role-${p.role}"><td>${p.negated ? `${p.role} (negated)` : p.role}</td><td>${p.field}</td><td>${p.written}</td><td>${p.operator}</td><td>${p.operator === 'is_null' || p.operator === 'is_not_null' ? '' : p.value}</td></tr>\n`);
  return html`<table class="preds"><thead><tr><th>Role</th><th>Field</th><th>As written</th><th>Operator</th><th>Value</th></tr></thead><tbody>\n${rows}</tbody></table>`;
}

function ruleDetails(r: IndexedRule): Html {
  const counts = { indicator: 0, exclusion: 0, scope: 0 };
  for (const p of r.predicates) counts[p.role]++;
  return html`<details class="rule" id="${anchorId('rule', String(r.ref))}"><summary>${r.title} <span class="badge">${counts.indicator} indicators · ${counts.exclusion} exclusions</span></summary>
<p class="meta"><code>${r.file}</code>${r.id ? html` · id <code>${r.id}</code>` : ''}${r.events.length > 0 ? html` · reads ${r.events.map(describeEvent).join(', ')}` : ''}</p>
${r.predicates.length > 0 ? predicateTable(r.predicates) : html`<p class="more">No field comparison in this rule.</p>`}
</details>`;
}

function moreNote(total: number, shown: number): HtmlValue {
  return total > shown ? html`<p class="more">… ${total - shown} more (<code>--top ${total}</code> or <code>--top -1</code> shows them all).</p>` : '';
}

function repositorySection(view: TechniqueRepositoryView): Html {
  const c = view.coverage;
  const gapEvents = view.eventGap?.missing ?? [];
  return html`<section id="repository"><h2>Your repository</h2>
${c ? html`<p class="intro"><span class="badge s-${c.state === 'partial' ? (c.score < 50 ? 'p1' : 'p2') : c.state}">${c.state}</span> ${STATE_TEXT[c.state]} ${c.repositoryRules} repository rule(s), ${c.corpusRules} corpus rule(s); reads ${c.coveredEvents} of ${c.corpusEvents} corpus event(s).</p>` : ''}
${view.rules.length > 0 ? html`<h3>Repository rules (${view.rules.length})</h3><ul>${view.rules.map((r) => html`<li>${r.title} <code>${r.file}</code></li>`)}</ul>` : ''}
${gapEvents.length > 0 ? html`<h3>Events the corpus reads and the repository does not (${gapEvents.length})</h3>${table(['Event', 'Corpus rules reading it'], gapEvents.map((e) => [e.label, e.corpusRules]), { numeric: [1] })}` : ''}
${view.exclusionGaps.map((g) => html`<h3>Common exclusions missing on ${describeEvent(g.event)}</h3><p class="intro">${g.repositoryRules} repository rule(s) and ${g.corpusRules} corpus rules read this event.</p>${table(['Exclusion', 'Corpus rules', 'Share'], g.missing.map((x) => [{ content: html`<code>${describeRow(x)}</code>`, className: 'value' }, x.corpusRules, { content: `${Math.round(x.share * 100)}%`, sort: x.share }]), { numeric: [1, 2] })}`)}
</section>`;
}

/** The catalog page of one technique as a self-contained HTML page: every section of `explain`, expandable rules, sortable tables. */
export function techniquePageHtml(input: TechniquePageInput): string {
  const { page: p, links } = input;
  const t = p.technique;
  const top = input.top < 0 ? Number.POSITIVE_INFINITY : input.top;
  const byRef = new Map(input.rules.map((r) => [r.ref, r] as const));
  const [events, fields, indicators, exclusions] = sections(p, top);
  const nav = html`${links.matrix ? html`<a href="${links.matrix}">ATT&amp;CK matrix</a> › ` : ''}${t.parent ? html`${techniqueLink(t.parent.id, `${t.parent.id} ${t.parent.name}`, links)} › ` : ''}${t.id}${links.gaps ? html` · <a href="${links.gaps}">gap report</a>` : ''}`;
  const meta = html`<p class="meta">Tactic: ${t.tactics.map((x) => x.name).join(', ')}${t.parent ? html` · sub-technique of ${techniqueLink(t.parent.id, `${t.parent.name} ${t.parent.id}`, links)}` : ''}${t.status !== 'active' ? html` · <strong>${t.status}</strong>${t.replacement ? html` (now ${techniqueLink(t.replacement.id, `${t.replacement.id} ${t.replacement.name}`, links)})` : ''}` : ''} · <a href="${t.url}">${t.url}</a> (ATT&amp;CK v${p.attackVersion})</p>
${t.description ? html`<p class="description">${t.description}</p>` : ''}
<p class="meta">${p.ruleCount} corpus rule${p.ruleCount === 1 ? '' : 's'} tagged with this technique.</p>`;

  const body: HtmlValue[] = [];
  if (input.repository) body.push(repositorySection(input.repository));
  if (events) {
    body.push(html`<section id="events"><h2>${events.title}</h2><p class="intro">${events.intro}</p>${events.rows.length > 0 ? table(events.header, events.rows.map((r) => [r[0], r[1], r[2], Number(r[3])]), { numeric: [3] }) : ''}</section>`);
  }
  if (fields) {
    const rows = fields.rows.map((r) => [html`<code>${r[0] ?? ''}</code>`, Number(r[1]), r[2], { content: r[3] ?? '', className: 'value' }]);
    body.push(html`<section id="fields"><h2>${fields.title}</h2><p class="intro">${fields.intro}</p>${rows.length > 0 ? table(fields.header, rows, { numeric: [1] }) : ''}${moreNote(fields.total, rows.length)}</section>`);
  }
  if (indicators) {
    const rows = indicators.rows.map((r, i): Cell[] => {
      const row = p.indicators[i] as ValueRow;
      return [html`<code>${r[0] ?? ''}</code>`, r[1], valueCell(row, r[2] ?? '', byRef), row.rules, { content: r[4] ?? '', sort: row.reach ?? 0 }];
    });
    body.push(html`<section id="indicators"><h2>${indicators.title}</h2><p class="intro">${indicators.intro} Open a value for the rules that check it.</p>${rows.length > 0 ? table(indicators.header, rows, { numeric: [3, 4] }) : ''}${moreNote(indicators.total, rows.length)}</section>`);
  }
  if (exclusions) {
    const rows = exclusions.rows.map((r, i): Cell[] => {
      const row = p.exclusions[i] as ValueRow;
      return [html`<code>${r[0] ?? ''}</code>`, r[1], valueCell(row, r[2] ?? '', byRef), row.rules];
    });
    body.push(html`<section id="exclusions"><h2>${exclusions.title}</h2><p class="intro">${exclusions.intro} Open a value for the rules that exclude it.</p>${rows.length > 0 ? table(exclusions.header, rows, { numeric: [3] }) : ''}${moreNote(exclusions.total, rows.length)}</section>`);
  }
  body.push(html`<section id="rules"><h2>Rules under this technique</h2><p class="intro">Every corpus rule tagged with this technique, by vendor. Open a rule for its predicates: indicators, exclusions (under a top-level NOT) and scope.</p>
${Object.entries(p.rulesByVendor).map(([vendor, summaries]) => html`<h3>${VENDOR_NAMES[vendor as keyof typeof VENDOR_NAMES]} ${summaries.length} rule${summaries.length === 1 ? '' : 's'}</h3>
${summaries.map((s) => {
  const r = byRef.get(s.ref);
  return r ? ruleDetails(r) : html`<p>${s.title} <code>${s.file}</code></p>`;
})}`)}</section>`);
  if (t.subtechniques.length > 0) {
    body.push(html`<section id="subtechniques"><h2>Sub-techniques</h2>${table(['Id', 'Name', 'Rules'], t.subtechniques.map((s) => [{ content: techniqueLink(s.id, s.id, links), sort: s.id }, s.name, s.rules]), { numeric: [2] })}</section>`);
  }
  return page({
    title: `${t.id} ${t.name} — lint-rule catalog`,
    nav,
    heading: `${t.name} ${t.id}`,
    meta,
    body,
    footer: `Generated by ${input.generator} from the corpus index; ATT&CK v${p.attackVersion}.`,
  }).value;
}
