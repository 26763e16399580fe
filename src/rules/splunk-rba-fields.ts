import { defineCheck } from '../engine/check.js';
import { fieldPresence } from './splunk/field-presence.js';
import { detectionFormat, splunkDocOf, statusOf, typeOf, valueAt } from './splunk/splunk-doc.js';
import { textAt, tokensIn } from './splunk/yaml-text.js';

interface Options {
  productionOnly: boolean;
}

export default defineCheck<Options>({
  meta: {
    id: 'splunk-rba-fields',
    description: 'A Splunk detection\'s risk message, observable or risk/threat object names a field its search\'s results do not have.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['splunk'],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        productionOnly: { type: 'boolean', description: 'Check production detections only, as contentctl does' },
      },
    },
    defaultOptions: { productionOnly: false },
    docs: `Risk-based alerting turns each result of a detection into risk events: the risk objects and threat objects are read from result fields, and the risk message's \`$field$\` tokens are filled in from them. A field the results do not have gives no risk object (the result raises no risk) or leaves \`$field$\` in the message the analyst reads. Checked, by format:

- before contentctl 5: each \`tags.observable\` \`name\` and each \`$token$\` of \`tags.message\`;
- contentctl 5: each \`rba.risk_objects\` and \`rba.threat_objects\` \`field\`, and each \`$token$\` of \`rba.message\`.

contentctl asks only that each name appear somewhere in the search text, ignoring case, so \`src\` passes when the search mentions \`src_ip\`, and a field the search filters on but then aggregates away passes too. lint-rule follows the search's pipeline to the fields of its results (see \`splunk-drilldown-field\` for how), and falls back to contentctl's test where it cannot list them.

Hunting detections raise no risk events (their deployment has no risk action), so for them lint-rule applies only contentctl's test. contentctl enforces all this for production detections only; the \`splunk\` preset sets \`productionOnly: true\` to match.

**Options:** \`productionOnly\` (default false).`,
  },
  check(rule, context) {
    const doc = splunkDocOf(rule);
    if (!doc || (context.options.productionOnly && statusOf(doc) !== 'production')) return;
    // A Hunting detection raises no risk events: its risk fields get contentctl's own test only.
    const presence = fieldPresence(rule, { resultFields: typeOf(doc) !== 'Hunting' });
    if (!presence) return;
    const legacy = detectionFormat(doc) === 'legacy';
    const message = textAt(doc, legacy ? ['tags', 'message'] : ['rba', 'message']);
    if (message) {
      const reported = new Set<string>();
      for (const token of tokensIn(message)) {
        if (reported.has(token.name) || presence.exists(token.name)) continue;
        reported.add(token.name);
        context.report({ message: `risk message token $${token.name}$ names no field of the detection's results: ${presence.why(token.name)}`, loc: token.loc });
      }
    }
    const lists: [string, string[], string][] = legacy
      ? [['observable', ['tags', 'observable'], 'name']]
      : [['risk object', ['rba', 'risk_objects'], 'field'], ['threat object', ['rba', 'threat_objects'], 'field']];
    for (const [what, path, key] of lists) {
      const list = valueAt(doc.data, path);
      if (!Array.isArray(list)) continue;
      list.forEach((_, i) => {
        const field = valueAt(doc.data, [...path, i, key]);
        const loc = doc.locate([...path, i, key]);
        if (typeof field !== 'string' || field.trim() === '' || !loc || presence.exists(field)) return;
        context.report({ message: `${what} '${field}' is not a field of the detection's results: ${presence.why(field)}`, loc });
      });
    }
  },
});
