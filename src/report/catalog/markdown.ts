import { VENDOR_NAMES, type CatalogPage } from './page.js';
import { sections } from './sections.js';
import { markdownTable } from './table.js';

export function catalogMarkdown(page: CatalogPage, options: { top: number }): string {
  const t = page.technique;
  const out: string[] = [`# ${t.name} ${t.id}`, '', `**Tactic:** ${t.tactics.map((x) => x.name).join(', ')}  `];
  if (t.parent) out.push(`**Sub-technique of:** ${t.parent.name} ${t.parent.id}  `);
  if (t.description) out.push('', t.description, '');
  if (t.status !== 'active') out.push(`**Status:** ${t.status}${t.replacement ? ` (now ${t.replacement.id} ${t.replacement.name})` : ''}  `);
  out.push(`[${t.url}](${t.url}) (ATT&CK v${page.attackVersion})`, '', `${page.ruleCount} corpus rules tagged with this technique.`);
  for (const s of sections(page, options.top)) {
    out.push('', `## ${s.title}`, '', s.intro, '');
    if (s.rows.length > 0) out.push(markdownTable(s.header, s.rows));
    if (s.total > s.rows.length) out.push('', `_… ${s.total - s.rows.length} more._`);
  }
  out.push('', '## Rules under this technique');
  for (const [vendor, rules] of Object.entries(page.rulesByVendor)) {
    out.push('', `### ${VENDOR_NAMES[vendor as keyof typeof VENDOR_NAMES]} ${rules.length} rules`, '');
    for (const r of rules) out.push(`- ${r.title} (\`${r.file}\`)`);
  }
  if (t.subtechniques.length > 0) {
    out.push('', '## Sub-techniques', '', markdownTable(['Id', 'Name', 'Rules'], t.subtechniques.map((s) => [s.id, s.name, String(s.rules)])));
  }
  return `${out.join('\n')}\n`;
}
