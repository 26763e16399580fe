import { defineCheck } from '../engine/check.js';
import { fieldPresence } from './splunk/field-presence.js';
import { splunkDocOf, valueAt } from './splunk/splunk-doc.js';

export default defineCheck({
  meta: {
    id: 'splunk-throttling-fields',
    description: 'A Splunk detection throttles on a field its search\'s results do not have.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['splunk'],
    docs: `\`tags.throttling\` suppresses repeated alerts: for \`period\`, a result with the same values of the throttling \`fields\` as one already alerted on is dropped. A field the results do not have has no value, so every result looks the same and the detection alerts once per period whatever it finds — or, for a misspelt field, throttling silently does nothing useful.

contentctl refuses a detection whose throttling fields do not appear in its search text. lint-rule follows the search to the fields of its results (see \`splunk-drilldown-field\`) and falls back to contentctl's test where it cannot list them. The \`fields\` and \`period\` keys themselves are \`splunk-schema\`'s to check.`,
  },
  check(rule, context) {
    const doc = splunkDocOf(rule);
    const fields = doc ? valueAt(doc.data, ['tags', 'throttling', 'fields']) : undefined;
    if (!doc || !Array.isArray(fields) || fields.length === 0) return;
    const presence = fieldPresence(rule);
    if (!presence) return;
    fields.forEach((field, i) => {
      const loc = doc.locate(['tags', 'throttling', 'fields', i]);
      if (typeof field !== 'string' || !loc || presence.exists(field)) return;
      context.report({ message: `throttling field '${field}' is not a field of the detection's results: ${presence.why(field)}`, loc });
    });
  },
});
