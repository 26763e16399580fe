import { defineCheck, type Fix } from '../engine/check.js';
import type { Location, SourceText } from '../model/location.js';
import { sigmaDocOf } from './sigma/pysigma-doc.js';

/**
 * Deletes the line of a block-list item (`    - attack.t1059  # note`) when the
 * item is alone on its line; a tag in a flow list (`[a, b, a]`) is left to the author.
 */
function removeListLine(source: SourceText, loc: Location): Fix | undefined {
  if (loc.line !== loc.endLine) return undefined;
  const text = source.lineText(loc.line);
  if (!/^\s*-\s+\S/.test(text) || text.includes('[') || text.trimStart().slice(1).includes(' - ')) return undefined;
  const start = source.offset(loc.line, 1);
  const end = loc.line < source.lineCount ? source.offset(loc.line + 1, 1) : source.text.length;
  return { range: [start, end], text: '' };
}

export default defineCheck({
  meta: {
    id: 'sigma-duplicate-tag',
    description: 'The same tag appears twice in `tags` (pySigma duplicate_tag).',
    defaultSeverity: 'warn',
    fixable: true,
    recommended: false,
    vendors: ['sigma'],
    docs: `Reports a tag that repeats an earlier tag of the same rule exactly. The message is on the repeated tag.

A repeated tag adds nothing; it usually comes from merging two tag lists, and the tag meant in its place (another technique, the tactic) may be missing. Remove it. pySigma identifier: \`duplicate_tag\`.`,
  },
  check(rule, context) {
    const doc = sigmaDocOf(rule);
    if (!doc) return;
    const seen = new Map<string, number>();
    for (const tag of doc.tags) {
      const first = seen.get(tag.value);
      if (first === undefined) seen.set(tag.value, tag.loc.line);
      else {
        const fix = removeListLine(rule.source, tag.loc);
        context.report({ message: `tag '${tag.value}' repeated (first on line ${first})`, loc: tag.loc, ...(fix ? { fix } : {}) });
      }
    }
  },
});
