import { defineCheck } from '../engine/check.js';
import { elasticDocOf } from './elastic/elastic-doc.js';
import { didYouMean } from './elastic/enum-value.js';

const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

export default defineCheck({
  meta: {
    id: 'elastic-severity-invalid',
    description: 'An Elastic rule whose severity is not low, medium, high or critical.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['elastic'],
    docs: `\`severity\` in \`[rule]\` is one of \`low\`, \`medium\`, \`high\` and \`critical\`, in lower case: Kibana's rule API and detection-rules' schema refuse anything else, so the rule cannot be imported.

**Fix:** use one of the four values (the message suggests the closest), and keep \`risk_score\` in its band (\`elastic-risk-score-severity\`).`,
  },
  check(rule, context) {
    const s = elasticDocOf(rule)?.rule.severity;
    if (!s || (SEVERITIES as readonly string[]).includes(s.value)) return;
    context.report({ message: `severity "${s.value}" must be one of ${SEVERITIES.join(', ')}${didYouMean(s.value, SEVERITIES)}`, loc: s.loc });
  },
});
