import path from 'node:path';
import type { LintMessage } from '../../engine/linter.js';
import type { Formatter } from './types.js';

/**
 * A file's path relative to `base` with forward slashes, as editors, CI logs
 * and GitHub expect on every OS. A file on another Windows drive has no
 * relative path and keeps its absolute one.
 */
export function displayPath(file: string, base: string): string {
  const rel = path.relative(base, file);
  if (rel === '') return path.basename(file);
  if (path.isAbsolute(rel)) return rel.split(path.sep).join('/');
  return path.sep === '/' ? rel : rel.split(path.sep).join('/');
}

export function severityName(m: LintMessage): 'error' | 'warning' {
  return m.severity === 2 ? 'error' : 'warning';
}

/** A multi-line message on one line: its non-blank lines, trimmed, joined with " / ". */
export function oneLine(message: string): string {
  if (!message.includes('\n') && !message.includes('\r')) return message;
  return message
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' / ');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * One line per problem, `path:line:col: severity message [check-id]`, the
 * shape grep, editors' quickfix lists and `git diff`-style tools parse; then
 * a count line (always, so a clean run says so).
 */
export const compact: Formatter = (results, ctx) => {
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    if (r.messages.length === 0) continue;
    errors += r.errorCount;
    warnings += r.warningCount;
    const file = displayPath(r.filePath, ctx.cwd);
    for (const m of r.messages) {
      out.push(`${file}:${m.line}:${m.column}: ${severityName(m)} ${oneLine(m.message)}${m.ruleId ? ` [${m.ruleId}]` : ''}`);
    }
  }
  const total = errors + warnings;
  out.push(total === 0 ? '0 problems' : `${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`);
  return `${out.join('\n')}\n`;
};
