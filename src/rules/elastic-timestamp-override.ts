import { defineCheck } from '../engine/check.js';
import { elasticLanguage } from '../parse/elastic/language.js';
import { elasticDocOf, QUERY_RULE_TYPES, ruleHeader, ruleString, ruleType } from './elastic/elastic-doc.js';
import { isEqlSequence } from './elastic/eql-shape.js';

export default defineCheck({
  meta: {
    id: 'elastic-timestamp-override',
    description: 'A KQL or non-sequence EQL rule without timestamp_override = "event.ingested".',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['elastic'],
    docs: `A rule searches the window from \`from\` to now by \`@timestamp\`, the time the event happened. Events that arrive late (agents offline, batched cloud logs) have an \`@timestamp\` already behind the window when they are indexed, and the rule never sees them. With \`timestamp_override = "event.ingested"\` the window is read on the ingest time instead, and Kibana falls back to \`@timestamp\` for events without it.

detection-rules' CI (\`test_event_override\`) requires it on every rule with a KQL or EQL query, except EQL sequences (a sequence orders its events by the timestamp field, and ingest order is not event order). ES|QL, Lucene and machine learning rules are not checked.

**Fix:** add \`timestamp_override = "event.ingested"\` to \`[rule]\`.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    const type = doc ? ruleType(doc) : undefined;
    if (!doc || type === undefined || !QUERY_RULE_TYPES.has(type)) return;
    const language = elasticLanguage(doc);
    if (language !== 'kuery' && language !== 'eql') return;
    if (language === 'eql' && isEqlSequence(doc)) return;
    const override = ruleString(doc, 'timestamp_override');
    if (override?.value === 'event.ingested') return;
    const which = language === 'eql' ? 'an EQL rule that is not a sequence' : 'a KQL rule';
    if (override) {
      context.report({ message: `timestamp_override is "${override.value}"; ${which} should read its window on "event.ingested"`, loc: override.loc });
    } else {
      context.report({ message: `${which} needs timestamp_override = "event.ingested" (late events are missed otherwise)`, loc: ruleHeader(doc) });
    }
  },
});
