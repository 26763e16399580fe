import pc from 'picocolors';
import type { GapReport } from '../../gaps/types.js';
import { gapSections, gapSummary, type GapSection } from './sections.js';

type Colors = ReturnType<typeof pc.createColors>;

const MAX_CELL = 60;

/**
 * An aligned terminal table. Widths are measured on the plain text and the
 * colours applied after padding, so escape codes never skew the columns.
 */
function colorTable(section: GapSection, c: Colors): string {
  const paths = new Set(section.paths ?? []);
  const clip = (s: string, i: number): string => (s.length <= MAX_CELL ? s : paths.has(i) ? `…${s.slice(s.length - MAX_CELL + 1)}` : `${s.slice(0, MAX_CELL - 1)}…`);
  const rows = section.rows.map((r) => r.map(clip));
  const header = section.header.map(clip);
  const numeric = new Set(section.numeric);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const pad = (s: string, i: number): string => (numeric.has(i) ? s.padStart(widths[i] ?? 0) : s.padEnd(widths[i] ?? 0));
  const line = (cells: string[], style: (s: string, i: number) => string): string => cells.map((s, i) => style(pad(s, i), i)).join('  ').trimEnd();
  const out = [line(header, (s) => c.bold(s)), c.dim(widths.map((w) => '─'.repeat(w)).join('  '))];
  // The first column names the group (technique, file): highlight it so groups stand apart.
  for (const r of rows) out.push(line(r, (s, i) => (i === 0 ? c.cyan(s) : s.startsWith('+ ') ? c.dim(s) : s)));
  return out.join('\n');
}

export function gapsText(report: GapReport, options: { top: number; color: boolean }): string {
  const c = pc.createColors(options.color);
  const out: string[] = [c.bold('lint-rule gaps'), ...gapSummary(report)];
  for (const s of gapSections(report, options.top)) {
    if (s.groups === 0) continue;
    out.push('', c.bold(s.id === 'tags' || s.id === 'unread' ? c.yellow(s.title) : s.title), c.dim(s.intro), colorTable(s, c));
    if (s.groups > s.shownGroups) out.push(c.dim(`… ${s.groups - s.shownGroups} more (--top to show more)`));
  }
  if (report.missingTechniques.length + report.eventGaps.length + report.exclusionGaps.length === 0) out.push('', c.green('No gaps: the repository covers every technique, event and common exclusion of the corpus.'));
  return `${out.join('\n')}\n`;
}
