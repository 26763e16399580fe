import type { Check } from '../../engine/check.js';
import type { ConfigFile, RuleSetting } from '../../engine/config-file.js';
import { registerPreset } from '../../engine/presets.js';

/**
 * What contentctl refuses to build or test, at error level: its pydantic
 * models and director (`contentctl validate`/`build`), its ATT&CK
 * enrichment and macro resolution, and the search having to run
 * (`contentctl test`). docs/parity.md has the row for each.
 */
const CONTENTCTL_ERRORS: Readonly<Record<string, RuleSetting>> = {
  'parse-error': 'error',
  'splunk-schema': 'error',
  'splunk-type-invalid': 'error',
  'splunk-status-invalid': 'error',
  'splunk-id-invalid': 'error',
  'splunk-date-invalid': 'error',
  'splunk-version-invalid': 'error',
  'splunk-name-length': 'error',
  'splunk-filename-mismatch': 'error',
  'splunk-filter-macro': 'error',
  'splunk-how-to-implement': 'error',
  'splunk-known-false-positives': 'error',
  'splunk-analytic-story': 'error',
  'splunk-asset-type': 'error',
  'splunk-product': 'error',
  'splunk-security-domain': 'error',
  'splunk-observable': 'error',
  'splunk-risk-score': 'error',
  'splunk-mitre-attack-id': 'error',
  // contentctl 5 rejects the pair; contentctl 4, which reads the older format, accepted it.
  'splunk-mitre-parent-and-sub': ['error', { legacy: false }],
  'splunk-drilldown': 'error',
  'splunk-rba-fields': ['error', { productionOnly: true }],
  'splunk-tests-missing': 'error',
  'splunk-enabled-by-default': 'error',
  'splunk-throttling-fields': 'error',
  'splunk-duplicate': 'error',
  'splunk-search-syntax': 'error',
  'technique-unknown': 'error',
};

/** What contentctl only warns about, and lint-rule's own checks of the same things, as warnings. */
const WARNINGS: Readonly<Record<string, RuleSetting>> = {
  'splunk-data-source-unknown': 'warn',
  // contentctl fails on an undefined macro, but ignores those CIM and Enterprise Security ship (get_asset,
  // get_risk_severity, cim_corporate_web_domain_search), which lint-rule's macro check does not know.
  'splunk-macro-unknown': 'warn',
  'splunk-filter-macro-position': 'warn',
  'splunk-drilldown-field': 'warn',
  'splunk-risk-score-mismatch': 'warn',
};

/**
 * The `splunk` preset: what splunk/security_content's CI (contentctl)
 * enforces on a detection, as errors, and nothing else as an error. Checks
 * that do not exist in this build are left out.
 */
export function splunkPreset(checks: readonly Check[]): ConfigFile {
  const known = new Set(checks.map((c) => c.meta.id));
  const rules: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries({ ...CONTENTCTL_ERRORS, ...WARNINGS })) if (known.has(id)) rules[id] = setting;
  return { rules };
}

registerPreset('splunk', splunkPreset);
