import { defineCheck } from '../engine/check.js';
import { detectionItems, sigmaRuleDoc } from './sigmahq-support.js';

const PROVIDERS = ['Microsoft-Windows-Security-Auditing', 'Microsoft-Windows-Sysmon'];

export default defineCheck({
  meta: {
    id: 'sigmahq-eventid-process-creation',
    description: 'Sysmon EventID 1 or Security EventID 4688 selected by hand instead of the process_creation category.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    docs: `Process creation is one Sigma category (\`category: process_creation\`) that pipelines map to Sysmon 1, Security 4688 and EDR events alike. A rule that selects \`EventID: 1\` or \`4688\` with the Sysmon or Security-Auditing \`Provider_Name\` covers one of them only, with that provider's field names. SigmaHQ's \`test_event_id_instead_of_process_creation\` and \`sigmahq_event_id_process_creation\`.`,
  },
  check(rule, context) {
    const doc = sigmaRuleDoc(rule);
    if (!doc) return;
    let eventId;
    let provider = false;
    for (const { item } of detectionItems(doc)) {
      if (item.field === 'EventID' && item.values.some((v) => String(v.value) === '1' || String(v.value) === '4688')) eventId ??= item;
      if (item.field === 'Provider_Name' && item.values.some((v) => PROVIDERS.some((p) => String(v.value).includes(p)))) provider = true;
    }
    if (eventId && provider) context.report({ message: 'EventID 1/4688 with the Sysmon or Security provider: use the process_creation category', loc: eventId.keyLoc });
  },
});
