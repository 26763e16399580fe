import type { GapReport } from '../../gaps/types.js';
import { markdownTable } from '../catalog/table.js';
import { gapSections, gapSummary } from './sections.js';

export function gapsMarkdown(report: GapReport, options: { top: number }): string {
  const out: string[] = ['# Detection gaps', '', ...gapSummary(report).map((l) => `${l}  `)];
  for (const s of gapSections(report, options.top)) {
    if (s.groups === 0) continue;
    out.push('', `## ${s.title}`, '', s.intro, '', markdownTable(s.header, s.rows));
    if (s.groups > s.shownGroups) out.push('', `_… ${s.groups - s.shownGroups} more._`);
  }
  return `${out.join('\n')}\n`;
}
