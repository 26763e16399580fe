import path from 'node:path';
import pc from 'picocolors';
import type { Formatter } from './types.js';

/**
 * ESLint's default look: the file, then one aligned line per message
 * (line:col, severity, message, check id), then a summary.
 */
export const stylish: Formatter = (results, ctx) => {
  const c = pc.createColors(ctx.color);
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const r of results) {
    if (r.messages.length === 0) continue;
    errors += r.errorCount;
    warnings += r.warningCount;
    fixable += r.fixableErrorCount + r.fixableWarningCount;
    out.push('', c.underline(path.relative(ctx.cwd, r.filePath) || r.filePath));
    const rows = r.messages.map((m) => [
      `${m.line}:${m.column}`,
      m.severity === 2 ? 'error' : 'warning',
      m.message,
      m.ruleId ?? '',
    ]);
    const w0 = Math.max(...rows.map((x) => (x[0] as string).length));
    const w1 = Math.max(...rows.map((x) => (x[1] as string).length));
    for (const [pos, sev, msg, id] of rows as [string, string, string, string][]) {
      const sevText = sev === 'error' ? c.red(sev.padEnd(w1)) : c.yellow(sev.padEnd(w1));
      const lines = msg.split('\n');
      const indent = ' '.repeat(2 + w0 + 2 + w1 + 2);
      out.push(`  ${c.dim(pos.padEnd(w0))}  ${sevText}  ${lines[0]}  ${c.dim(id)}`);
      for (const extra of lines.slice(1)) out.push(`${indent}${extra}`);
    }
  }
  const total = errors + warnings;
  if (total > 0) {
    const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
    out.push('', errors > 0 ? c.red(c.bold(summary)) : c.yellow(c.bold(summary)));
    if (fixable > 0) out.push(c.dim(`  ${fixable} problem${fixable === 1 ? '' : 's'} can be fixed with --fix`));
    out.push('');
  }
  return out.join('\n');
};
