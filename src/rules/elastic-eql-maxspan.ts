import { defineCheck } from '../engine/check.js';
import { DEFAULT_FROM, DEFAULT_INTERVAL, durationMs, lookbackMs, showMinutes } from './elastic/durations.js';
import { elasticDocOf, ruleString, ruleType } from './elastic/elastic-doc.js';
import { eqlShape } from './elastic/eql-shape.js';

const TEN_MINUTES = 10 * 60_000;
const FIVE_MINUTES = 5 * 60_000;

/** `now` → 0, `now-5m` → -300000, `now+5m` → 300000; undefined for other date math. */
function relativeMs(text: string): number | undefined {
  const t = text.trim();
  if (t === 'now') return 0;
  const m = /^now([+-])(.+)$/.exec(t);
  if (!m) return undefined;
  const span = durationMs(m[2] as string);
  return span === undefined ? undefined : m[1] === '-' ? -span : span;
}

export default defineCheck({
  meta: {
    id: 'elastic-eql-maxspan',
    description: 'An EQL sequence whose maxspan is longer than the rule looks back, or long against its interval.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['elastic'],
    docs: `A sequence with \`with maxspan=…\` matches events up to that far apart, but each run only searches the rule's look-back window (\`from\` to \`to\`, by default \`now-6m\` to now). detection-rules' CI checks two things (\`test_eql_lookback\`, \`test_eql_interval_to_maxspan\`):

- the look-back plus 10 minutes must be at least the maxspan: a sequence longer than the window the rule searches can never be seen whole;
- when maxspan is over 2.5 minutes, \`interval\` (default \`5m\`) must be at least half of it, so consecutive runs overlap enough to catch sequences that straddle two runs without the rule running far more often than it can usefully match.

The message is placed on the \`maxspan\` of the query and gives the values compared.

**Fix:** lengthen \`from\` (\`now-<maxspan>\` or more) and/or \`interval\`, or shorten the maxspan.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    // Most EQL rules are not sequences with a maxspan: no need to parse their query again.
    if (!doc || ruleType(doc) !== 'eql' || !/maxspan/i.test(doc.rule.query?.value ?? '')) return;
    const maxspan = eqlShape(doc)?.maxspan;
    if (!maxspan) return;
    const fromText = ruleString(doc, 'from')?.value ?? DEFAULT_FROM;
    const toText = ruleString(doc, 'to')?.value;
    const from = lookbackMs(fromText);
    const to = toText === undefined ? 0 : relativeMs(toText);
    if (from !== undefined && to !== undefined) {
      const lookback = to + from;
      if (lookback + TEN_MINUTES < maxspan.ms) {
        context.report({
          message: `maxspan=${maxspan.written} is longer than the look-back of ${showMinutes(lookback)} (from = "${fromText}") plus 10 minutes; from should reach at least now-${showMinutes(Math.max(0, maxspan.ms - TEN_MINUTES - to))}`,
          loc: maxspan.loc,
        });
      }
    }
    const intervalText = ruleString(doc, 'interval')?.value ?? DEFAULT_INTERVAL;
    const interval = durationMs(intervalText);
    if (interval !== undefined && maxspan.ms > FIVE_MINUTES / 2 && interval / maxspan.ms < 0.5) {
      context.report({
        message: `interval ${intervalText} is less than half of maxspan=${maxspan.written}; use an interval of at least ${showMinutes(Math.floor(maxspan.ms / 2))}`,
        loc: maxspan.loc,
      });
    }
  },
});
