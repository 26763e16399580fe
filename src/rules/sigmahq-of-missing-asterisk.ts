import { defineCheck } from '../engine/check.js';
import { ofNodes } from './sigmahq-of-pattern.js';
import { sigmaRuleDoc } from './sigmahq-support.js';

export default defineCheck({
  meta: {
    id: 'sigmahq-of-missing-asterisk',
    description: "`1 of name` / `all of name` with a single name instead of a pattern with `*`.",
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    docs: `\`1 of selection\` over one search identifier is just \`selection\`; the \`x of\` form is meant for a pattern (\`1 of selection_*\`) or \`them\`. Usually the \`*\` was forgotten, and later selections named \`selection_…\` are silently left out. SigmaHQ's \`sigmahq_missing_asterisk_condition\`.`,
  },
  check(rule, context) {
    const doc = sigmaRuleDoc(rule);
    if (!doc) return;
    for (const { node, loc } of ofNodes(doc)) {
      if (!node.them && !node.pattern.endsWith('*')) context.report({ message: `'${node.quantifier} of ${node.pattern}' names one search identifier: write '${node.pattern}', or '${node.pattern}*' for a pattern`, loc });
    }
  },
});
