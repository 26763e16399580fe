import { defineCheck } from '../engine/check.js';
import { detectionItems, sigmaRuleDoc } from './sigmahq-support.js';

export default defineCheck({
  meta: {
    id: 'sigmahq-field-redundant',
    description: 'An EventID in a Windows rule whose logsource category already names the events.',
    defaultSeverity: 'warn',
    recommended: true,
    vendors: ['sigma'],
    docs: `A Windows \`category\` (process_creation, registry_event, wmi_event, …) stands for the events that carry it, whichever product logs them (Sysmon, Security, EDRs). Adding \`EventID\` ties the rule back to one provider's numbering: the field is redundant where the pipeline maps the category, and wrong where another product supplies the events. Drop it, or use a \`service\` logsource if one provider's event is meant.

SigmaHQ's \`sigmahq_redundant_field\` and \`sigmahq_category_eventid\` validators (SigmaHQ excludes two rules from the first).`,
  },
  check(rule, context) {
    const doc = sigmaRuleDoc(rule);
    const ls = doc?.logsource;
    if (!doc || !ls?.category || ls.product?.value !== 'windows') return;
    for (const { item } of detectionItems(doc)) {
      if (item.field === 'EventID') context.report({ message: `EventID is redundant with the logsource category '${ls.category.value}'`, loc: item.fieldLoc });
    }
  },
});
