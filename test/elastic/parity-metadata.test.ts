import { describe, it } from 'vitest';
import { runCheckCases } from '../helpers/rule-tester.js';
import { CLEAN, P } from './parity-fixtures.js';

describe('elastic-schema', () => {
  it('validates each rule type against its schema and reports at the key or value concerned', async () => {
    await runCheckCases('elastic-schema', {
      valid: CLEAN,
      invalid: [
        {
          file: `${P}/execution_schema_missing_and_unknown_keys.toml`,
          errors: [
            { line: 6, message: "rule: missing required key 'risk_score'" },
            { line: 36, message: 'rule.max_signals must be an integer' },
            { line: 37, message: /^rule: unknown key 'version' \(detection-rules keeps versions in its version lock/ },
          ],
        },
        { file: `${P}/execution_schema_esql_with_index.toml`, errors: [{ line: 10, message: /^rule: unknown key 'index' \(an ES\|QL rule reads the sources of its FROM command\)$/ }] },
        {
          // A file without [metadata]: the missing table has no better place than line 1; the missing key is at [rule].
          file: 'elastic/threat-atlas-framework.toml',
          errors: [
            { line: 1, message: "missing required table '[metadata]'" },
            { line: 1, message: "rule: missing required key 'author'" },
          ],
        },
        { file: `${P}/execution_schema_unknown_type.toml`, errors: [{ line: 36, message: /^rule\.type must be one of query, eql, esql, threshold, threat_match, new_terms, machine_learning, not "saved_query"$/ }] },
      ],
    });
  });

  it('leaves values a dedicated check reports to that check', async () => {
    await runCheckCases('elastic-schema', {
      valid: [
        `${P}/execution_dates_not_yyyy_mm_dd.toml`,
        `${P}/execution_maturity_unknown.toml`,
        `${P}/execution_severity_unknown.toml`,
        `${P}/execution_rule_id_upper_case.toml`,
        `${P}/execution_name_trailing_period.toml`,
        `${P}/execution_schedule_bad_from_interval.toml`,
        `${P}/execution_threat_framework_misspelled.toml`,
        `${P}/execution_threat_reference_wrong_id.toml`,
      ],
      invalid: [],
    });
  });
});

describe('elastic-date-invalid and elastic-date-order', () => {
  it('reports dates not written YYYY/MM/DD and dates that do not exist', async () => {
    await runCheckCases('elastic-date-invalid', {
      valid: CLEAN,
      invalid: [
        {
          file: `${P}/execution_dates_not_yyyy_mm_dd.toml`,
          errors: [
            { line: 2, message: 'creation_date "2025-01-06" must be a date written YYYY/MM/DD' },
            { line: 4, message: 'updated_date "2025/02/30" is not a date that exists' },
          ],
        },
      ],
    });
  });

  it('reports an updated_date before the creation_date', async () => {
    await runCheckCases('elastic-date-order', {
      valid: [...CLEAN, `${P}/execution_dates_not_yyyy_mm_dd.toml`],
      invalid: [{ file: `${P}/execution_dates_updated_before_created.toml`, errors: [{ line: 4, message: 'updated_date 2025/02/10 is before creation_date 2025/03/01' }] }],
    });
  });
});

describe('enumerations, risk score bands, ids and names', () => {
  it('elastic-maturity-invalid suggests the value meant', async () => {
    await runCheckCases('elastic-maturity-invalid', {
      valid: CLEAN,
      invalid: [{ file: `${P}/execution_maturity_unknown.toml`, errors: [{ line: 3, message: /^maturity "Production" must be one of development, experimental, beta, production, deprecated \(did you mean "production"\?\)$/ }] }],
    });
  });

  it('elastic-severity-invalid', async () => {
    await runCheckCases('elastic-severity-invalid', {
      valid: CLEAN,
      invalid: [{ file: `${P}/execution_severity_unknown.toml`, errors: [{ line: 26, message: /^severity "High" must be one of low, medium, high, critical \(did you mean "high"\?\)$/ }] }],
    });
  });

  it('elastic-risk-score-severity applies the low 0–21, medium 22–47, high 48–73, critical 74–100 bands', async () => {
    await runCheckCases('elastic-risk-score-severity', {
      valid: [...CLEAN, `${P}/execution_note_medium_without_triage.toml`],
      invalid: [{ file: `${P}/execution_risk_score_outside_band.toml`, errors: [{ line: 24, message: 'risk_score 21 is not in the 48–73 band of severity "high" (21 is low)' }] }],
    });
  });

  it('elastic-rule-id-invalid wants a lower-case UUID', async () => {
    await runCheckCases('elastic-rule-id-invalid', {
      valid: CLEAN,
      invalid: [{ file: `${P}/execution_rule_id_upper_case.toml`, errors: [{ line: 25, message: /is not a lower-case UUID \(write it in lower case\)$/ }] }],
    });
  });

  it('elastic-name-invalid refuses a trailing period', async () => {
    await runCheckCases('elastic-name-invalid', {
      valid: CLEAN,
      invalid: [{ file: `${P}/execution_name_trailing_period.toml`, errors: [{ line: 13, message: /^name "PowerShell Download Cradle Executed\." must start with a letter or digit/ }] }],
    });
  });
});

describe('other metadata checks of detection-rules’ CI', () => {
  it('elastic-license', async () => {
    await runCheckCases('elastic-license', {
      valid: CLEAN,
      invalid: [{ file: `${P}/execution_license_elastic_v1.toml`, errors: [{ line: 12, message: 'license "Elastic License" should be "Elastic License v2"' }] }],
    });
  });

  it('elastic-min-stack-comments', async () => {
    await runCheckCases('elastic-min-stack-comments', {
      valid: [...CLEAN, `${P}/execution_threshold_four_fields_stack_9_2.toml`],
      invalid: [{ file: `${P}/execution_min_stack_without_comments.toml`, errors: [{ line: 3, message: 'min_stack_version 9.1.0 needs min_stack_comments saying why' }] }],
    });
  });

  it('elastic-deprecated-rule ties maturity, folder and dates together', async () => {
    await runCheckCases('elastic-deprecated-rule', {
      valid: CLEAN,
      invalid: [
        { file: `${P}/_deprecated/execution_not_marked_deprecated.toml`, errors: [{ line: 3, message: 'a rule in a _deprecated folder must have maturity = "deprecated"' }] },
        {
          file: `${P}/execution_deprecated_outside_folder.toml`,
          errors: [
            { line: 3, message: 'deprecation_date 2025/01/31 should be updated_date 2025/02/10' },
            { line: 4, message: 'a deprecated rule belongs in a _deprecated folder' },
          ],
        },
      ],
    });
  });

  it('elastic-max-signals', async () => {
    await runCheckCases('elastic-max-signals', {
      valid: CLEAN,
      invalid: [
        { file: `${P}/execution_max_signals_1000_without_setup.toml`, errors: [{ line: 37, message: /^a rule with max_signals = 1000 needs the standard/ }] },
        { file: `${P}/execution_max_signals_over_limit.toml`, errors: [{ line: 37, message: 'max_signals 5000 is over the limit of 1000' }] },
      ],
    });
  });

  it('elastic-index-missing skips ES|QL, machine learning and indicator match rules', async () => {
    await runCheckCases('elastic-index-missing', {
      valid: CLEAN,
      invalid: [{ file: `${P}/execution_index_missing.toml`, errors: [{ line: 6, message: /^the rule has neither index nor data_view_id/ }] }],
    });
  });

  it('elastic-timeline-template', async () => {
    await runCheckCases('elastic-timeline-template', {
      valid: CLEAN,
      invalid: [
        { file: `${P}/execution_timeline_id_without_title.toml`, errors: [{ line: 37, message: 'timeline_id needs timeline_title beside it' }] },
        { file: `${P}/execution_timeline_title_mismatch.toml`, errors: [{ line: 38, message: 'timeline e70679c2-6cde-4510-9764-4823df18f7db is "Comprehensive Process Timeline", not "Generic Process Timeline"' }] },
      ],
    });
  });
});
