import { defineCheck } from '../engine/check.js';
import { logsourceReference } from './sigmahq-logsource-data.js';
import { describeLogsource, logsourceKey, sigmaRuleDoc } from './sigmahq-support.js';

export default defineCheck({
  meta: {
    id: 'sigmahq-logsource-unknown',
    description: 'A Sigma logsource (product/category/service) that SigmaHQ\'s logsource.json does not know.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['sigma'],
    docs: `SigmaHQ accepts only the logsources listed in its \`tests/logsource.json\`: a product it knows, and a category or service of that product (a logsource without a product is looked up under the pseudo-product \`empty\`: proxy, webserver, antivirus, …). A typo (\`proces_creation\`) or a made-up combination (\`product: windows, category: webserver\`) means no backend or pipeline maps the rule, so it silently matches nothing.

The reference file is read at run time from \`settings.sigma.logsourceJson\` (default: \`tests/logsource.json\` of the SigmaHQ corpus beside lint-rule). This is SigmaHQ's \`test_logsource_value\` and the \`sigmahq_logsource_unknown\` validator.`,
  },
  check(rule, context) {
    const doc = sigmaRuleDoc(rule);
    if (!doc?.logsource) return;
    const ref = logsourceReference(context.settings);
    if (!ref) return;
    const ls = logsourceKey(doc);
    if (ref.isKnown(ls)) return;
    const at = doc.logsource.category ?? doc.logsource.service ?? doc.logsource.product;
    context.report({ message: `unknown logsource (${describeLogsource(ls)}): not in SigmaHQ's logsource.json (version ${ref.version})`, loc: at?.loc ?? doc.logsource.loc });
  },
});
