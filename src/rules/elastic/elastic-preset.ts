import type { Check } from '../../engine/check.js';
import type { ConfigFile, RuleSetting } from '../../engine/config-file.js';
import { registerPreset } from '../../engine/presets.js';

/**
 * What detection-rules' CI fails a pull request on, as lint-rule checks:
 * its schema validation (rule loading) and its unit tests, each mapped to
 * the check that reproduces it (docs/parity.md has the table).
 * Every one is at error level, as a failed test is.
 */
export const ELASTIC_CI_CHECKS: readonly string[] = [
  // Loading a rule: TOML, marshmallow schemas, query syntax, validate_note, validate_bbr, type validators.
  'parse-error',
  'elastic-query-syntax',
  // Query fields against ECS and the non-ECS fields (validate_query; the integration packages' own field lists are not shipped).
  'field-unknown',
  'elastic-schema',
  'elastic-date-invalid',
  'elastic-maturity-invalid',
  'elastic-severity-invalid',
  'elastic-rule-id-invalid',
  'elastic-name-invalid',
  'elastic-schedule-format',
  'elastic-building-block-timing',
  'elastic-esql-metadata',
  'elastic-esql-keep',
  'elastic-threshold-fields',
  'elastic-threat-framework',
  'elastic-threat-reference',
  'elastic-note-setup',
  'elastic-rule-id-duplicate',
  'elastic-index-missing',
  // tests/test_all_rules.py
  'elastic-filename',
  'elastic-filename-duplicate',
  'elastic-filename-tactic',
  'elastic-max-signals',
  'technique-unknown',
  'technique-revoked',
  'technique-deprecated',
  'tactic-unknown',
  'tactic-mismatch',
  'elastic-threat-tactic-name',
  'elastic-technique-name',
  'elastic-subtechnique-parent',
  'elastic-threat-tactic-duplicate',
  'elastic-tag-case',
  'elastic-tag-required',
  'elastic-tag-tactic',
  'elastic-tag-os',
  'elastic-tag-investigation-guide',
  'elastic-tag-prefix',
  'elastic-tag-duplicate',
  'elastic-timeline-template',
  'elastic-building-block-folder',
  'elastic-date-order',
  'elastic-deprecated-rule',
  'elastic-min-stack-comments',
  'elastic-timestamp-override',
  'elastic-endpoint-lookback',
  'elastic-eql-maxspan',
  'elastic-license',
  'elastic-risk-score-severity',
  'elastic-note-triage',
  'elastic-note-title',
  'elastic-transform-placeholders',
];

/** What detection-rules still checks of a rule in a `_deprecated` folder. */
const CHECKED_WHEN_RETIRED: ReadonlySet<string> = new Set(['parse-error', 'elastic-deprecated-rule', 'elastic-rule-id-duplicate']);

/**
 * Rule ids detection-rules' schema lets through although they are not
 * UUIDs ("a stop gap until the rule has been deprecated", definitions.py).
 */
export const KNOWN_BAD_RULE_IDS: readonly string[] = ['119c8877-8613-416d-a98a-96b6664ee73a5', '7eb54028-ca72-4eb7-8185-b6864572347db'];

/**
 * The `elastic` preset: the checks above at error (those this build has);
 * every other check stays off. detection-rules' own exception, the known
 * bad rule ids, becomes an override by rule id, as SigmaHQ's exclusions do
 * in the `sigmahq` preset.
 */
export function elasticPreset(checks: readonly Check[]): ConfigFile {
  const known = new Set(checks.map((c) => c.meta.id));
  const rules: Record<string, RuleSetting> = {};
  for (const id of ELASTIC_CI_CHECKS) if (known.has(id)) rules[id] = 'error';
  const overrides: NonNullable<ConfigFile['overrides']> = [];
  if (known.has('elastic-rule-id-invalid')) overrides.push({ ids: [...KNOWN_BAD_RULE_IDS], rules: { 'elastic-rule-id-invalid': 'off' } });
  // detection-rules loads retired rules as plain data: no schema, no tests but the deprecation ones.
  const retired: Record<string, RuleSetting> = {};
  for (const id of Object.keys(rules)) if (!CHECKED_WHEN_RETIRED.has(id)) retired[id] = 'off';
  overrides.push({ files: ['**/_deprecated/**'], rules: retired });
  return { rules, overrides };
}

registerPreset('elastic', elasticPreset);
