import { defineCheck } from '../engine/check.js';
import { selectionsMatching } from '../parse/sigma/condition-ast.js';
import { ofNodes } from './sigmahq-of-pattern.js';
import { sigmaRuleDoc } from './sigmahq-support.js';

export default defineCheck({
  meta: {
    id: 'sigmahq-of-selection-single',
    description: "`x of name_*` where the pattern matches fewer than two search identifiers.",
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['sigma'],
    docs: `A pattern (\`1 of susp_*\`) that matches a single search identifier is that identifier; SigmaHQ prefers the plain name. Patterns \`selection_*\` and \`filter_*\` are exempt: they are SigmaHQ's conventional names and may grow. SigmaHQ's \`sigmahq_ofselection_condition\` (disabled in SigmaHQ's own CI).`,
  },
  check(rule, context) {
    const doc = sigmaRuleDoc(rule);
    const selections = doc?.detection?.selections;
    if (!doc || !selections) return;
    for (const { node, loc } of ofNodes(doc)) {
      const p = node.pattern;
      if (node.them || !p.endsWith('_*') || p.startsWith('filter_') || p.startsWith('selection_')) continue;
      const n = selectionsMatching(node, selections.keys()).length;
      if (n < 2) context.report({ message: `'${node.quantifier} of ${p}' matches ${n} search identifier${n === 1 ? '' : 's'}: name it directly`, loc });
    }
  },
});
