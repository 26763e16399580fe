import { defineCheck } from '../engine/check.js';
import { elasticDocOf, keyPlaceOf, ruleString, valueAt } from './elastic/elastic-doc.js';

const LIMIT = 1000;
const STANDARD_SETUP = 'For information on troubleshooting the maximum alerts warning please refer to this [guide](https://www.elastic.co/guide/en/security/current/alerts-ui-monitor.html#troubleshoot-max-alerts).';

export default defineCheck({
  meta: {
    id: 'elastic-max-signals',
    description: 'An Elastic rule with max_signals over 1000, or at 1000 without the standard setup note.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['elastic'],
    docs: `\`max_signals\` caps the alerts one run writes (Kibana's default is 100). detection-rules' CI (\`test_max_signals_note\`) refuses values over 1000, and a rule at 1000 must tell its users, in \`setup\`, how to troubleshoot the "maximum alerts" warning they will meet:

> ${STANDARD_SETUP}

**Fix:** lower \`max_signals\`, or add that sentence to \`setup\`.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    if (!doc) return;
    const max = valueAt(doc, ['rule', 'max_signals']);
    if (typeof max !== 'number') return;
    const loc = doc.locate(['rule', 'max_signals']) ?? keyPlaceOf(doc, ['rule', 'max_signals']);
    if (max > LIMIT) {
      context.report({ message: `max_signals ${max} is over the limit of ${LIMIT}`, loc });
    } else if (max === LIMIT && !ruleString(doc, 'setup')?.value.includes(STANDARD_SETUP)) {
      context.report({ message: 'a rule with max_signals = 1000 needs the standard "maximum alerts warning" sentence in setup', loc });
    }
  },
});
