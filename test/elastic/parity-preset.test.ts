import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RunResources } from '../../src/cli/resources.js';
import { configForFile, loadConfig, type Config } from '../../src/engine/config.js';
import { listFiles } from '../../src/engine/file-list.js';
import { Linter, type LintResult } from '../../src/engine/linter.js';
import { schemaValidator } from '../../src/engine/schema-validator.js';
import { ELASTIC_PARITY_CHECKS } from '../../src/rules/elastic-parity-checks.js';
import { ELASTIC_CI_CHECKS, KNOWN_BAD_RULE_IDS } from '../../src/rules/elastic/elastic-preset.js';
import { ELASTIC_SCHEMAS } from '../../src/rules/elastic/schema-validate.js';
import { ALL_CHECKS } from '../../src/rules/index.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';

const DIR = path.join(FIXTURES, 'elastic/parity');

/**
 * What the `elastic` preset reports on each parity fixture, by check: each
 * fixture shows its own problem and nothing else (the fixtures are named as
 * Elastic names rules, so the file-name checks only fire where they are the
 * point). Clean rules are absent from the table: they must report nothing.
 */
const EXPECTED: Record<string, string[]> = {
  'Execution-Bad-File-Name.toml': ['elastic-filename', 'elastic-filename-tactic'],
  '_deprecated/execution_not_marked_deprecated.toml': ['elastic-deprecated-rule'],
  'duplicates/a/execution_same_file_name.toml': ['elastic-filename-duplicate'],
  'duplicates/b/execution_same_file_name.toml': ['elastic-filename-duplicate'],
  'duplicates/execution_rule_id_shared_first.toml': ['elastic-rule-id-duplicate'],
  'duplicates/execution_rule_id_shared_second.toml': ['elastic-rule-id-duplicate'],
  'execution_building_block_outside_folder.toml': ['elastic-building-block-folder'],
  'execution_dates_not_yyyy_mm_dd.toml': ['elastic-date-invalid', 'elastic-date-invalid'],
  'execution_dates_updated_before_created.toml': ['elastic-date-order'],
  'execution_deprecated_outside_folder.toml': ['elastic-deprecated-rule', 'elastic-deprecated-rule'],
  'execution_endpoint_index_no_from.toml': ['elastic-endpoint-lookback'],
  'execution_eql_maxspan_longer_than_lookback.toml': ['elastic-eql-maxspan', 'elastic-eql-maxspan'],
  'execution_esql_metadata_without_version.toml': ['elastic-esql-metadata'],
  'execution_esql_no_keep.toml': ['elastic-esql-keep'],
  'execution_esql_no_metadata.toml': ['elastic-esql-metadata'],
  'execution_index_missing.toml': ['elastic-index-missing'],
  'execution_license_elastic_v1.toml': ['elastic-license'],
  'execution_machine_learning_tags_missing.toml': ['elastic-tag-required'],
  'execution_maturity_unknown.toml': ['elastic-maturity-invalid'],
  'execution_max_signals_1000_without_setup.toml': ['elastic-max-signals'],
  'execution_max_signals_over_limit.toml': ['elastic-max-signals'],
  'execution_min_stack_without_comments.toml': ['elastic-min-stack-comments'],
  'execution_name_trailing_period.toml': ['elastic-name-invalid'],
  'execution_note_high_without_triage.toml': ['elastic-note-triage'],
  'execution_note_setup_misplaced.toml': ['elastic-note-setup', 'elastic-note-setup', 'elastic-note-setup'],
  'execution_note_title_other_name.toml': ['elastic-note-title'],
  'execution_risk_score_outside_band.toml': ['elastic-risk-score-severity'],
  'execution_rule_id_upper_case.toml': ['elastic-rule-id-invalid'],
  'execution_schedule_bad_from_interval.toml': ['elastic-schedule-format', 'elastic-schedule-format'],
  'execution_schema_esql_with_index.toml': ['elastic-schema'],
  'execution_schema_missing_and_unknown_keys.toml': ['elastic-schema', 'elastic-schema', 'elastic-schema'],
  'execution_schema_unknown_type.toml': ['elastic-schema'],
  'execution_severity_unknown.toml': ['elastic-severity-invalid'],
  'execution_tags_duplicate.toml': ['elastic-tag-duplicate'],
  'execution_tags_investigation_guide_missing.toml': ['elastic-tag-investigation-guide'],
  'execution_tags_primary_tactic_missing.toml': ['elastic-tag-tactic'],
  'execution_tags_required_missing.toml': ['elastic-tag-required'],
  'execution_tags_without_prefix.toml': ['elastic-tag-prefix', 'elastic-tag-prefix'],
  'execution_tags_wrong_case.toml': ['elastic-tag-case', 'elastic-tag-case', 'elastic-tag-case'],
  // An ATLAS block filed as ATT&CK: its ids are unknown ATT&CK techniques and its tactic name an ATT&CK tactic's twice.
  'execution_threat_atlas_ids_under_attack.toml': ['elastic-threat-framework', 'elastic-threat-tactic-duplicate', 'elastic-threat-tactic-name', 'technique-unknown'],
  'execution_threat_framework_misspelled.toml': ['elastic-threat-framework'],
  'execution_threat_reference_wrong_id.toml': ['elastic-threat-reference', 'elastic-threat-reference'],
  // The id names another tactic, so the techniques also look filed under the wrong one.
  'execution_threat_tactic_id_name_mismatch.toml': ['elastic-threat-tactic-name', 'tactic-mismatch', 'tactic-mismatch'],
  // The misspelt name is also the primary tactic the tag and the file name should carry.
  'execution_threat_tactic_name_unknown.toml': ['elastic-filename-tactic', 'elastic-tag-tactic', 'elastic-threat-tactic-name'],
  'execution_threat_tactic_twice.toml': ['elastic-threat-tactic-duplicate'],
  'execution_threshold_four_fields_stack_9_1.toml': ['elastic-threshold-fields'],
  'execution_timeline_id_without_title.toml': ['elastic-timeline-template'],
  'execution_timeline_title_mismatch.toml': ['elastic-timeline-template'],
  'execution_timestamp_override_missing_kql.toml': ['elastic-timestamp-override'],
  'execution_timestamp_override_other_eql.toml': ['elastic-timestamp-override'],
  'execution_transform_count_mismatch.toml': ['elastic-transform-placeholders'],
  'execution_transform_placeholder_without_transform.toml': ['elastic-transform-placeholders', 'elastic-transform-placeholders'],
  'persistence_named_for_another_tactic.toml': ['elastic-filename-tactic'],
  'rules_building_block/execution_building_block_no_interval.toml': ['elastic-building-block-timing'],
  'rules_building_block/execution_building_block_short_window.toml': ['elastic-building-block-timing', 'elastic-building-block-timing'],
  'rules_building_block/execution_not_a_building_block.toml': ['elastic-building-block-folder'],
  'windows/execution_tags_os_missing.toml': ['elastic-tag-os'],
};

let config: Config;
let results: LintResult[];

beforeAll(async () => {
  // The config sits with the rules, as in an Elastic rules repository: the _deprecated override applies to its folders.
  config = loadConfig({ cwd: DIR, checks: ALL_CHECKS, noLookup: true, preset: 'elastic' });
  const linter = new Linter(config, ALL_CHECKS, new RunResources(config));
  results = await linter.lintFiles(listFiles([DIR], DIR));
  expect(linter.internalErrors).toEqual([]);
});

describe('the elastic preset', () => {
  it('turns on exactly the checks of detection-rules’ CI, each at error', () => {
    const on = [...config.rules].filter(([, e]) => e.severity !== 'off').map(([id, e]) => [id, e.severity]);
    expect(on.map(([id]) => id).sort()).toEqual([...ELASTIC_CI_CHECKS].sort());
    expect(new Set(on.map(([, s]) => s))).toEqual(new Set(['error']));
    // Corpus-based and logic checks are lint-rule's own: not part of Elastic's CI.
    expect(config.rules.get('missing-common-exclusions')?.severity).toBe('off');
    expect(config.rules.get('noisy-indicators-only')?.severity).toBe('off');
  });

  it('every Elastic parity check is either in the preset or documented as left out', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/parity.md'), 'utf8');
    for (const c of ELASTIC_PARITY_CHECKS) expect(doc, c.meta.id).toContain(`\`${c.meta.id}\``);
    for (const id of ELASTIC_CI_CHECKS) expect(doc, id).toContain(`\`${id}\``);
  });

  it('keeps detection-rules’ exceptions: the known bad rule ids, and retired rules in _deprecated', () => {
    const known = configForFile(config, path.join(DIR, 'x.toml'), KNOWN_BAD_RULE_IDS[1]);
    expect(known.rules.get('elastic-rule-id-invalid')?.severity).toBe('off');
    expect(known.rules.get('elastic-schema')?.severity).toBe('error');
    const retired = configForFile(config, path.join(DIR, '_deprecated/x.toml'));
    expect([...retired.rules].filter(([, e]) => e.severity !== 'off').map(([id]) => id).sort()).toEqual(['elastic-deprecated-rule', 'elastic-rule-id-duplicate', 'parse-error']);
  });

  it('reports on each parity fixture its own problem and nothing else', () => {
    const got: Record<string, string[]> = {};
    for (const r of results) {
      const ids = r.messages.map((m) => m.ruleId ?? 'null').sort();
      if (ids.length > 0) got[path.relative(DIR, r.filePath)] = ids;
    }
    expect(got).toEqual(Object.fromEntries(Object.entries(EXPECTED).map(([f, ids]) => [f, [...ids].sort()])));
    expect(results.length).toBeGreaterThan(Object.keys(EXPECTED).length + 10);
  });
});

describe('rules-schema/elastic-*.schema.json', () => {
  it('has one schema per rule type, each a compilable JSON schema that names its type', () => {
    const files = readdirSync(path.join(ROOT, 'rules-schema')).filter((f) => f.startsWith('elastic-')).sort();
    expect(files).toEqual(Object.values(ELASTIC_SCHEMAS).sort());
    for (const [type, file] of Object.entries(ELASTIC_SCHEMAS)) {
      const validate = schemaValidator(file);
      const schema = JSON.parse(readFileSync(path.join(ROOT, 'rules-schema', file), 'utf8')) as { properties: { rule: { properties: { type: { const: string } } } } };
      expect(schema.properties.rule.properties.type.const).toBe(type);
      // Each accepts nothing but its own type.
      expect(validate({ metadata: { creation_date: '2025/01/01', updated_date: '2025/01/01' }, rule: { type: type === 'query' ? 'eql' : 'query' } })).toBe(false);
    }
  });
});
