/**
 * The tag vocabulary of Elastic's rules: `<Prefix>: <value>`. Prefixes are
 * the ones detection-rules' CI accepts (test_tag_prefix); the values are
 * the controlled ones whose spelling its CI enforces (test_casing_and_spacing),
 * written by us from Elastic's published rules. Values outside the lists are
 * allowed (new data sources appear all the time); only a known value
 * written in another case is reported.
 */
export const TAG_PREFIXES: readonly string[] = [
  'Data Source', 'Domain', 'Mitre Atlas', 'Noise', 'OS', 'Performance', 'Platform', 'Profile',
  'Promotion', 'Resources', 'Rule Type', 'Service', 'Tactic', 'Threat', 'Use Case', 'Vuln',
];

/** Each prefix by its lower-case form. */
export const PREFIX_BY_LOWER: ReadonlyMap<string, string> = new Map(TAG_PREFIXES.map((p) => [p.toLowerCase(), p]));

const withExtra = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The lower-cased prefixes, with a check's extra ones; built once per options list. */
export function knownPrefixes(extra: readonly string[]): ReadonlySet<string> {
  let out = withExtra.get(extra);
  if (!out) {
    out = new Set([...TAG_PREFIXES, ...extra].map((p) => p.toLowerCase()));
    withExtra.set(extra, out);
  }
  return out;
}

const VALUES: Readonly<Record<string, readonly string[]>> = {
  'Data Source': [
    'APM', 'AWS', 'AWS CloudTrail', 'Active Directory', 'Amazon Web Services', 'Auditd Manager', 'Azure',
    'Azure Activity Logs', 'Crowdstrike', 'CyberArk PAS', 'Elastic Defend', 'Elastic Defend for Containers',
    'Elastic Endgame', 'File Integrity Monitoring', 'GCP', 'Github', 'Google Cloud Platform', 'Google Workspace',
    'Jamf Protect', 'Kubernetes', 'Microsoft 365', 'Microsoft Defender for Endpoint', 'Microsoft Defender XDR',
    'Network Packet Capture', 'Network Traffic', 'Okta', 'PowerShell Logs', 'SentinelOne', 'Sysmon',
    'Windows Security Event Logs', 'Windows System Event Logs',
  ],
  Domain: ['Cloud', 'Container', 'Email', 'Endpoint', 'Identity', 'LLM', 'Network', 'SaaS'],
  OS: ['Linux', 'Windows', 'macOS'],
  Resources: ['Investigation Guide', 'LLM', 'OS Query'],
  'Rule Type': [
    'BBR', 'Custom Query (KQL)', 'ES|QL', 'Event Correlation (EQL)', 'Higher-Order Rule', 'Indicator Match',
    'ML', 'Machine Learning', 'New Terms', 'Threshold', 'Threat Match',
  ],
  Tactic: [
    'Collection', 'Command and Control', 'Credential Access', 'Defense Evasion', 'Defense Impairment', 'Discovery',
    'Execution', 'Exfiltration', 'Impact', 'Initial Access', 'Lateral Movement', 'Persistence',
    'Privilege Escalation', 'Reconnaissance', 'Resource Development', 'Stealth',
  ],
  'Use Case': [
    'Active Directory Monitoring', 'Asset Visibility', 'Configuration Audit', 'Guided Onboarding',
    'Identity and Access Audit', 'Log Auditing', 'Network Security Monitoring', 'Threat Detection', 'UEBA', 'Vulnerability',
  ],
};

const byExtra = new WeakMap<readonly string[], Map<string, string>>();

/** Every controlled tag, keyed by its case-folded form; built once per list of extra tags (the check's options). */
export function controlledTags(extra: readonly string[]): Map<string, string> {
  let out = byExtra.get(extra);
  if (out) return out;
  out = new Map<string, string>();
  for (const [prefix, values] of Object.entries(VALUES)) for (const v of values) out.set(`${prefix}: ${v}`.toLowerCase(), `${prefix}: ${v}`);
  for (const t of extra) out.set(t.toLowerCase(), t);
  byExtra.set(extra, out);
  return out;
}

/** `Data Source: AWS` → `Data Source`; undefined when there is no colon. */
export function tagPrefix(tag: string): string | undefined {
  const i = tag.indexOf(':');
  return i < 0 ? undefined : tag.slice(0, i).trim();
}

/** The tags detection-rules' CI requires for index patterns a rule reads (test_required_tags), exact pattern match. */
export const REQUIRED_TAGS_BY_INDEX: Readonly<Record<string, readonly string[]>> = {
  'logs-endpoint.events.*': ['Domain: Endpoint', 'Data Source: Elastic Defend'],
  'endgame-*': ['Data Source: Elastic Endgame'],
  'logs-aws*': ['Data Source: AWS', 'Data Source: Amazon Web Services', 'Domain: Cloud'],
  'logs-azure*': ['Data Source: Azure', 'Domain: Cloud'],
  'logs-o365*': ['Data Source: Microsoft 365', 'Domain: Cloud'],
  'logs-okta*': ['Data Source: Okta'],
  'logs-gcp*': ['Data Source: Google Cloud Platform', 'Data Source: GCP', 'Domain: Cloud'],
  'logs-google_workspace*': ['Data Source: Google Workspace', 'Domain: Cloud'],
  'logs-cloud_defend.alerts-*': ['Data Source: Elastic Defend for Containers', 'Domain: Container'],
  'logs-cloud_defend*': ['Data Source: Elastic Defend for Containers', 'Domain: Container'],
  'logs-kubernetes.*': ['Data Source: Kubernetes'],
  'apm-*-transaction*': ['Data Source: APM'],
  'traces-apm*': ['Data Source: APM'],
  '.alerts-security.*': ['Rule Type: Higher-Order Rule'],
  'logs-cyberarkpas.audit*': ['Data Source: CyberArk PAS'],
  'logs-endpoint.alerts-*': ['Data Source: Elastic Defend'],
  'logs-windows.sysmon_operational-*': ['Data Source: Sysmon'],
  'logs-windows.powershell*': ['Data Source: PowerShell Logs'],
  'logs-system.security*': ['Data Source: Windows Security Event Logs'],
  'logs-system.forwarded*': ['Data Source: Windows Security Event Logs'],
  'logs-system.system*': ['Data Source: Windows System Event Logs'],
  'logs-sentinel_one_cloud_funnel.*': ['Data Source: SentinelOne'],
  'logs-fim.event-*': ['Data Source: File Integrity Monitoring'],
  // Elastic renamed the data source; the corpus's rules and its current vocabulary say XDR.
  'logs-m365_defender.event-*': ['Data Source: Microsoft Defender XDR'],
  'logs-crowdstrike.fdr*': ['Data Source: Crowdstrike'],
};

/** The tag a rule in a folder of that name must carry (test_os_tags). */
export const OS_TAG_BY_FOLDER: Readonly<Record<string, string>> = {
  linux: 'OS: Linux',
  macos: 'OS: macOS',
  windows: 'OS: Windows',
};
