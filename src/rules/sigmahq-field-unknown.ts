import { defineCheck } from '../engine/check.js';
import { fieldsByLowerCase, logsourceReference } from './sigmahq-logsource-data.js';
import { describeLogsource, detectionItems, logsourceKey, sigmaRuleDoc } from './sigmahq-support.js';

export default defineCheck({
  meta: {
    id: 'sigmahq-field-unknown',
    description: 'A detection field that SigmaHQ\'s logsource.json does not list for the rule\'s logsource.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['sigma'],
    docs: `SigmaHQ keeps, for each logsource, the field names its rules may use (\`tests/logsource.json\`, read at run time from \`settings.sigma.logsourceJson\`). A field outside that list is a typo or a field of another log, and the rule will not match. Logsources with no list of their own (only the product's common fields) are not checked, as in SigmaHQ's \`test_fieldname_case\`.

A field that differs from a listed one only by case is left to \`sigmahq-field-case\`. lint-rule's own \`field-unknown\` checks fields against its event catalog instead; this check is SigmaHQ's list, exactly.`,
  },
  check(rule, context) {
    const doc = sigmaRuleDoc(rule);
    if (!doc) return;
    const ref = logsourceReference(context.settings);
    const ls = logsourceKey(doc);
    const fields = ref?.fieldsOf(ls);
    if (!fields) return;
    const lower = fieldsByLowerCase(fields);
    for (const { item } of detectionItems(doc)) {
      const f = item.field;
      if (f === null || fields.has(f) || lower.has(f.toLowerCase())) continue;
      context.report({ message: `'${f}' is not a field of the logsource (${describeLogsource(ls)}) in SigmaHQ's logsource.json`, loc: item.fieldLoc });
    }
  },
});
