import { defineCheck } from '../engine/check.js';
import { SECURITY_DOMAINS } from './splunk/contentctl-values.js';
import { enumProblem } from './splunk/enum-value.js';
import { splunkDocOf } from './splunk/splunk-doc.js';

export default defineCheck({
  meta: {
    id: 'splunk-security-domain',
    description: 'A Splunk detection\'s `tags.security_domain` is not one of contentctl\'s security domains.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['splunk'],
    docs: `Reports a \`tags.security_domain\` that is not one of \`${SECURITY_DOMAINS.join('`, `')}\`, in lower case.

The security domain is Enterprise Security's: notables are filed under it, the saved search is named after it when ES clones the detection, and contentctl derives the CIS control from it (\`network\` maps to CIS 13, the others to CIS 10). contentctl refuses any other value.`,
  },
  check(rule, context) {
    const field = splunkDocOf(rule)?.tags.securityDomain;
    if (!field) return;
    const problem = enumProblem(field.value, SECURITY_DOMAINS, 'security_domain');
    if (problem) context.report({ message: problem, loc: field.loc });
  },
});
