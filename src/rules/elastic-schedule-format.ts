import { defineCheck } from '../engine/check.js';
import { FROM_PATTERN, INTERVAL_PATTERN } from './elastic/durations.js';
import { elasticDocOf, ruleString } from './elastic/elastic-doc.js';

export default defineCheck({
  meta: {
    id: 'elastic-schedule-format',
    description: 'An Elastic rule whose from or interval is not of the form detection-rules accepts.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['elastic'],
    docs: `A rule runs every \`interval\` and searches back to \`from\`. detection-rules accepts:

- \`interval\`: a number and a unit \`s\`, \`m\`, \`h\` or \`d\` (\`5m\`, \`1h\`);
- \`from\`: date math relative to now, \`now-<number><unit>\` with unit \`s\`, \`m\`, \`h\`/\`H\`, \`d\`, \`w\`, \`M\` or \`y\` (\`now-9m\`); its CI checks this form (\`test_from_filed_value\`).

Kibana would take other date math (\`now-1d/d\`), but the timing checks (\`elastic-eql-maxspan\`, \`elastic-building-block-timing\`) cannot read it, and a typo such as \`now-9\` or \`5 m\` makes the rule fail to save.

**Fix:** write \`from = "now-9m"\` and \`interval = "5m"\` style values.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    if (!doc) return;
    const from = ruleString(doc, 'from');
    if (from && !FROM_PATTERN.test(from.value)) {
      context.report({ message: `from "${from.value}" must be of the form now-<n><unit>, e.g. now-9m`, loc: from.loc });
    }
    const interval = ruleString(doc, 'interval');
    if (interval && !INTERVAL_PATTERN.test(interval.value)) {
      context.report({ message: `interval "${interval.value}" must be of the form <n><unit> with unit s, m, h or d, e.g. 5m`, loc: interval.loc });
    }
  },
});
