import { displayPath, severityName } from './compact.js';
import type { Formatter } from './types.js';

/**
 * The runner decodes `%25`, `%0D` and `%0A` in a command's message; anything
 * else passes through, so a message keeps its line breaks in the annotation.
 * Same rules as @actions/core's escapeData.
 */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * Property values also end at `,` (next property) and `:` (start of `::`),
 * so those are encoded too (@actions/core's escapeProperty).
 */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands: one `::error`/`::warning` line per
 * problem, which the runner turns into annotations on the pull request's
 * diff. File paths are relative to the workspace (the context's cwd), since
 * that is how the runner maps them to the repository.
 */
export const github: Formatter = (results, ctx) => {
  const out: string[] = [];
  for (const r of results) {
    if (r.messages.length === 0) continue;
    const file = escapeCommandProperty(displayPath(r.filePath, ctx.cwd));
    for (const m of r.messages) {
      const props = [
        `file=${file}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${Math.max(m.endLine, m.line)}`,
        `endColumn=${m.endColumn}`,
      ];
      if (m.ruleId) props.push(`title=${escapeCommandProperty(m.ruleId)}`);
      out.push(`::${severityName(m)} ${props.join(',')}::${escapeCommandData(m.message)}`);
    }
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
};
