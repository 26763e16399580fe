import { html, type Html, type HtmlValue } from './escape.js';
import { page } from './layout.js';
import type { PageLinks } from './links.js';
import { COVERAGE_LEGEND, coverageClass, heatClass, heatLegend, type MatrixColumn, type MatrixTechnique } from './matrix.js';
import { table, type Cell } from './table.js';

export interface MatrixPageInput {
  columns: readonly MatrixColumn[];
  attackVersion: string;
  corpus: { rules: number; roots: readonly string[] };
  /** Set when the cells show the repository's coverage (`site --repo`). */
  repository?: { label: string; rules: number };
  links: PageLinks;
  generator: string;
}

function cellTitle(t: MatrixTechnique, withRepo: boolean): string {
  const c = withRepo ? t.coverage : undefined;
  const n = c ? c.corpusRules : t.corpusRules;
  const corpus = `${t.id} ${t.name}: ${n} corpus rule${n === 1 ? '' : 's'}`;
  return c ? `${corpus}, ${c.repositoryRules} repository rule${c.repositoryRules === 1 ? '' : 's'} (${c.state}, ${c.coveredEvents} of ${c.corpusEvents} events)` : corpus;
}

function cell(t: MatrixTechnique, tactic: string, withRepo: boolean, links: PageLinks, sub: boolean): Html {
  const cls = withRepo ? coverageClass(t.coverage) : heatClass(t.corpusRules);
  const href = links.technique(t.id);
  const count = withRepo && t.coverage ? `${t.coverage.repositoryRules}/${t.coverage.corpusRules}` : String(t.corpusRules);
  const label = html`<span class="tid">${t.id}</span> ${t.name}`;
  const subs = t.subtechniques;
  const subsWithRules = subs.filter((s) => (withRepo ? (s.coverage?.corpusRules ?? 0) + (s.coverage?.repositoryRules ?? 0) : s.corpusRules) > 0).length;
  return html`<div class="cell ${cls}${sub ? ' sub' : ''}" data-technique="${t.id}" data-tactic="${tactic}" data-rules="${t.corpusRules}"${t.coverage ? html` data-state="${t.coverage.state}" data-score="${t.coverage.score}"` : ''} title="${cellTitle(t, withRepo)}"><span class="n">${count}</span>${href ? html`<a href="${href}">${label}</a>` : label}${
    subs.length > 0 ? html`<details><summary>${subs.length} sub-technique${subs.length === 1 ? '' : 's'}, ${subsWithRules} with rules</summary>${subs.map((s) => cell(s, tactic, withRepo, links, true))}</details>` : ''
  }</div>`;
}

function legend(withRepo: boolean): Html {
  const items = withRepo ? COVERAGE_LEGEND : heatLegend();
  return html`<div class="legend" aria-label="legend"><strong>${withRepo ? 'Repository coverage relative to the corpus:' : 'Corpus rules per technique:'}</strong>${items.map((i) => html`<span><span class="swatch ${i.className}"></span>${i.label}</span>`)}${withRepo ? html`<span>cell numbers: repository rules / corpus rules</span>` : ''}</div>`;
}

/** Techniques with rules, as a sortable table under the matrix. */
function techniqueTable(columns: readonly MatrixColumn[], withRepo: boolean, links: PageLinks): Html {
  const seen = new Map<string, { t: MatrixTechnique; tactics: string[] }>();
  const visit = (t: MatrixTechnique, tactic: string): void => {
    const entry = seen.get(t.id);
    if (entry) {
      if (!entry.tactics.includes(tactic)) entry.tactics.push(tactic);
    } else if (t.corpusRules > 0 || t.coverage) {
      seen.set(t.id, { t, tactics: [tactic] });
    }
    for (const s of t.subtechniques) visit(s, tactic);
  };
  for (const col of columns) for (const t of col.techniques) visit(t, col.name);
  const rows = [...seen.values()]
    .sort((a, b) => b.t.corpusRules - a.t.corpusRules || a.t.id.localeCompare(b.t.id))
    .map(({ t, tactics }): Cell[] => {
      const href = links.technique(t.id);
      const row: Cell[] = [{ content: href ? html`<a href="${href}">${t.id}</a>` : t.id, sort: t.id }, t.name, tactics.join(', '), t.corpusRules];
      if (withRepo) {
        const c = t.coverage;
        row.push(c?.repositoryRules ?? 0, { content: c ? `${c.coveredEvents}/${c.corpusEvents}` : '', sort: c?.score ?? 0 }, { content: c?.state ?? '', className: coverageClass(c) });
      }
      return row;
    });
  const header = ['Technique', 'Name', 'Tactics', 'Corpus rules', ...(withRepo ? ['Repository rules', 'Events read', 'State'] : [])];
  return html`<section id="techniques"><h2>Techniques with rules (${rows.length})</h2><p class="intro">Click a column header to sort.</p>${table(header, rows, { numeric: withRepo ? [3, 4, 5] : [3] })}</section>`;
}

/** The index page of the site: the ATT&CK matrix as a heatmap, then every technique with rules. */
export function matrixPageHtml(input: MatrixPageInput): string {
  const withRepo = input.repository !== undefined;
  const cells = input.columns.reduce((n, c) => n + c.techniques.reduce((m, t) => m + 1 + t.subtechniques.length, 0), 0);
  const intro: HtmlValue = withRepo
    ? html`<p class="intro">Each cell is a technique, coloured by how the repository <code>${input.repository?.label ?? ''}</code> (${input.repository?.rules ?? 0} rules) covers it compared with ${input.corpus.rules} corpus rules (${input.corpus.roots.join(', ')}).${input.links.gaps ? html` The <a href="${input.links.gaps}">gap report</a> lists what is missing.` : ''}</p>`
    : html`<p class="intro">Each cell is a technique, coloured by the number of corpus rules (${input.corpus.rules} rules from ${input.corpus.roots.join(', ')}) tagged with it. Open a technique for its catalog page.</p>`;
  const matrix = html`<div class="matrix" style="--cols:${input.columns.length}">${input.columns.map(
    (col) => html`<section class="tactic" data-tactic="${col.shortname}"><h3>${col.name}<small>${col.id} · ${col.techniques.length} techniques</small></h3>${col.techniques.map((t) => cell(t, col.shortname, withRepo, input.links, false))}</section>`,
  )}</div>`;
  return page({
    title: `ATT&CK matrix — lint-rule catalog`,
    ...(input.links.gaps ? { nav: html`<a href="${input.links.gaps}">gap report</a>` } : {}),
    heading: withRepo ? 'ATT&CK coverage of the repository' : 'ATT&CK matrix of the corpus',
    meta: html`<p class="meta">ATT&amp;CK v${input.attackVersion} · ${input.columns.length} tactics · ${cells} technique cells</p>`,
    body: [intro, legend(withRepo), matrix, techniqueTable(input.columns, withRepo, input.links)],
    footer: `Generated by ${input.generator} from the corpus index; ATT&CK v${input.attackVersion}.`,
  }).value;
}
