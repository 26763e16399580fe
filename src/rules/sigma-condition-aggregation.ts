import { defineCheck } from '../engine/check.js';

export default defineCheck({
  meta: {
    id: 'sigma-condition-aggregation',
    description: 'A deprecated aggregation in the condition (`| count() by x > 5`).',
    defaultSeverity: 'warn',
    recommended: true,
    vendors: ['sigma'],
    reportedByParser: true,
    docs: `Sigma 1.0 aggregations after a pipe in the condition are deprecated: Sigma v2 expresses them as correlation rules. The search before the pipe is still read.`,
  },
});
