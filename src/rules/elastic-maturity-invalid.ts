import { defineCheck } from '../engine/check.js';
import { elasticDocOf } from './elastic/elastic-doc.js';
import { didYouMean } from './elastic/enum-value.js';

const MATURITY_LEVELS = ['development', 'experimental', 'beta', 'production', 'deprecated'] as const;

export default defineCheck({
  meta: {
    id: 'elastic-maturity-invalid',
    description: 'An Elastic rule whose metadata maturity is not one detection-rules knows.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['elastic'],
    docs: `\`maturity\` in \`[metadata]\` is one of \`development\`, \`experimental\`, \`beta\`, \`production\` and \`deprecated\` (lower case). detection-rules' schema refuses other values, and its packaging reads the value to decide which rules ship (\`production\`) and which are retired (\`deprecated\`, in a \`_deprecated\` folder).

**Fix:** use one of the five values; the message suggests the closest.`,
  },
  check(rule, context) {
    const m = elasticDocOf(rule)?.metadata.maturity;
    if (!m || (MATURITY_LEVELS as readonly string[]).includes(m.value)) return;
    context.report({ message: `maturity "${m.value}" must be one of ${MATURITY_LEVELS.join(', ')}${didYouMean(m.value, MATURITY_LEVELS)}`, loc: m.loc });
  },
});
