import { defineCheck } from '../engine/check.js';
import { detectionItems, sigmaRuleDoc } from './sigmahq-support.js';

export default defineCheck({
  meta: {
    id: 'sigmahq-field-space',
    description: 'A detection field name with a space in it.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['sigma'],
    docs: `Backends and field mappings do not handle spaces in field names; SigmaHQ requires an underscore instead (\`Provider_Name\`, not \`Provider Name\`). SigmaHQ's \`test_field_name_with_space\` and \`sigmahq_space_fieldname\`.`,
  },
  check(rule, context) {
    const doc = sigmaRuleDoc(rule);
    if (!doc) return;
    for (const { item } of detectionItems(doc)) {
      if (item.field?.includes(' ')) context.report({ message: `field name '${item.field}' has a space: use '${item.field.replace(/ /g, '_')}'`, loc: item.fieldLoc });
    }
  },
});
