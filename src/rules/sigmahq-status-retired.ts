import { defineCheck } from '../engine/check.js';
import type { SigmaDocument } from '../parse/sigma/document-types.js';

export default defineCheck({
  meta: {
    id: 'sigmahq-status-retired',
    description: 'A rule with status deprecated or unsupported outside the deprecated/ and unsupported/ folders.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    docs: `SigmaHQ moves retired rules into \`deprecated/\` or \`unsupported/\`, out of the rule folders that release packages are built from. A rule whose status says it is retired but that still sits among the active rules is shipped by mistake. SigmaHQ's \`sigmahq_status\` (formerly \`sigmahq_status_deprecated\` and \`sigmahq_status_unsupported\`).`,
  },
  check(rule, context) {
    if (rule.vendor !== 'sigma') return;
    const status = (rule.doc as SigmaDocument).status;
    if (!status || (status.value !== 'deprecated' && status.value !== 'unsupported')) return;
    const parts = rule.file.split(/[\\/]/);
    if (parts.includes(status.value)) return;
    context.report({ message: `status '${status.value}' in an active rule folder: move the rule to ${status.value}/`, loc: status.loc });
  },
});
