import { defineCheck } from '../engine/check.js';
import { sigmaRuleDoc } from './sigmahq-support.js';

export default defineCheck({
  meta: {
    id: 'sigmahq-single-value-list',
    description: 'A list with a single element in a detection: a field value list, or a selection that is a list of one map.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    docs: `A one-element list (\`Image|endswith:\\n  - '\\\\x.exe'\`) is written as the value itself in SigmaHQ style; a selection that is a list holding a single map is that map. SigmaHQ's \`test_selection_list_one_value\`.`,
  },
  check(rule, context) {
    const doc = sigmaRuleDoc(rule);
    if (!doc?.detection) return;
    for (const sel of doc.detection.selections.values()) {
      if (sel.kind === 'list' && sel.groups.length === 1 && sel.keywords.length === 0) {
        context.report({ message: `selection '${sel.name}' is a list of one map: write the map directly`, loc: sel.loc });
      }
      for (const group of sel.groups) {
        for (const item of group) {
          if (item.valueIsList && item.values.length === 1) context.report({ message: `'${item.key}' in '${sel.name}' is a list of one value: write the value directly`, loc: item.keyLoc });
        }
      }
    }
  },
});
