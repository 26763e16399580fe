import { defineCheck } from '../engine/check.js';
import { sigmaDocOf } from './sigma/pysigma-doc.js';

const VALUES: readonly string[] = ['stable', 'test', 'experimental', 'deprecated', 'unsupported'];

export default defineCheck({
  meta: {
    id: 'sigma-status-invalid',
    description: '`status` is not one of stable, test, experimental, deprecated, unsupported.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['sigma'],
    docs: `Reports a \`status\` that is not one of stable, test, experimental, deprecated, unsupported, in lower case.

pySigma refuses to load a rule with an unknown status (SigmaStatusError), and rule pipelines choose which rules to deploy by status. The specification writes them in lower case; pySigma also accepts other cases, which lint-rule reports with the lower-case form.`,
  },
  check(rule, context) {
    const field = sigmaDocOf(rule)?.status;
    if (!field || VALUES.includes(field.value)) return;
    const lower = field.value.toLowerCase();
    const message = VALUES.includes(lower)
      ? `status '${field.value}' must be written in lower case: '${lower}'`
      : `'${field.value}' is not a Sigma status (stable, test, experimental, deprecated, unsupported)`;
    context.report({ message, loc: field.loc });
  },
});
