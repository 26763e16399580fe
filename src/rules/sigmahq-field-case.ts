import { defineCheck } from '../engine/check.js';
import { fieldsByLowerCase, logsourceReference } from './sigmahq-logsource-data.js';
import { detectionItems, logsourceKey, sigmaRuleDoc } from './sigmahq-support.js';

export default defineCheck({
  meta: {
    id: 'sigmahq-field-case',
    description: 'A detection field that differs only by case from a field of the logsource.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['sigma'],
    fixable: true,
    docs: `Field names are case-sensitive in most backends: \`Commandline\` is not \`CommandLine\`, and the selection silently matches nothing. The known names come from SigmaHQ's \`tests/logsource.json\` (\`settings.sigma.logsourceJson\`). \`--fix\` writes the listed spelling.

SigmaHQ's \`sigmahq_fieldname_cast\` validator and the case half of \`test_fieldname_case\`.`,
  },
  check(rule, context) {
    const doc = sigmaRuleDoc(rule);
    if (!doc) return;
    const fields = logsourceReference(context.settings)?.fieldsOf(logsourceKey(doc));
    if (!fields) return;
    const byLower = fieldsByLowerCase(fields);
    for (const { item } of detectionItems(doc)) {
      const f = item.field;
      if (f === null || fields.has(f)) continue;
      const twin = byLower.get(f.toLowerCase());
      if (!twin) continue;
      context.report({
        message: `field '${f}' differs only by case from '${twin}'`,
        loc: item.fieldLoc,
        fix: { range: [item.fieldSpan.start, item.fieldSpan.end], text: twin },
      });
    }
  },
});
