import { defineCheck } from '../engine/check.js';
import { splunkDocOf, statusOf, typeOf, valueAt } from './splunk/splunk-doc.js';

const SCHEDULABLE: readonly string[] = ['TTP', 'Anomaly', 'Correlation'];

export default defineCheck({
  meta: {
    id: 'splunk-enabled-by-default',
    description: 'A Splunk detection is `enabled_by_default` but is not a production TTP, Anomaly or Correlation detection.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['splunk'],
    docs: `\`enabled_by_default: true\` makes the detection's saved search run as soon as the app is installed. contentctl allows it only for production detections of type TTP, Anomaly or Correlation: an experimental or deprecated detection has not earned a place in every customer's schedule, and a Hunting search is meant to be run by hand. It also requires the value to be \`true\` or \`false\`.

contentctl refuses the detection otherwise; the message lists what is wrong.`,
  },
  check(rule, context) {
    const doc = splunkDocOf(rule);
    if (!doc) return;
    const value = valueAt(doc.data, ['enabled_by_default']);
    const loc = doc.locate(['enabled_by_default']);
    if (value === undefined || value === false || !loc) return;
    if (value !== true) {
      if (typeof value !== 'object' || value === null) context.report({ message: `enabled_by_default must be true or false, not ${JSON.stringify(value)}`, loc });
      return;
    }
    const why: string[] = [];
    const status = statusOf(doc);
    const type = typeOf(doc);
    if (status !== 'production') why.push(`its status is ${status ?? 'missing'}, not production`);
    if (type === undefined || !SCHEDULABLE.includes(type)) why.push(`its type is ${type ?? 'missing'}, not TTP, Anomaly or Correlation`);
    if (why.length > 0) context.report({ message: `the detection may not be enabled by default: ${why.join(', and ')}`, loc });
  },
});
