import { defineCheck } from '../engine/check.js';
import { detectionItems, sigmaRuleDoc } from './sigmahq-support.js';

export default defineCheck({
  meta: {
    id: 'sigmahq-sysmon-missing-eventid',
    description: 'A `service: sysmon` rule with no EventID in its detection.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['sigma'],
    docs: `The Sysmon service logsource is the whole Sysmon channel: without an EventID the rule matches across every Sysmon event type, which is rarely meant (and slow). Name the event, or use the category it belongs to (process_creation, image_load, …). SigmaHQ's \`test_sysmon_rule_without_eventid\` and \`sigmahq_sysmon_missing_eventid\`.`,
  },
  check(rule, context) {
    const doc = sigmaRuleDoc(rule);
    const service = doc?.logsource?.service;
    if (!doc || service?.value !== 'sysmon') return;
    for (const { item } of detectionItems(doc)) if (item.field === 'EventID') return;
    context.report({ message: 'a Sysmon service rule without EventID matches every Sysmon event type', loc: service.loc });
  },
});
