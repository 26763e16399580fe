import { describe, expect, it } from 'vitest';
import type { LintMessage } from '../../src/engine/linter.js';
import { lintWith, runCheckCases } from '../helpers/rule-tester.js';

const D = 'splunk/parity/detections';
const LEGACY = `${D}/valid_legacy_detection.yml`;
const RBA = `${D}/valid_rba_detection.yml`;
const VALID = [LEGACY, RBA];

/** The file's text with the fixes of one message applied. */
async function fixed(file: string, checkId: string, line: number): Promise<string> {
  const [result] = await lintWith([file], { [checkId]: 'error' });
  const m = result?.messages.find((x) => x.ruleId === checkId && x.line === line) as LintMessage;
  let text = result?.source ?? '';
  for (const f of [...(m.fix ?? [])].sort((a, b) => b.range[0] - a.range[0])) text = text.slice(0, f.range[0]) + f.text + text.slice(f.range[1]);
  return text;
}

describe('contentctl model checks', () => {
  it('splunk-schema: missing keys, wrong types and shapes, at the node; the two formats', () =>
    runCheckCases('splunk-schema', {
      valid: VALID,
      invalid: [{
        file: `${D}/schema_missing_keys_and_wrong_types.yml`,
        errors: [
          { line: 1, message: "missing required key 'author'" },
          { line: 7, message: 'data_source must be a list' },
          { line: 13, message: 'references[0] must be an http(s) URL' },
          { line: 15, message: "drilldown_searches[0]: missing required key 'latest_offset'" },
          { line: 22, message: "tags: missing required key 'security_domain'" },
          { line: 51, message: "tests[0].attack_data[0]: missing required key 'source'" },
        ],
      }, {
        file: `${D}/schema_rba_with_legacy_tags.yml`,
        errors: [
          { line: 40, message: /^tags\.confidence belongs to the format before contentctl 5/ },
          { line: 41, message: /^tags\.impact belongs to the format before contentctl 5/ },
        ],
      }, {
        file: `${D}/schema_rba_without_risk_objects.yml`,
        errors: [{ line: 26, message: 'rba.risk_objects must not be an empty list' }],
      }],
    }));

  it('splunk-type-invalid: case and misspelling, with the intended value', () =>
    runCheckCases('splunk-type-invalid', {
      valid: VALID,
      invalid: [
        { file: `${D}/type_invalid.yml`, errors: [{ line: 6, message: "type 'ttp' must be written 'TTP'" }] },
        { file: `${D}/type_invalid_misspelled.yml`, errors: [{ line: 6, message: "'Anomoly' is not one of contentctl's type values; did you mean 'Anomaly'?" }] },
      ],
    }));

  it('splunk-status-invalid', () =>
    runCheckCases('splunk-status-invalid', {
      valid: VALID,
      invalid: [{ file: `${D}/status_invalid.yml`, errors: [{ line: 7, message: "'experimantal' is not one of contentctl's status values; did you mean 'experimental'?" }] }],
    }));

  it('splunk-id-invalid', () =>
    runCheckCases('splunk-id-invalid', {
      valid: VALID,
      invalid: [{ file: `${D}/id_invalid.yml`, errors: [{ line: 2, message: "id '5a3e8b40-1d2f-4c6a-9e7b' is not a UUID (8-4-4-4-12 hexadecimal digits)" }] }],
    }));

  it('splunk-date-invalid: the form and the calendar', () =>
    runCheckCases('splunk-date-invalid', {
      valid: VALID,
      invalid: [
        { file: `${D}/date_invalid_slashes.yml`, errors: [{ line: 4, message: "date '2024/10/17' is not a date written YYYY-MM-DD" }] },
        { file: `${D}/date_invalid_day.yml`, errors: [{ line: 4, message: "date '2024-02-30' is not a calendar date" }] },
      ],
    }));

  it('splunk-version-invalid: 0 and a quoted number', () =>
    runCheckCases('splunk-version-invalid', {
      valid: VALID,
      invalid: [
        { file: `${D}/version_invalid_zero.yml`, errors: [{ line: 3, message: 'version 0 must be at least 1' }] },
        { file: `${D}/version_invalid_quoted.yml`, errors: [{ line: 3, message: "version '3' is quoted: write it as a number" }] },
      ],
    }));

  it('splunk-name-length: 67 characters at most', () =>
    runCheckCases('splunk-name-length', {
      valid: VALID,
      invalid: [{ file: `${D}/name_too_long.yml`, errors: [{ line: 1, message: 'name has 80 characters; contentctl allows 67 (the Enterprise Security stanza limit)' }] }],
    }));

  it('splunk-filename-mismatch: the file is named after the name', () =>
    runCheckCases('splunk-filename-mismatch', {
      valid: VALID,
      invalid: [{
        file: `${D}/filename_mismatch.yml`,
        errors: [{ line: 1, message: "the file is named 'filename_mismatch.yml', but contentctl expects 'filename_mismatch_after_rename.yml' for the name 'Filename Mismatch After Rename'" }],
      }],
    }));

  it('splunk-how-to-implement and splunk-known-false-positives: at least 4 characters', async () => {
    await runCheckCases('splunk-how-to-implement', {
      valid: VALID,
      invalid: [{ file: `${D}/how_to_implement_short.yml`, errors: [{ line: 12, message: "how_to_implement 'TBD' is too short: contentctl wants at least 4 characters" }] }],
    });
    await runCheckCases('splunk-known-false-positives', {
      valid: VALID,
      invalid: [{ file: `${D}/known_false_positives_empty.yml`, errors: [{ line: 13, message: 'known_false_positives is empty' }] }],
    });
  });

  it('splunk-enabled-by-default: only production TTP, Anomaly or Correlation', () =>
    runCheckCases('splunk-enabled-by-default', {
      valid: VALID,
      invalid: [{
        file: `${D}/enabled_by_default_experimental_hunting.yml`,
        errors: [{ line: 8, message: 'the detection may not be enabled by default: its status is experimental, not production, and its type is Hunting, not TTP, Anomaly or Correlation' }],
      }],
    }));

  it('splunk-tests-missing: a production detection without tests', () =>
    runCheckCases('splunk-tests-missing', {
      // experimental: no test needed
      valid: [...VALID, `${D}/rba_fields_experimental.yml`],
      invalid: [{ file: `${D}/tests_missing.yml`, errors: [{ line: 1, message: /^a production detection needs at least one test/ }] }],
    }));
});

describe('the search', () => {
  it('splunk-filter-macro: missing, and a stale name fixed', async () => {
    await runCheckCases('splunk-filter-macro', {
      valid: VALID,
      invalid: [
        { file: `${D}/filter_macro_missing.yml`, errors: [{ line: 11, message: 'the search does not call the filter macro `filter_macro_missing_filter` contentctl requires' }] },
        { file: `${D}/filter_macro_stale.yml`, errors: [{ line: 11, message: "the search calls `old_detection_name_filter`, but the detection's name asks for the filter macro `filter_macro_stale_filter`" }] },
      ],
    });
    const text = await fixed(`${D}/filter_macro_stale.yml`, 'splunk-filter-macro', 11);
    expect(text).toContain("`security_content_ctime(lastTime)` | `filter_macro_stale_filter`'");
    expect(text).not.toContain('old_detection_name_filter');
  });

  it('splunk-filter-macro-position: more SPL after the filter macro', async () => {
    await runCheckCases('splunk-filter-macro-position', {
      valid: VALID,
      invalid: [{ file: `${D}/filter_macro_not_last.yml`, errors: [{ line: 11, message: /^the filter macro `filter_macro_not_last_filter` is not the last command of the search: '\| `security_content_ctime\(firstTime\)`/ }] }],
    });
    const [result] = await lintWith([`${D}/filter_macro_not_last.yml`], { 'splunk-filter-macro-position': 'error' });
    expect(result?.messages[0]?.column).toBe(272);
  });
});

describe('tags', () => {
  it('splunk-analytic-story: a story the stories/ folder does not define, with the nearest name', () =>
    runCheckCases('splunk-analytic-story', {
      valid: VALID,
      invalid: [{ file: `${D}/analytic_story_unknown.yml`, errors: [{ line: 27, message: "no analytic story named 'System Owner Discvery' in stories/; did you mean 'System Owner Discovery'?" }] }],
    }));

  it('splunk-asset-type, splunk-security-domain', async () => {
    await runCheckCases('splunk-asset-type', {
      valid: VALID,
      invalid: [{ file: `${D}/asset_type_invalid.yml`, errors: [{ line: 28, message: "'Endpoints' is not one of contentctl's asset_type values; did you mean 'Endpoint'?" }] }],
    });
    await runCheckCases('splunk-security-domain', {
      valid: VALID,
      invalid: [{ file: `${D}/security_domain_invalid.yml`, errors: [{ line: 51, message: "security_domain 'Endpoint' must be written 'endpoint'" }] }],
    });
  });

  it('splunk-product: an unknown product and an empty list', () =>
    runCheckCases('splunk-product', {
      valid: VALID,
      invalid: [
        { file: `${D}/product_invalid.yml`, errors: [{ line: 45, message: "'Splunk Enterprise Securty' is not one of contentctl's product values; did you mean 'Splunk Enterprise Security'?" }] },
        { file: `${D}/product_empty.yml`, errors: [{ line: 43, message: /^tags\.product is empty/ }] },
      ],
    }));

  it('splunk-observable: type, roles, and the Victim a production TTP needs', () =>
    runCheckCases('splunk-observable', {
      // The rba format has no observables and needs no Victim.
      valid: VALID,
      invalid: [{
        file: `${D}/observable_invalid.yml`,
        errors: [
          { line: 34, message: /^a production TTP detection needs an observable with the role Victim/ },
          { line: 36, message: "'Host' is not one of contentctl's observable type values; did you mean 'Hostname'?" },
          { line: 38, message: "observable role 'victim' must be written 'Victim'" },
          { line: 41, message: "observable 'user' has no role: give it at least one (Victim, Attacker …)" },
        ],
      }],
    }));

  it('splunk-risk-score: confidence and impact 0–100, rba scores 1–100', () =>
    runCheckCases('splunk-risk-score', {
      valid: VALID,
      invalid: [
        {
          file: `${D}/risk_score_invalid.yml`,
          errors: [
            { line: 29, message: 'tags.confidence must be a whole number from 0 to 100, not 150' },
            { line: 30, message: 'tags.impact must be a whole number from 0 to 100, not "high"' },
          ],
        },
        { file: `${D}/risk_score_invalid_rba.yml`, errors: [{ line: 32, message: 'the score of risk object 2 must be a whole number from 1 to 100, not 0' }] },
      ],
    }));

  it('splunk-risk-score-mismatch: the written score is not the one contentctl computes', () =>
    runCheckCases('splunk-risk-score-mismatch', {
      // valid_legacy_detection: confidence 50 × impact 40 / 100 = 20, as written.
      valid: VALID,
      invalid: [{ file: `${D}/risk_score_mismatch.yml`, errors: [{ line: 50, message: 'tags.risk_score 35 is not the score contentctl computes and uses: confidence 50 × impact 40 / 100 = 20' }] }],
    }));

  it('splunk-mitre-attack-id: exactly T1234 or T1234.001, fixed', async () => {
    await runCheckCases('splunk-mitre-attack-id', {
      valid: VALID,
      invalid: [{
        file: `${D}/mitre_attack_id_invalid.yml`,
        errors: [
          { line: 33, message: "'T1059-001' is not a technique id written T1234 or T1234.001: write 'T1059.001'" },
          { line: 34, message: "'t1033' is not a technique id written T1234 or T1234.001: write 'T1033'" },
        ],
      }],
    });
    expect(await fixed(`${D}/mitre_attack_id_invalid.yml`, 'splunk-mitre-attack-id', 33)).toContain('  - T1059.001\n  - t1033\n');
  });

  it('splunk-mitre-parent-and-sub: a technique beside its own sub-technique; the legacy option', () =>
    runCheckCases('splunk-mitre-parent-and-sub', {
      valid: [...VALID, { file: `${D}/mitre_parent_and_sub_legacy.yml`, options: { legacy: false } }],
      invalid: [
        { file: `${D}/mitre_parent_and_sub_legacy.yml`, errors: [{ line: 33, message: 'T1110 is listed with its own sub-technique T1110.003: keep the sub-technique and remove T1110' }] },
        {
          file: `${D}/mitre_parent_and_sub_rba.yml`,
          options: { legacy: false },
          errors: [{ line: 42, message: 'T1110 is listed with its own sub-techniques T1110.003, T1110.001: keep the sub-techniques and remove T1110' }],
        },
      ],
    }));

  it('splunk-data-source-unknown: one side of an AND names no data source', () =>
    runCheckCases('splunk-data-source-unknown', {
      valid: VALID,
      invalid: [{ file: `${D}/data_source_unknown.yml`, errors: [{ line: 9, message: "no data source named 'Sysmon EventID 99' in data_sources/" }] }],
    }));
});

describe('drilldowns and risk fields', () => {
  it('splunk-drilldown: two drilldowns with the placeholder, names of 5 characters', () =>
    runCheckCases('splunk-drilldown', {
      // A Hunting detection needs no drilldown.
      valid: [...VALID, `${D}/rba_fields_hunting_substring.yml`],
      invalid: [{
        file: `${D}/drilldown_one_without_placeholder.yml`,
        errors: [
          { line: 16, message: 'a production TTP detection needs 2 drilldown_searches; it has 1' },
          { line: 17, message: "drilldown name 'View' is too short: contentctl wants at least 5 characters" },
        ],
      }],
    }));

  it('splunk-drilldown-field: a token no result field fills', async () => {
    await runCheckCases('splunk-drilldown-field', {
      valid: VALID,
      invalid: [{
        file: `${D}/drilldown_field_missing.yml`,
        errors: [{ line: 18, message: "drilldown token $host$ names no field of the detection's results: the search's results have no such field (they have count, firstTime, lastTime, dest, user, process_name)" }],
      }],
    });
    const [result] = await lintWith([`${D}/drilldown_field_missing.yml`], { 'splunk-drilldown-field': 'error' });
    expect(result?.messages[0]?.column).toBe(56);
  });

  it('splunk-rba-fields: message tokens, observables and rba objects against the results', () =>
    runCheckCases('splunk-rba-fields', {
      valid: [...VALID, { file: `${D}/rba_fields_experimental.yml`, options: { productionOnly: true } }],
      invalid: [
        {
          file: `${D}/rba_fields_missing.yml`,
          errors: [
            { line: 31, message: "risk message token $src_ip$ names no field of the detection's results: the search's results have no such field (they have count, firstTime, lastTime, dest, user, process_name)" },
            { line: 39, message: /^observable 'parent_process' is not a field of the detection's results/ },
          ],
        },
        { file: `${D}/rba_fields_missing_rba.yml`, errors: [{ line: 34, message: /^threat object 'process_path' is not a field of the detection's results/ }] },
        // Hunting: contentctl's substring test only — $Processes$ passes (the search says Processes.), $src_ip$ does not.
        { file: `${D}/rba_fields_hunting_substring.yml`, errors: [{ line: 31, message: "risk message token $src_ip$ names no field of the detection's results: the search never names it" }] },
        { file: `${D}/rba_fields_experimental.yml`, errors: [{ line: 31, message: /^risk message token \$host\$/ }] },
      ],
    }));
});

describe('throttling', () => {
  it('splunk-throttling-fields: a throttling field the results do not have', () =>
    runCheckCases('splunk-throttling-fields', {
      valid: VALID,
      invalid: [{ file: `${D}/throttling_field_missing.yml`, errors: [{ line: 55, message: /^throttling field 'src_ip' is not a field of the detection's results: the search's results have no such field/ }] }],
    }));
});

describe('across files', () => {
  it('splunk-duplicate: the same name and id in two files, each reported with the other', async () => {
    const results = await lintWith([`${D}/duplicate_name_and_id_a.yml`, `${D}/duplicate_name_and_id_b.yml`, LEGACY], { 'splunk-duplicate': 'error' });
    const brief = results.map((r) => r.messages.filter((m) => m.ruleId === 'splunk-duplicate').map((m) => `${m.line} ${m.message}`));
    expect(brief[0]).toEqual([
      `1 name 'Duplicate Name And Id A' is also used by ${results[1]?.filePath}:1`,
      `2 id 5a3e8b40-1d2f-4c6a-9e7b-0c1d2e3f4a5b is also used by ${results[1]?.filePath}:2, ${results[2]?.filePath}:2`,
    ]);
    expect(brief[1]).toHaveLength(2);
    // The valid detection shares only the id (the fixtures were made from it).
    expect(brief[2]).toEqual([`2 id 5a3e8b40-1d2f-4c6a-9e7b-0c1d2e3f4a5b is also used by ${results[0]?.filePath}:2, ${results[1]?.filePath}:2`]);
    const [alone] = await lintWith([`${D}/duplicate_name_and_id_a.yml`], { 'splunk-duplicate': 'error' });
    expect(alone?.messages).toEqual([]);
  });
});
