import { defineCheck } from '../engine/check.js';
import type { SigmaDocument } from '../parse/sigma/document-types.js';

export default defineCheck({
  meta: {
    id: 'sigmahq-license-type',
    description: 'A `license` that is not a string.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    docs: `\`license\` is one SPDX expression as a string (\`DRL-1.1\`, \`MIT\`); a list or map is not read by tools that package rules. SigmaHQ's \`test_optional_license\`.`,
  },
  check(rule, context) {
    if (rule.vendor !== 'sigma') return;
    const doc = rule.doc as SigmaDocument;
    const v = doc.data.license;
    if (v !== undefined && v !== null && typeof v !== 'string') context.report({ message: `license must be a string, not ${Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a map' : typeof v}`, loc: doc.locate(['license']) ?? doc.loc });
  },
});
