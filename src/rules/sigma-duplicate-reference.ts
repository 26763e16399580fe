import { defineCheck } from '../engine/check.js';
import { sigmaDocOf } from './sigma/pysigma-doc.js';

export default defineCheck({
  meta: {
    id: 'sigma-duplicate-reference',
    description: 'The same entry appears twice in `references` (pySigma duplicate_references).',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['sigma'],
    docs: `Reports an entry of \`references\` that repeats an earlier one exactly. The message is on the repeated entry.

A repeated reference adds nothing and usually means a merge or copy went wrong (and that the reference meant in its place is missing). Remove it. pySigma identifier: \`duplicate_references\`.`,
  },
  check(rule, context) {
    const doc = sigmaDocOf(rule);
    if (!doc) return;
    const seen = new Map<string, number>();
    for (const ref of doc.references) {
      const first = seen.get(ref.value);
      if (first === undefined) seen.set(ref.value, ref.loc.line);
      else context.report({ message: `reference repeated (first on line ${first}): ${ref.value}`, loc: ref.loc });
    }
  },
});
