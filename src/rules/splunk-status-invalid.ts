import { defineCheck } from '../engine/check.js';
import { DETECTION_STATUSES } from './splunk/contentctl-values.js';
import { enumProblem } from './splunk/enum-value.js';
import { splunkDocOf } from './splunk/splunk-doc.js';

export default defineCheck({
  meta: {
    id: 'splunk-status-invalid',
    description: 'A Splunk detection\'s `status` is not production, experimental, deprecated or validation.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['splunk'],
    docs: `Reports a \`status\` that is not one of contentctl's detection statuses: \`production\`, \`experimental\`, \`deprecated\`, \`validation\`, in lower case. The message names the intended value when the spelling is close.

The status decides what contentctl requires of a detection — only production detections must have tests, a Victim observable, two drilldowns and every observable and message field in the search — and whether it may be enabled by default; contentctl refuses to build a detection with another value.`,
  },
  check(rule, context) {
    const field = splunkDocOf(rule)?.status;
    if (!field) return;
    const problem = enumProblem(field.value, DETECTION_STATUSES, 'status');
    if (problem) context.report({ message: problem, loc: field.loc });
  },
});
