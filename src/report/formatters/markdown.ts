import type { LintMessage } from '../../engine/linter.js';
import { displayPath, plural } from './compact.js';
import { ruleDocsUrl } from './sarif.js';
import type { Formatter } from './types.js';

/** Markdown punctuation that would format, link or break a table cell if left as it is. */
const MARKDOWN_SPECIAL = /[\\*_[\]<>|~&]/g;

/**
 * A message as one table cell: Markdown punctuation escaped (so `*x*`
 * wildcards and `<field>` placeholders show as written), code spans kept as
 * code with only their pipes escaped, line breaks as `<br>`, and leading
 * indentation kept with non-breaking spaces.
 */
export function markdownCell(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const indent = /^ */.exec(line)?.[0].length ?? 0;
      return '&nbsp;'.repeat(indent) + escapeInline(line.slice(indent));
    })
    .join('<br>');
}

function escapeInline(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const tick = line.indexOf('`', i);
    if (tick === -1) {
      out += escapeText(line.slice(i));
      break;
    }
    out += escapeText(line.slice(i, tick));
    let run = tick;
    while (line[run] === '`') run++;
    const fence = line.slice(tick, run);
    const close = findClosingFence(line, run, fence.length);
    if (close === -1) {
      // An unmatched backtick is literal text.
      out += fence.replace(/`/g, '\\`');
      i = run;
      continue;
    }
    out += fence + line.slice(run, close).replace(/\|/g, '\\|') + fence;
    i = close + fence.length;
  }
  return out;
}

/** Index of the next run of exactly `n` backticks at or after `from`, or -1. */
function findClosingFence(line: string, from: number, n: number): number {
  let i = line.indexOf('`', from);
  while (i !== -1) {
    let end = i;
    while (line[end] === '`') end++;
    if (end - i === n) return i;
    i = line.indexOf('`', end);
  }
  return -1;
}

function escapeText(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}

/** A path as inline code, with a fence longer than any backtick run inside it. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * A report for a pull-request comment or `$GITHUB_STEP_SUMMARY`: the totals,
 * a table of counts per check, then one table per file with problems
 * (line:col, severity, check linked to its docs page, message). The per-check
 * table comes before the long per-file tables so that a summary cut to fit a
 * size limit still shows it.
 */
export const markdown: Formatter = (results, ctx) => {
  const known = new Set(ctx.checks.map((c) => c.meta.id));
  const checkCell = (id: string | null): string => {
    if (!id) return '';
    return known.has(id) ? `[${escapeText(id)}](${ruleDocsUrl(id)})` : codeSpan(id);
  };

  let errors = 0;
  let warnings = 0;
  let filesWithProblems = 0;
  const perCheck = new Map<string, { errors: number; warnings: number }>();
  const sections: string[] = [];
  for (const r of results) {
    if (r.messages.length === 0) continue;
    filesWithProblems++;
    errors += r.errorCount;
    warnings += r.warningCount;
    const rows = r.messages.map((m) => {
      count(perCheck, m);
      return `| ${m.line}:${m.column} | ${severityCell(m)} | ${checkCell(m.ruleId)} | ${markdownCell(m.message)} |`;
    });
    sections.push(`### ${codeSpan(displayPath(r.filePath, ctx.cwd))}`, '', '| Line:Col | Severity | Check | Message |', '|---|---|---|---|', ...rows, '');
  }

  const out = ['## lint-rule', ''];
  const files = plural(results.length, 'file');
  if (errors + warnings === 0) {
    out.push(`✅ **No problems** in ${files}.`, '');
    return out.join('\n');
  }
  out.push(
    `${errors > 0 ? '❌' : '⚠️'} **${plural(errors + warnings, 'problem')}** (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${filesWithProblems} of ${files}.`,
    '',
    '| Check | Errors | Warnings |',
    '|---|---:|---:|',
  );
  const byCount = [...perCheck].sort((a, b) => b[1].errors - a[1].errors || b[1].warnings - a[1].warnings || a[0].localeCompare(b[0]));
  for (const [id, c] of byCount) out.push(`| ${checkCell(id)} | ${c.errors} | ${c.warnings} |`);
  out.push('', ...sections);
  return out.join('\n');
};

function severityCell(m: LintMessage): string {
  return m.severity === 2 ? '❌ error' : '⚠️ warning';
}

function count(perCheck: Map<string, { errors: number; warnings: number }>, m: LintMessage): void {
  const id = m.ruleId ?? '';
  let c = perCheck.get(id);
  if (!c) {
    c = { errors: 0, warnings: 0 };
    perCheck.set(id, c);
  }
  if (m.severity === 2) c.errors++;
  else c.warnings++;
}
