import { defineCheck } from '../engine/check.js';
import { elasticDocOf, QUERY_RULE_TYPES, ruleTable, ruleType } from './elastic/elastic-doc.js';

/** Index patterns whose events arrive late enough that the default 6-minute look-back misses them. */
const LONG_INDEXES: ReadonlySet<string> = new Set(['logs-endpoint.events.*']);

export default defineCheck({
  meta: {
    id: 'elastic-endpoint-lookback',
    description: 'An Elastic rule on logs-endpoint.events.* without an explicit from.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['elastic'],
    docs: `Elastic Defend ships events in batches, and they can reach the cluster minutes after they happened. A rule that reads \`logs-endpoint.events.*\` with Kibana's default look-back (\`now-6m\` for a 5-minute interval) misses events that arrive late. detection-rules' CI (\`test_required_lookback\`) requires such rules to set \`from\` explicitly; Elastic's rules use \`now-9m\` or more.

**Fix:** add \`from = "now-9m"\` (or longer) to \`[rule]\`.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    const type = doc ? ruleType(doc) : undefined;
    if (!doc || type === undefined || !QUERY_RULE_TYPES.has(type)) return;
    if (ruleTable(doc).from !== undefined) return;
    const hit = doc.rule.index?.find((i) => LONG_INDEXES.has(i.value));
    if (!hit) return;
    context.report({ message: `a rule on ${hit.value} needs an explicit from (e.g. from = "now-9m"): endpoint events can arrive after the default 6-minute look-back`, loc: hit.loc });
  },
});
