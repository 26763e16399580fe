import type { Location, SourceText } from '../model/location.js';
import type { Fix } from './check.js';
import type { LintMessage } from './linter.js';

export interface FixOutcome {
  output: string;
  /** Messages whose fixes were applied. */
  fixed: LintMessage[];
}

/**
 * Applies the fixes of a file's messages to its text, as text edits at the
 * reported ranges: the rest of the file (formatting, comments, key order)
 * stays byte for byte. A message's edits go in together or not at all;
 * a message whose edits overlap an earlier one waits for the next pass.
 */
export function applyFixes(text: string, messages: readonly LintMessage[]): FixOutcome {
  const candidates = messages.filter((m) => m.fix && m.fix.length > 0);
  const taken: Fix[] = [];
  const fixed: LintMessage[] = [];
  for (const m of candidates) {
    const edits = m.fix as Fix[];
    if (edits.some((e) => taken.some((t) => overlaps(t, e)))) continue;
    taken.push(...edits);
    fixed.push(m);
  }
  taken.sort((a, b) => b.range[0] - a.range[0]);
  let output = text;
  for (const e of taken) output = output.slice(0, e.range[0]) + e.text + output.slice(e.range[1]);
  return { output, fixed };
}

function overlaps(a: Fix, b: Fix): boolean {
  return a.range[0] < b.range[1] && b.range[0] < a.range[1];
}

/**
 * An edit replacing `search` (case-insensitive) inside the text at `loc` by
 * `replacement`, or undefined when the text there does not hold it.
 */
export function replaceWithin(source: SourceText, loc: Location, search: string, replacement: string): Fix | undefined {
  const start = source.offset(loc.line, loc.column);
  const end = source.offset(loc.endLine, loc.endColumn);
  const at = source.text.slice(start, end).toLowerCase().indexOf(search.toLowerCase());
  if (at < 0) return undefined;
  return { range: [start + at, start + at + search.length], text: replacement };
}
