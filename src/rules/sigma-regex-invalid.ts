import { defineCheck } from '../engine/check.js';

export default defineCheck({
  meta: {
    id: 'sigma-regex-invalid',
    description: 'A `re` value that is not a valid regular expression.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['sigma'],
    reportedByParser: true,
    docs: `Checked after translating the PCRE forms the corpus uses (inline flags such as \`(?i)\`). The message points at the value.`,
  },
});
