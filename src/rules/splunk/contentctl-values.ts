/*
 * The values contentctl (splunk/contentctl, the tool that builds and checks
 * security_content) accepts, from its pydantic models: `enums.py`,
 * `constants.py` (observables), `rba.py`. Version 4.4, which matches the
 * corpus lint-rule ships with, for the pre-5 format; version 5 for `rba:`.
 * rules-schema/splunk-detection.schema.json lists the same values (a test
 * keeps them in step).
 */

/** `AnalyticsType`. */
export const ANALYTICS_TYPES: readonly string[] = ['TTP', 'Anomaly', 'Hunting', 'Correlation'];

/** `DetectionStatus`. */
export const DETECTION_STATUSES: readonly string[] = ['production', 'deprecated', 'experimental', 'validation'];

/** `SecurityDomain`. */
export const SECURITY_DOMAINS: readonly string[] = ['endpoint', 'network', 'threat', 'identity', 'access', 'audit', 'cloud'];

/** `SecurityContentProductName`. */
export const PRODUCTS: readonly string[] = [
  'Splunk Enterprise', 'Splunk Enterprise Security', 'Splunk Cloud', 'Splunk Security Analytics for AWS', 'Splunk Behavioral Analytics',
];

/** `AssetType`. */
export const ASSET_TYPES: readonly string[] = [
  'AWS Account', 'AWS EKS Kubernetes cluster', 'AWS Federated Account', 'AWS Instance', 'Account',
  'Amazon EKS Kubernetes cluster', 'Amazon EKS Kubernetes cluster Pod', 'Amazon Elastic Container Registry',
  'Azure Tenant', 'Azure AKS Kubernetes cluster', 'Azure Active Directory', 'CircleCI', 'Cloud Compute Instance',
  'Cloud Instance', 'DNS Servers', 'Database Server', 'Domain Server', 'EC2 Snapshot', 'Endpoint', 'GCP', 'GCP Account',
  'GCP GKE EKS Kubernetes cluster', 'GCP GKE Kubernetes cluster', 'GCP Kubernetes cluster', 'GCP Storage Bucket', 'GDrive',
  'GSuite', 'GitHub', 'Google Cloud Platform tenant', 'Identity', 'Infrastructure', 'Instance', 'Kubernetes', 'Network',
  'O365 Tenant', 'Okta Tenant', 'Proxy', 'S3 Bucket', 'Splunk Server', 'VPN Appliance', 'Web Server', 'Web Proxy',
  'Web Application', 'Windows',
];

/** Keys of `SES_OBSERVABLE_TYPE_MAPPING`. */
export const OBSERVABLE_TYPES: readonly string[] = [
  'Unknown', 'Hostname', 'IP Address', 'MAC Address', 'User Name', 'Email Address', 'URL String', 'File Name', 'File Hash',
  'Process Name', 'Resource UID', 'Endpoint', 'User', 'Email', 'Uniform Resource Locator', 'File', 'Process', 'Geo Location',
  'Container', 'Registry Key', 'Registry Value', 'Other',
];

/** Keys of `SES_OBSERVABLE_ROLE_MAPPING`. */
export const OBSERVABLE_ROLES: readonly string[] = [
  'Other', 'Unknown', 'Actor', 'Target', 'Attacker', 'Victim', 'Parent Process', 'Child Process', 'Known Bad', 'Data Loss', 'Observer',
];

/** `RiskObjectType` (contentctl 5). */
export const RISK_OBJECT_TYPES: readonly string[] = ['system', 'user', 'other'];

/** `ThreatObjectType` (contentctl 5). */
export const THREAT_OBJECT_TYPES: readonly string[] = [
  'certificate_common_name', 'certificate_organization', 'certificate_serial', 'certificate_unit', 'command', 'domain',
  'email_address', 'email_subject', 'file_hash', 'file_name', 'file_path', 'http_user_agent', 'ip_address', 'process',
  'process_name', 'parent_process', 'parent_process_name', 'process_hash', 'registry_path', 'registry_value_name',
  'registry_value_text', 'service', 'signature', 'system', 'tls_hash', 'url',
];

/**
 * The longest detection name contentctl accepts (its
 * CONTENTCTL_MAX_SEARCH_NAME_LENGTH): Enterprise Security limits a saved
 * search stanza to 99 characters, and a detection's stanza becomes
 * `<security_domain> - ESCU - <name> - Rule` once cloned in ES; the longest
 * domain has 8 characters, so 99 − 18 − 14 = 67.
 */
export const MAX_NAME_LENGTH = 67;

/** The text contentctl replaces with the detection's search in a drilldown (`DRILLDOWN_SEARCH_PLACEHOLDER`). */
export const DRILLDOWN_PLACEHOLDER = '%original_detection_search%';

/** Tokens Splunk fills in for any drilldown, not fields of the results. */
export const DRILLDOWN_TIME_TOKENS: ReadonlySet<string> = new Set(['info_min_time', 'info_max_time']);
