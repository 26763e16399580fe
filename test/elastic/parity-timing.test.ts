import { describe, expect, it } from 'vitest';
import { durationMs, lookbackMs, showMinutes } from '../../src/rules/elastic/durations.js';
import { runCheckCases } from '../helpers/rule-tester.js';
import { CLEAN, P } from './parity-fixtures.js';

describe('durations', () => {
  it('reads Kibana durations and now-relative date math', () => {
    expect(durationMs('5m')).toBe(300_000);
    expect(durationMs('90s')).toBe(90_000);
    expect(durationMs('2h')).toBe(7_200_000);
    expect(durationMs('5 m')).toBeUndefined();
    expect(lookbackMs('now-119m')).toBe(119 * 60_000);
    expect(lookbackMs('now-1d/d')).toBeUndefined();
    expect(showMinutes(90_000)).toBe('1.5m');
  });
});

describe('schedule checks', () => {
  it('elastic-schedule-format: from is now-<n><unit>, interval is <n><unit>', async () => {
    await runCheckCases('elastic-schedule-format', {
      valid: CLEAN,
      invalid: [
        {
          file: `${P}/execution_schedule_bad_from_interval.toml`,
          errors: [
            { line: 9, message: 'from "now-9" must be of the form now-<n><unit>, e.g. now-9m' },
            { line: 37, message: 'interval "5 m" must be of the form <n><unit> with unit s, m, h or d, e.g. 5m' },
          ],
        },
      ],
    });
  });

  it('elastic-timestamp-override: KQL and non-sequence EQL rules read their window on event.ingested', async () => {
    await runCheckCases('elastic-timestamp-override', {
      // The clean sequence and ES|QL rules have no override: sequences and ES|QL are not checked.
      valid: CLEAN,
      invalid: [
        { file: `${P}/execution_timestamp_override_missing_kql.toml`, errors: [{ line: 6, message: /^a KQL rule needs timestamp_override = "event\.ingested"/ }] },
        { file: `${P}/execution_timestamp_override_other_eql.toml`, errors: [{ line: 36, message: /^timestamp_override is "@timestamp"; an EQL rule that is not a sequence/ }] },
      ],
    });
  });

  it('elastic-endpoint-lookback: logs-endpoint.events.* needs an explicit from', async () => {
    await runCheckCases('elastic-endpoint-lookback', {
      valid: [...CLEAN, `${P}/execution_tags_required_missing.toml`],
      invalid: [{ file: `${P}/execution_endpoint_index_no_from.toml`, errors: [{ line: 9, message: /^a rule on logs-endpoint\.events\.\* needs an explicit from/ }] }],
    });
  });

  it('elastic-eql-maxspan: look-back + 10 minutes ≥ maxspan, interval ≥ maxspan / 2', async () => {
    await runCheckCases('elastic-eql-maxspan', {
      valid: CLEAN,
      invalid: [
        {
          file: `${P}/execution_eql_maxspan_longer_than_lookback.toml`,
          errors: [
            { line: 37, message: 'maxspan=30m is longer than the look-back of 6m (from = "now-6m") plus 10 minutes; from should reach at least now-20m' },
            { line: 37, message: 'interval 5m is less than half of maxspan=30m; use an interval of at least 15m' },
          ],
        },
      ],
    });
  });

  it('elastic-building-block-timing: from ≥ now-119m and interval ≥ 60m, unless bypass_bbr_timing', async () => {
    await runCheckCases('elastic-building-block-timing', {
      valid: [...CLEAN, `${P}/rules_building_block/execution_building_block_bypass_timing.toml`],
      invalid: [
        {
          file: `${P}/rules_building_block/execution_building_block_short_window.toml`,
          errors: [
            { line: 9, message: 'from "now-30m" of a building block rule must reach back at least now-119m' },
            { line: 28, message: 'interval "10m" of a building block rule must be at least 60m' },
          ],
        },
        { file: `${P}/rules_building_block/execution_building_block_no_interval.toml`, errors: [{ line: 27, message: 'a building block rule needs interval (at least now-119m and 60m)' }] },
      ],
    });
  });
});

describe('ES|QL and threshold checks', () => {
  it('elastic-esql-metadata: METADATA _id, _version, _index unless the query aggregates with STATS … BY', async () => {
    await runCheckCases('elastic-esql-metadata', {
      valid: [...CLEAN, `${P}/execution_esql_stats_by_without_metadata.toml`],
      invalid: [
        { file: `${P}/execution_esql_no_metadata.toml`, errors: [{ line: 37, message: /\(missing _id, _version, _index\), or a STATS … BY$/ }] },
        { file: `${P}/execution_esql_metadata_without_version.toml`, errors: [{ line: 37, message: /\(missing _version\)/ }] },
      ],
    });
  });

  it('elastic-esql-keep: the query keeps the fields its alerts need', async () => {
    await runCheckCases('elastic-esql-keep', {
      valid: [...CLEAN, `${P}/execution_esql_stats_by_without_metadata.toml`],
      invalid: [{ file: `${P}/execution_esql_no_keep.toml`, errors: [{ line: 38, message: 'an ES|QL rule should end with a KEEP of the fields its alerts need' }] }],
    });
  });

  it('elastic-threshold-fields: 3 group-by fields before stack 9.2, 5 from it', async () => {
    await runCheckCases('elastic-threshold-fields', {
      // Without min_stack_version the rule is judged against defaultStackVersion (9.3.0 unless set).
      valid: [...CLEAN, `${P}/execution_threshold_four_fields_stack_9_2.toml`, `${P}/execution_threshold_four_fields_no_min_stack.toml`],
      invalid: [
        {
          file: `${P}/execution_threshold_four_fields_no_min_stack.toml`,
          options: { defaultStackVersion: '8.19.0' },
          errors: [{ line: 43, message: /^threshold groups by 4 fields; stack 8\.19\.0 \(no min_stack_version\) allows at most 3/ }],
        },
        {
          file: `${P}/execution_threshold_four_fields_stack_9_1.toml`,
          errors: [{ line: 45, message: 'threshold groups by 4 fields; min_stack_version 9.1.0 allows at most 3; set min_stack_version to 9.2.0 or later to allow 5' }],
        },
      ],
    });
  });
});
