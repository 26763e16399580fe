import { defineCheck } from '../engine/check.js';

export default defineCheck({
  meta: {
    id: 'sigma-condition-reference',
    description: 'A condition names a selection, or a pattern matches none, that the detection does not define.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['sigma'],
    reportedByParser: true,
    docs: `A condition that refers to a missing search identifier (a typo, or a selection that was renamed) is rejected by every Sigma backend. The message points at the identifier in the condition.`,
  },
});
