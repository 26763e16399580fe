import { defineCheck } from '../engine/check.js';
import { sigmaDocOf } from './sigma/pysigma-doc.js';

export default defineCheck({
  meta: {
    id: 'sigma-duplicate-tag',
    description: 'The same tag appears twice in `tags` (pySigma duplicate_tag).',
    defaultSeverity: 'warn',
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
      else context.report({ message: `tag '${tag.value}' repeated (first on line ${first})`, loc: tag.loc });
    }
  },
});
