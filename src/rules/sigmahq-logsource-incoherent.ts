import { defineCheck } from '../engine/check.js';
import { sigmaRuleDoc } from './sigmahq-support.js';

export default defineCheck({
  meta: {
    id: 'sigmahq-logsource-incoherent',
    description: 'A Sigma logsource with both a category and a service, or a service without a product.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['sigma'],
    docs: `A \`category\` (what kind of event) and a \`service\` (which log of a product) are two ways of naming the same thing, and a service only means something within its product. A logsource with both, or with a service and no product, does not match how pipelines map logsources.

This was the \`sigmahq_logsource_coherent\` validator of the SigmaHQ validator plugin; the current plugin no longer has it and some SigmaHQ rules (Kubernetes audit, PAN-OS GlobalProtect) use such logsources, so the \`sigmahq\` preset leaves it off.`,
  },
  check(rule, context) {
    const ls = sigmaRuleDoc(rule)?.logsource;
    if (!ls) return;
    if (ls.category && ls.service) {
      context.report({ message: `logsource has both category '${ls.category.value}' and service '${ls.service.value}': use one of them`, loc: ls.service.keyLoc });
    } else if (ls.service && !ls.product) {
      context.report({ message: `logsource service '${ls.service.value}' without a product`, loc: ls.service.keyLoc });
    }
  },
});
