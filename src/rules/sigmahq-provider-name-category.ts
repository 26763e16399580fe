import { defineCheck } from '../engine/check.js';
import { detectionItems, sigmaRuleDoc } from './sigmahq-support.js';

export default defineCheck({
  meta: {
    id: 'sigmahq-provider-name-category',
    description: 'A Provider_Name condition in a Windows rule with a logsource category.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['sigma'],
    docs: `A Windows logsource category is provider-neutral: pipelines map it to Sysmon, Security auditing or an EDR. A \`Provider_Name\` condition pins the rule to one provider and defeats that mapping; use the provider's \`service\` logsource instead. SigmaHQ's \`sigmahq_category_windows_provider_name\` (SigmaHQ excludes the two rules where a provider is filtered out on purpose).`,
  },
  check(rule, context) {
    const doc = sigmaRuleDoc(rule);
    const ls = doc?.logsource;
    if (!doc || !ls?.category || ls.product?.value !== 'windows') return;
    for (const { item } of detectionItems(doc)) {
      if (item.field === 'Provider_Name') context.report({ message: `Provider_Name in a rule with the logsource category '${ls.category.value}': use a service logsource for one provider`, loc: item.fieldLoc });
    }
  },
});
