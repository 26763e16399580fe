import { defineCheck } from '../engine/check.js';

export default defineCheck({
  meta: {
    id: 'sigma-duplicate-key',
    description: 'A key written twice in the same YAML mapping.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['sigma'],
    reportedByParser: true,
    docs: `YAML loaders keep the last value silently, so the first one is lost: usually a selection or field pasted twice.`,
  },
});
