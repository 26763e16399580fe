import path from 'node:path';
import { defineCheck } from '../engine/check.js';
import type { SigmaDocument } from '../parse/sigma/document-types.js';

/**
 * SigmaHQ's file-name prefixes by logsource value (their naming convention,
 * sigmahq/Sigmahq_filename_rule.md). `os` marks categories that take the
 * operating system infix after the prefix (`proc_creation_win_`).
 */
const PRODUCT_OS: Readonly<Record<string, string>> = { windows: 'win_', macos: 'macos_', linux: 'lnx_' };
const PRODUCT_PREFIX: Readonly<Record<string, string>> = {
  aws: 'aws_', azure: 'azure_', gcp: 'gcp_', m365: 'microsoft365_', okta: 'okta_', onelogin: 'onelogin_', github: 'github_',
};
const CATEGORY_PREFIX: Readonly<Record<string, { prefix: string; os?: true }>> = {
  process_creation: { prefix: 'proc_creation_', os: true },
  image_load: { prefix: 'image_load_' },
  file_event: { prefix: 'file_event_', os: true },
  registry_set: { prefix: 'registry_set_' },
  registry_add: { prefix: 'registry_add_' },
  registry_event: { prefix: 'registry_event_' },
  registry_delete: { prefix: 'registry_delete_' },
  registry_rename: { prefix: 'registry_rename_' },
  process_access: { prefix: 'proc_access_', os: true },
  driver_load: { prefix: 'driver_load_', os: true },
  dns_query: { prefix: 'dns_query_', os: true },
  ps_script: { prefix: 'posh_ps_' },
  ps_module: { prefix: 'posh_pm_' },
  ps_classic_start: { prefix: 'posh_pc_' },
  pipe_created: { prefix: 'pipe_created_' },
  network_connection: { prefix: 'net_connection_', os: true },
  file_rename: { prefix: 'file_rename_', os: true },
  file_delete: { prefix: 'file_delete_', os: true },
  file_change: { prefix: 'file_change_', os: true },
  file_access: { prefix: 'file_access_', os: true },
  create_stream_hash: { prefix: 'create_stream_hash_' },
  create_remote_thread: { prefix: 'create_remote_thread_win_' },
  dns: { prefix: 'net_dns_' },
  firewall: { prefix: 'net_firewall_' },
  webserver: { prefix: 'web_' },
};
const SERVICE_PREFIX: Readonly<Record<string, string>> = {
  auditd: 'lnx_auditd_',
  modsecurity: 'modsec_',
  'diagnosis-scripted': 'win_diagnosis_scripted_',
  'firewall-as': 'win_firewall_as_',
  'msexchange-management': 'win_exchange_',
  security: 'win_security_',
  system: 'win_system_',
  taskscheduler: 'win_taskscheduler_',
  'terminalservices-localsessionmanager': 'win_terminalservices_',
  windefend: 'win_defender_',
  wmi: 'win_wmi_',
  'codeintegrity-operational': 'win_codeintegrity_',
  'bits-client': 'win_bits_client_',
  applocker: 'win_applocker_',
  'dns-server-analytic': 'win_dns_analytic_',
  bitlocker: 'win_bitlocker_',
  capi2: 'win_capi2_',
  'certificateservicesclient-lifecycle-system': 'win_certificateservicesclient_lifecycle_system_',
  pim: 'azure_pim_',
};

/** The prefix SigmaHQ expects for a logsource, read in the order its keys are written (a later key wins). */
export function expectedPrefix(logsource: Readonly<Record<string, unknown>>): string {
  let prefix = '';
  let os = '';
  let withOs = false;
  for (const [key, value] of Object.entries(logsource)) {
    if (typeof value !== 'string') continue;
    if (key === 'product') {
      if (PRODUCT_OS[value]) os = PRODUCT_OS[value] as string;
      else if (PRODUCT_PREFIX[value]) prefix = PRODUCT_PREFIX[value] as string;
    } else if (key === 'category') {
      const c = CATEGORY_PREFIX[value];
      if (c) {
        prefix = c.prefix;
        withOs = c.os === true;
      }
    } else if (key === 'service') {
      if (SERVICE_PREFIX[value]) prefix = SERVICE_PREFIX[value] as string;
    }
  }
  return withOs ? prefix + os : prefix;
}

export default defineCheck({
  meta: {
    id: 'sigmahq-filename-prefix',
    description: 'A Sigma file name that does not start with the prefix SigmaHQ uses for its logsource.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    docs: `SigmaHQ file names start with their logsource (\`proc_creation_win_\`, \`registry_set_\`, \`win_security_\`, \`posh_ps_\`, \`azure_pim_\`, …), so the repository sorts by telemetry. Logsources without a fixed prefix are not checked. SigmaHQ's \`test_file_names\` naming-convention half (the plugin's \`sigmahq_filename_prefix\`, with a longer table, is disabled in SigmaHQ's CI).`,
  },
  check(rule, context) {
    if (rule.vendor !== 'sigma') return;
    const doc = rule.doc as SigmaDocument;
    const ls = doc.data.logsource;
    if (doc.kind !== 'rule' || ls === null || typeof ls !== 'object') return;
    const prefix = expectedPrefix(ls as Record<string, unknown>);
    const name = path.basename(rule.file);
    if (prefix !== '' && !name.startsWith(prefix)) {
      context.report({ message: `file name '${name}' should start with '${prefix}' for this logsource`, loc: doc.logsource?.loc ?? rule.titleLoc });
    }
  },
});
