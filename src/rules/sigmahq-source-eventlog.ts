import { defineCheck } from '../engine/check.js';
import { detectionItems, sigmaRuleDoc } from './sigmahq-support.js';

export default defineCheck({
  meta: {
    id: 'sigmahq-source-eventlog',
    description: "A `Source: Eventlog` condition, which every Windows event log record satisfies.",
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['sigma'],
    docs: `\`Source: Eventlog\` restates that the record comes from an event log: it narrows nothing, and backends without that field never match. Remove it. SigmaHQ's \`test_source_eventlog\` and \`sigmahq_source_eventlog\`.`,
  },
  check(rule, context) {
    const doc = sigmaRuleDoc(rule);
    if (!doc) return;
    for (const { item } of detectionItems(doc)) {
      if (item.field?.toLowerCase() !== 'source') continue;
      for (const v of item.values) if (String(v.value).toLowerCase() === 'eventlog') context.report({ message: "'Source: Eventlog' adds nothing to the detection", loc: v.loc });
    }
  },
});
