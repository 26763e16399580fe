import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

/**
 * Sets step outputs through the `$GITHUB_OUTPUT` file in the multi-line
 * syntax (`name<<delimiter`, value, delimiter) with a random delimiter, as
 * @actions/core's setOutput does, so any value is safe.
 */
export function appendOutputs(file: string, outputs: Readonly<Record<string, string | number>>): void {
  let text = '';
  for (const [name, raw] of Object.entries(outputs)) {
    const value = String(raw);
    const delimiter = `ghadelimiter_${randomUUID()}`;
    if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`output ${name} holds its own delimiter`);
    text += `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
  }
  appendFileSync(file, text, 'utf8');
}

/** GitHub rejects a step summary over 1 MiB; we stay under it with room for the note we add. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 1024;

/**
 * Appends Markdown to `$GITHUB_STEP_SUMMARY` (other steps' summaries are
 * kept). A summary over the limit is cut at a line break and says so.
 */
export function appendSummary(file: string, markdown: string, limit = SUMMARY_LIMIT_BYTES): void {
  appendFileSync(file, `${fitSummary(markdown, limit)}\n`, 'utf8');
}

export function fitSummary(markdown: string, limit = SUMMARY_LIMIT_BYTES): string {
  if (Buffer.byteLength(markdown, 'utf8') <= limit) return markdown;
  const note = '\n\n> The summary was cut to fit GitHub’s size limit; the job log and the SARIF file have every problem.\n';
  const room = limit - Buffer.byteLength(note, 'utf8');
  // Cut on a byte budget, then back to the last whole line so no table row or character is split.
  const head = Buffer.from(markdown, 'utf8').subarray(0, Math.max(0, room)).toString('utf8');
  const lastBreak = head.lastIndexOf('\n');
  return `${lastBreak > 0 ? head.slice(0, lastBreak) : ''}${note}`;
}
