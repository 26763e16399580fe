import { defineCheck } from '../engine/check.js';
import { detectionItems, sigmaRuleDoc } from './sigmahq-support.js';

export default defineCheck({
  meta: {
    id: 'sigmahq-all-single-value',
    description: 'The `all` modifier on a field with a single value.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    docs: `\`|all\` links a field's values with AND. With one value it does nothing, and some backends reject it; it is often used as a trick to repeat a field in one selection, which a second selection does cleanly. SigmaHQ's \`sigmahq_invalid_all_modifier\`.`,
  },
  check(rule, context) {
    const doc = sigmaRuleDoc(rule);
    if (!doc) return;
    for (const { item } of detectionItems(doc)) {
      const all = item.modifiers.find((m) => m.name === 'all');
      if (all && item.field !== null && item.values.length < 2) {
        context.report({ message: `'|all' on '${item.field}' with ${item.values.length === 1 ? 'a single value' : 'no value'}: drop the modifier or use a second selection`, loc: all.loc });
      }
    }
  },
});
