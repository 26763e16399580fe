import { defineCheck } from '../engine/check.js';
import { sigmaRuleDoc } from './sigmahq-support.js';

export default defineCheck({
  meta: {
    id: 'sigmahq-selection-name',
    description: "A search identifier whose name starts with 'or', 'and' or 'not'.",
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    docs: `Condition tokenisers of older Sigma tools read a name such as \`not_filter\` or \`order_by\` as an operator followed by text. SigmaHQ forbids search identifiers that start with \`or\`, \`and\` or \`not\` (names starting with \`sel\` are fine). SigmaHQ's \`test_selection_start_or_and\`.`,
  },
  check(rule, context) {
    const doc = sigmaRuleDoc(rule);
    if (!doc?.detection) return;
    for (const sel of doc.detection.selections.values()) {
      const n = sel.name.toLowerCase();
      if (n.startsWith('sel')) continue;
      const op = n.startsWith('or') ? 'or' : n.startsWith('and') ? 'and' : n.startsWith('not') ? 'not' : undefined;
      if (op) context.report({ message: `search identifier '${sel.name}' starts with '${op}'`, loc: sel.loc });
    }
  },
});
