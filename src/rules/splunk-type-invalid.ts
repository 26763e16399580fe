import { defineCheck } from '../engine/check.js';
import { ANALYTICS_TYPES } from './splunk/contentctl-values.js';
import { enumProblem } from './splunk/enum-value.js';
import { splunkDocOf } from './splunk/splunk-doc.js';

export default defineCheck({
  meta: {
    id: 'splunk-type-invalid',
    description: 'A Splunk detection\'s `type` is not TTP, Anomaly, Hunting or Correlation.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['splunk'],
    docs: `Reports a \`type\` that is not one of contentctl's analytics types: \`TTP\`, \`Anomaly\`, \`Hunting\`, \`Correlation\`, written exactly so (contentctl compares case-sensitively: \`ttp\` is rejected). The message names the intended value when the spelling is close.

The type decides how contentctl deploys the detection (its default schedule, whether it creates notables and risk events), which other requirements apply (observables with a Victim, drilldowns, tests) and the NIST category it is given; contentctl refuses to build a detection with another value.`,
  },
  check(rule, context) {
    const field = splunkDocOf(rule)?.type;
    if (!field) return;
    const problem = enumProblem(field.value, ANALYTICS_TYPES, 'type');
    if (problem) context.report({ message: problem, loc: field.loc });
  },
});
