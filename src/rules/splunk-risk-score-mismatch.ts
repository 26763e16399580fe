import { defineCheck } from '../engine/check.js';
import { contentctlRiskScore, isIntIn } from './splunk/risk-score.js';
import { splunkDocOf, valueAt } from './splunk/splunk-doc.js';

export default defineCheck({
  meta: {
    id: 'splunk-risk-score-mismatch',
    description: 'A Splunk detection\'s written `tags.risk_score` is not the score contentctl computes from confidence and impact.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['splunk'],
    docs: `In the format before contentctl 5, security_content writes \`tags.risk_score\` beside \`confidence\` and \`impact\`, but contentctl ignores it: it computes the score itself, as round(confidence × impact / 100) (rounding halves to even, as Python does), and that computed score is what the risk events carry and what the notable's severity is filed by. A written score that disagrees — typically after confidence or impact was edited — misleads the reader of the YAML about how loud the detection is.

The message gives the score contentctl will use. Fix whichever number is wrong. lint-rule's own check: contentctl does not compare the two.`,
  },
  check(rule, context) {
    const doc = splunkDocOf(rule);
    if (!doc) return;
    const written = valueAt(doc.data, ['tags', 'risk_score']);
    const confidence = valueAt(doc.data, ['tags', 'confidence']);
    const impact = valueAt(doc.data, ['tags', 'impact']);
    const loc = doc.locate(['tags', 'risk_score']);
    if (written === undefined || !loc || !isIntIn(confidence, 0, 100) || !isIntIn(impact, 0, 100)) return;
    const computed = contentctlRiskScore(confidence, impact);
    if (written === computed) return;
    const shown = typeof written === 'string' ? `'${written}'` : JSON.stringify(written);
    context.report({
      message: `tags.risk_score ${shown} is not the score contentctl computes and uses: confidence ${confidence} × impact ${impact} / 100 = ${computed}`,
      loc,
    });
  },
});
