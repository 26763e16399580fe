import { defineCheck } from '../engine/check.js';
import type { SigmaDocument } from '../parse/sigma/document-types.js';

export default defineCheck({
  meta: {
    id: 'sigmahq-fields-deprecated',
    description: 'A rule that uses the deprecated `fields` attribute.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['sigma'],
    docs: `\`fields\` (the fields to show with an alert) is deprecated in Sigma 2: backends ignore it and SigmaHQ removed it from its rules. SigmaHQ's \`sigmahq_fields_existence\`.`,
  },
  check(rule, context) {
    if (rule.vendor !== 'sigma') return;
    const doc = rule.doc as SigmaDocument;
    if (doc.fields.length > 0) context.report({ message: "'fields' is deprecated: remove it", loc: doc.locateKey(['fields']) ?? doc.loc });
  },
});
