import { describe, expect, it } from 'vitest';
import { sharedExclusions } from '../../src/index/aggregate.js';
import type { TechniqueEventAggregate, ValueRow } from '../../src/index/corpus-index.js';

function row(value: string, refs: number[]): ValueRow {
  return { key: `process.path\u0000starts_with\u0000${value}`, field: 'process.path', operator: 'starts_with', value, rules: refs.length, refs, examples: {} };
}

// Rows sorted by rule count, then key, as the index keeps them.
const agg: TechniqueEventAggregate = {
  technique: 'T1574.001',
  event: 'sysmon:7',
  ruleCount: 10,
  refs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  exclusions: [row('c:\\a\\', [1, 2, 3, 4, 5]), row('c:\\b\\', [6, 7, 8, 9]), row('c:\\c\\', [2, 3, 4]), row('c:\\d\\', [5, 6])],
};

describe('shared exclusions', () => {
  it('keeps the rows shared by enough rules, as they are when nothing is left out', () => {
    const { ruleCount, rows } = sharedExclusions(agg, undefined, 3, 0.3);
    expect(ruleCount).toBe(10);
    expect(rows).toEqual(agg.exclusions.slice(0, 3));
    expect(rows[0]).toBe(agg.exclusions[0]);
  });

  it('recounts without the left-out rules, drops rows that fall short and sorts again', () => {
    const { ruleCount, rows } = sharedExclusions(agg, new Set([1, 2, 42]), 3, 0.3);
    expect(ruleCount).toBe(8);
    expect(rows.map((r) => [r.value, r.rules, r.refs])).toEqual([
      ['c:\\b\\', 4, [6, 7, 8, 9]],
      ['c:\\a\\', 3, [3, 4, 5]],
    ]);
    expect(rows[0]).toBe(agg.exclusions[1]);
    expect(agg.exclusions[0]?.refs).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives no rows when too few rules remain', () => {
    expect(sharedExclusions(agg, new Set([1, 2, 3, 4, 5, 6, 7, 8]), 3, 0.1)).toEqual({ ruleCount: 2, rows: [] });
  });
});
