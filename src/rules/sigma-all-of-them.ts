import { defineCheck } from '../engine/check.js';
import { sigmaDocOf } from './sigma/pysigma-doc.js';
import { themNodes } from './sigma-them-single-detection.js';

export default defineCheck({
  meta: {
    id: 'sigma-all-of-them',
    description: "A condition uses the discouraged `all of them` (pySigma all_of_them_condition).",
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['sigma'],
    docs: `Reports \`all of them\` in a condition.

\`all of them\` ANDs every search identifier of the detection, including ones added later: a filter appended by a maintainer becomes a required match instead of an exclusion, and the rule silently stops firing. Name the selections with a pattern, \`all of selection_*\`, or list them. pySigma identifier: \`all_of_them_condition\`.`,
  },
  check(rule, context) {
    const detection = sigmaDocOf(rule)?.detection;
    if (!detection) return;
    for (const c of detection.condition) {
      if (!c.ast) continue;
      for (const node of themNodes(c.ast)) {
        if (node.quantifier !== 'all') continue;
        context.report({ message: "'all of them' is discouraged: name the selections, e.g. 'all of selection_*'", loc: c.embedded.locate(node.span) });
      }
    }
  },
});
