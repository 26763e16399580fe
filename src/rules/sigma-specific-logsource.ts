import { defineCheck } from '../engine/check.js';
import { forEachItem, sigmaDocOf } from './sigma/pysigma-doc.js';

/**
 * Event ids of product-specific log sources that have a generic Sigma
 * category, as pySigma maps them (where pySigma lists an id twice, its last
 * entry wins, as in its Python dict).
 */
const SYSMON_CATEGORIES: ReadonlyMap<number, string> = new Map([
  [1, 'process_creation'], [2, 'file_change'], [3, 'network_connection'], [4, 'sysmon_status'], [5, 'process_termination'],
  [6, 'driver_load'], [7, 'image_load'], [8, 'create_remote_thread'], [9, 'raw_access_thread'], [10, 'process_access'],
  [11, 'file_event'], [12, 'registry_event'], [13, 'registry_event'], [14, 'registry_event'], [15, 'create_stream_hash'],
  [16, 'sysmon_status'], [17, 'pipe_created'], [18, 'pipe_created'], [19, 'wmi_event'], [20, 'wmi_event'], [21, 'wmi_event'],
  [22, 'dns_query'], [23, 'file_delete'], [24, 'clipboard_change'], [25, 'process_tampering'], [26, 'file_delete_detected'],
  [27, 'file_block_executable'], [28, 'file_block_shredding'], [29, 'file_executable_detected'], [255, 'sysmon_error'],
]);
const SECURITY_CATEGORIES: ReadonlyMap<number, string> = new Map([[4688, 'process_creation']]);

export default defineCheck({
  meta: {
    id: 'sigma-specific-logsource',
    description: 'An EventID under `service: sysmon` or `service: security` where a generic log source category exists (pySigma specific_instead_of_generic_logsource).',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['sigma'],
    docs: `Reports an \`EventID\` value in a rule whose log source is \`product: windows\` with \`service: sysmon\` (Event IDs 1–29 and 255) or \`service: security\` (4688), when Sigma has a generic category for those events.

A rule written for \`category: process_creation\` works with Sysmon Event ID 1, Security 4688 and EDR process telemetry alike; one pinned to \`service: sysmon\` and \`EventID: 1\` only works where Sysmon is deployed. Replace the log source by the category the message names and drop the EventID selection.

As in pySigma, only unquoted numbers count (\`EventID: '1'\` is a string, which \`sigma-number-as-string\` reports). pySigma identifier: \`specific_instead_of_generic_logsource\`.`,
  },
  check(rule, context) {
    const doc = sigmaDocOf(rule);
    const ls = doc?.logsource;
    if (!doc || !ls || ls.product?.value !== 'windows') return;
    const service = ls.service?.value;
    const table = service === 'sysmon' ? SYSMON_CATEGORIES : service === 'security' ? SECURITY_CATEGORIES : undefined;
    if (!table) return;
    forEachItem(doc, (item) => {
      if (item.field !== 'EventID') return;
      for (const v of item.values) {
        if (typeof v.value !== 'number' || v.quoted) continue;
        const category = table.get(v.value);
        if (!category) continue;
        context.report({ message: `EventID ${v.value} of windows/${service}: use the generic log source 'category: ${category}' instead`, loc: v.loc });
      }
    });
  },
});
