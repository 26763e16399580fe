import { defineCheck } from '../engine/check.js';
import { sigmaDocOf } from './sigma/pysigma-doc.js';

const VALUES: readonly string[] = ['informational', 'low', 'medium', 'high', 'critical'];

export default defineCheck({
  meta: {
    id: 'sigma-level-invalid',
    description: '`level` is not one of informational, low, medium, high, critical.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['sigma'],
    docs: `Reports a \`level\` that is not one of informational, low, medium, high, critical, in lower case.

pySigma refuses to load a rule with an unknown level (SigmaLevelError), so conversion stops on it, and SIEMs map only these five onto alert severities. The specification writes them in lower case; pySigma also accepts other cases, which lint-rule reports with the lower-case form.`,
  },
  check(rule, context) {
    const field = sigmaDocOf(rule)?.level;
    if (!field || VALUES.includes(field.value)) return;
    const lower = field.value.toLowerCase();
    const message = VALUES.includes(lower)
      ? `level '${field.value}' must be written in lower case: '${lower}'`
      : `'${field.value}' is not a Sigma level (informational, low, medium, high, critical)`;
    context.report({ message, loc: field.loc });
  },
});
