import pc from 'picocolors';
import { VENDOR_NAMES, type CatalogPage } from './page.js';
import { sections } from './sections.js';
import { textTable } from './table.js';

export function catalogText(page: CatalogPage, options: { top: number; color: boolean }): string {
  const c = pc.createColors(options.color);
  const t = page.technique;
  const out: string[] = [c.bold(`${t.name} ${t.id}`), `Tactic: ${t.tactics.map((x) => x.name).join(', ')}`];
  if (t.parent) out.push(`Sub-technique of ${t.parent.name} ${t.parent.id}`);
  if (t.description) out.push(t.description);
  if (t.status !== 'active') out.push(c.yellow(`Status: ${t.status}${t.replacement ? ` (now ${t.replacement.id} ${t.replacement.name})` : ''}`));
  out.push(`${t.url}  (ATT&CK v${page.attackVersion})`, '', `${page.ruleCount} corpus rule${page.ruleCount === 1 ? '' : 's'} tagged with this technique.`);
  for (const s of sections(page, options.top)) {
    out.push('', c.bold(s.title), c.dim(s.intro));
    if (s.rows.length > 0) out.push(textTable(s.header, s.rows));
    if (s.total > s.rows.length) out.push(c.dim(`… ${s.total - s.rows.length} more (--top to show more)`));
  }
  out.push('', c.bold('Rules under this technique'));
  for (const [vendor, rules] of Object.entries(page.rulesByVendor)) {
    out.push(`${VENDOR_NAMES[vendor as keyof typeof VENDOR_NAMES]} ${rules.length} rule${rules.length === 1 ? '' : 's'}`);
    for (const r of rules) out.push(`- ${r.title}  ${c.dim(r.file)}`);
  }
  if (t.subtechniques.length > 0) {
    out.push('', c.bold('Sub-techniques'));
    out.push(textTable(['Id', 'Name', 'Rules'], t.subtechniques.map((s) => [s.id, s.name, String(s.rules)])));
  }
  return `${out.join('\n')}\n`;
}
