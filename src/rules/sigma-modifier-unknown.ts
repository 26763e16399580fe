import { defineCheck } from '../engine/check.js';

export default defineCheck({
  meta: {
    id: 'sigma-modifier-unknown',
    description: 'A value modifier that Sigma does not define.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['sigma'],
    reportedByParser: true,
    docs: `An unknown modifier (\`Image|endwith\`) makes pySigma reject the rule. The message points at the modifier's own columns and suggests the closest known modifier.`,
  },
});
