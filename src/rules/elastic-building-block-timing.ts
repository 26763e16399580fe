import { defineCheck } from '../engine/check.js';
import { durationMs, lookbackMs } from './elastic/durations.js';
import { elasticDocOf, keyPlaceOf, metadataTable, ruleString, ruleTable } from './elastic/elastic-doc.js';

const MIN_LOOKBACK = 119 * 60_000;
const MIN_INTERVAL = 60 * 60_000;

export default defineCheck({
  meta: {
    id: 'elastic-building-block-timing',
    description: 'A building block rule without from and interval of at least now-119m and 60m.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['elastic'],
    docs: `Building block rules (\`building_block_type = "default"\`) write alerts that other rules read, not analysts; Elastic runs them hourly over a two-hour window to keep their cost low. detection-rules' schema validation refuses a building block rule that does not set both \`from\` and \`interval\`, or sets them below \`now-119m\` and \`60m\` (\`validate_bbr\`).

\`bypass_bbr_timing = true\` in \`[metadata]\` turns the check off for one rule, as in detection-rules.

**Fix:** set \`from = "now-119m"\` and \`interval = "60m"\` (or longer).`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    if (!doc) return;
    const r = ruleTable(doc);
    if (r.building_block_type === undefined || metadataTable(doc).bypass_bbr_timing === true) return;
    const from = ruleString(doc, 'from');
    const interval = ruleString(doc, 'interval');
    if (!from || !interval) {
      const missing = [!from ? 'from' : '', !interval ? 'interval' : ''].filter(Boolean).join(' and ');
      context.report({ message: `a building block rule needs ${missing} (at least now-119m and 60m)`, loc: keyPlaceOf(doc, ['rule', 'building_block_type']) });
      return;
    }
    const lookback = lookbackMs(from.value);
    if (lookback === undefined || lookback < MIN_LOOKBACK) {
      context.report({ message: `from "${from.value}" of a building block rule must reach back at least now-119m`, loc: from.loc });
    }
    const every = durationMs(interval.value);
    if (every === undefined || every < MIN_INTERVAL) {
      context.report({ message: `interval "${interval.value}" of a building block rule must be at least 60m`, loc: interval.loc });
    }
  },
});
