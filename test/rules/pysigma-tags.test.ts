import { describe, expect, it } from 'vitest';
import { lintWith, runCheckCases } from '../helpers/rule-tester.js';

const VALID = 'sigma/valid-process-creation.yml';
const INVALID = 'sigma/pysigma/tags/invalid-tags.yml';
const GOOD = 'sigma/pysigma/tags/valid-tags.yml';

/** Each tag check against the fixture of every namespace done wrong: the lines of the tags it reports. */
const CASES: [string, number[], RegExp][] = [
  ['sigma-tag-format', [9, 14, 16, 25, 32], /^tag 'attack\.T1059\.001' is not of the form namespace\.name/],
  ['sigma-tag-attack', [11, 14], /^tag 'attack\.c0024' names no ATT&CK technique, tactic, group, software or mitigation$/],
  ['sigma-tag-d3fend', [16], /^tag 'd3fend\.D3-PA' is not a D3FEND tactic/],
  ['sigma-tag-tlp', [21], /^tag 'tlp\.gren' is not a TLP 1\.0 or 2\.0 label/],
  ['sigma-tag-tlpv1', [19, 20, 21], /^tag 'tlp\.clear' is not a TLP 1\.0 label/],
  ['sigma-tag-tlpv2', [18, 21], /^tag 'tlp\.white' is not a TLP 2\.0 label/],
  ['sigma-duplicate-tag', [30], /^tag 'attack\.execution' repeated \(first on line 8\)$/],
  ['sigma-tag-namespace', [31, 32], /^tag 'mitre\.t1059': 'mitre' is not a Sigma tag namespace/],
  ['sigma-tag-car', [23], /^tag 'car\.2016-4-5' is not a CAR analytic id/],
  ['sigma-tag-cve', [25], /^tag 'cve\.CVE-2021-44228' is not a CVE id/],
  ['sigma-tag-detection', [27], /^tag 'detection\.hunting' is not detection\.dfir/],
  ['sigma-tag-stp', [29], /^tag 'stp\.6' is not a Summiting the Pyramid score/],
];

describe('pySigma tag validators', () => {
  for (const [id, lines, first] of CASES) {
    it(`${id}: lines ${lines.join(', ')}`, () =>
      runCheckCases(id, {
        valid: [VALID, GOOD],
        invalid: [{ file: INVALID, errors: lines.map((line, i) => (i === 0 ? { line, message: first } : { line })) }],
      }));
  }

  it('reports at the tag inside the list, not at `tags:`', async () => {
    const [r] = await lintWith([INVALID], { 'sigma-tag-stp': 'error', 'sigma-duplicate-tag': 'error' });
    expect(r?.messages.map((m) => [m.ruleId, m.line, m.column, m.endColumn])).toEqual([
      ['sigma-tag-stp', 29, 7, 12],
      ['sigma-duplicate-tag', 30, 7, 23],
    ]);
  });
});
