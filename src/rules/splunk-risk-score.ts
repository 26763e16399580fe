import { defineCheck } from '../engine/check.js';
import { isIntIn } from './splunk/risk-score.js';
import { splunkDocOf, valueAt } from './splunk/splunk-doc.js';

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

export default defineCheck({
  meta: {
    id: 'splunk-risk-score',
    description: 'A Splunk detection\'s confidence, impact or risk object score is not a whole number in contentctl\'s range.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['splunk'],
    docs: `Checks the numbers a detection's risk score is made of.

- In the format before contentctl 5, \`tags.confidence\` and \`tags.impact\` must be whole numbers from 0 to 100: contentctl computes the risk score as confidence × impact / 100 and files the notable's severity by it (up to 20 informational, 40 low, 60 medium, 80 high, above that critical).
- With an \`rba:\` block (contentctl 5), each \`rba.risk_objects\` entry's \`score\` must be a whole number from 1 to 100; the detection's risk score is the highest of them.

contentctl refuses other values. A missing \`confidence\` or \`impact\` is \`splunk-schema\`'s to report; a written \`tags.risk_score\` that disagrees with confidence and impact is \`splunk-risk-score-mismatch\`'s.`,
  },
  check(rule, context) {
    const doc = splunkDocOf(rule);
    if (!doc) return;
    for (const key of ['confidence', 'impact']) {
      const v = valueAt(doc.data, ['tags', key]);
      const loc = doc.locate(['tags', key]);
      if (!isScalar(v) || !loc || isIntIn(v, 0, 100)) continue;
      context.report({ message: `tags.${key} must be a whole number from 0 to 100, not ${JSON.stringify(v)}`, loc });
    }
    const objects = valueAt(doc.data, ['rba', 'risk_objects']);
    if (!Array.isArray(objects)) return;
    objects.forEach((o: unknown, i) => {
      const score = valueAt(o, ['score']);
      const loc = doc.locate(['rba', 'risk_objects', i, 'score']);
      if (!isScalar(score) || !loc || isIntIn(score, 1, 100)) return;
      context.report({ message: `the score of risk object ${i + 1} must be a whole number from 1 to 100, not ${JSON.stringify(score)}`, loc });
    });
  },
});
