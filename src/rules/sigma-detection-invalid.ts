import { defineCheck } from '../engine/check.js';

export default defineCheck({
  meta: {
    id: 'sigma-detection-invalid',
    description: 'A detection whose shape Sigma does not allow: an empty selection, a map or list where a value belongs.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['sigma'],
    reportedByParser: true,
    docs: `Such a selection matches nothing (or cannot be converted); the message points at the node.`,
  },
});
