import { defineCheck } from '../engine/check.js';
import { elasticDocOf } from './elastic/elastic-doc.js';

/** detection-rules' bands: each severity's range of risk scores. */
const RISK_BANDS: Readonly<Record<string, readonly [number, number]>> = {
  low: [0, 21],
  medium: [22, 47],
  high: [48, 73],
  critical: [74, 100],
};

function bandOf(score: number): string | undefined {
  return Object.keys(RISK_BANDS).find((s) => {
    const [lo, hi] = RISK_BANDS[s] as readonly [number, number];
    return score >= lo && score <= hi;
  });
}

export default defineCheck({
  meta: {
    id: 'elastic-risk-score-severity',
    description: 'An Elastic rule whose risk_score is outside the band of its severity.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['elastic'],
    docs: `Kibana shows both \`severity\` and \`risk_score\`, and risk-based alerting and triage queues sort by either. detection-rules ties them together (\`test_rule_risk_score_severity_mismatch\`): **low** 0–21, **medium** 22–47, **high** 48–73, **critical** 74–100. A score outside its severity's band ranks the alert differently depending on which field a team sorts by; Elastic's own rules use 21, 47, 73 and 99.

Scores outside 0–100 and unknown severities are left to \`elastic-schema\` and \`elastic-severity-invalid\`.

**Fix:** change the score to one in the band of the severity (the message gives it), or the severity to the one the score belongs to.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    const severity = doc?.rule.severity;
    const score = doc?.rule.risk_score;
    if (!severity || !score) return;
    const band = RISK_BANDS[severity.value];
    if (!band || !Number.isInteger(score.value) || score.value < 0 || score.value > 100) return;
    if (score.value >= band[0] && score.value <= band[1]) return;
    context.report({
      message: `risk_score ${score.value} is not in the ${band[0]}–${band[1]} band of severity "${severity.value}" (${score.value} is ${bandOf(score.value) ?? '?'})`,
      loc: score.loc,
    });
  },
});
