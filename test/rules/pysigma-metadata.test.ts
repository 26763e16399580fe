import { describe, expect, it } from 'vitest';
import { lintWith, runCheckCases } from '../helpers/rule-tester.js';

const VALID = 'sigma/valid-process-creation.yml';
const DIR = 'sigma/pysigma';

describe('pySigma metadata validators', () => {
  it('sigma-id-missing: reported at the title key, with a suggestion inserting an id after the title', async () => {
    await runCheckCases('sigma-id-missing', {
      valid: [VALID, `${DIR}/id-duplicate/valid-distinct-ids.yml`],
      invalid: [{ file: `${DIR}/id-missing/invalid-no-id.yml`, errors: [{ line: 1, message: 'rule has no id: add one (a random UUID v4)' }] }],
    });
    const [r] = await lintWith([`${DIR}/id-missing/invalid-no-id.yml`], { 'sigma-id-missing': 'error' });
    const s = r?.messages[0]?.suggestions?.[0];
    expect(s?.snippet).toMatch(/^id: [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Inserted at the start of line 2, right below the title.
    const line2 = (r?.source ?? '').indexOf('\n') + 1;
    expect(s?.fix?.range).toEqual([line2, line2]);
  });

  it('sigma-id-duplicate: both rules of a pair, case-insensitively, each naming the other; not the rules of one legacy collection', () =>
    runCheckCases('sigma-id-duplicate', {
      valid: [VALID, `${DIR}/id-duplicate/valid-distinct-ids.yml`, `${DIR}/id-duplicate/valid-legacy-global-collection.yml`],
      invalid: [{
        file: `${DIR}/id-duplicate/invalid-same-id-twice.yml`,
        errors: [{ line: 2, message: /^id 6f1c3b1e-8d59-4c2b-9a5e-1f0e7d2c3b4a is also used by .*invalid-same-id-twice\.yml:20$/ }, { line: 20, message: /invalid-same-id-twice\.yml:2$/ }],
      }],
    }));

  it('sigma-id-duplicate: across files of one run', async () => {
    const copy = `${DIR}/id-duplicate/copied-rule-keeping-its-id.yml`;
    const [original, copied] = await lintWith([VALID, copy], { 'sigma-id-duplicate': 'error' });
    expect(original?.messages.map((m) => [m.line, m.column])).toEqual([[2, 5]]);
    expect(original?.messages[0]?.message).toMatch(/is also used by .*copied-rule-keeping-its-id\.yml:2$/);
    expect(copied?.messages[0]?.message).toMatch(/valid-process-creation\.yml:2$/);
    const [alone] = await lintWith([copy], { 'sigma-id-duplicate': 'error' });
    expect(alone?.messages).toEqual([]);
  });

  it('sigma-duplicate-title: at each title', () =>
    runCheckCases('sigma-duplicate-title', {
      valid: [VALID, `${DIR}/id-duplicate/valid-distinct-ids.yml`, `${DIR}/id-duplicate/valid-legacy-global-collection.yml`],
      invalid: [{ file: `${DIR}/duplicate-title/invalid-same-title-twice.yml`, errors: [{ line: 1, message: /^this title is also used by .*:19$/ }, { line: 19, message: /:1$/ }] }],
    }));

  it('sigma-duplicate-filename: two files of one name in different folders, on line 1 of each', async () => {
    const a = `${DIR}/duplicate-filename/a/same_name_rule.yml`;
    const b = `${DIR}/duplicate-filename/b/same_name_rule.yml`;
    const [ra, rb] = await lintWith([a, b], { 'sigma-duplicate-filename': 'error' });
    expect(ra?.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['sigma-duplicate-filename', 1, 1]]);
    expect(ra?.messages[0]?.message).toMatch(/^the file name same_name_rule\.yml is also used by .*duplicate-filename\/b\/same_name_rule\.yml$/);
    expect(rb?.messages[0]?.message).toMatch(/a\/same_name_rule\.yml$/);
    const [alone] = await lintWith([a], { 'sigma-duplicate-filename': 'error' });
    expect(alone?.messages).toEqual([]);
  });

  it('sigma-duplicate-reference: the repeated entry, not the first', () =>
    runCheckCases('sigma-duplicate-reference', {
      valid: [VALID, `${DIR}/duplicate-reference/valid-distinct-references.yml`],
      invalid: [{ file: `${DIR}/duplicate-reference/invalid-repeated-reference.yml`, errors: [{ line: 8, message: 'reference repeated (first on line 6): https://example.org/blog/encoded-powershell' }] }],
    }));

  it('sigma-filename-length: 10 to 90 characters by default, options tune it', () =>
    runCheckCases('sigma-filename-length', {
      valid: [VALID, `${DIR}/filename-length/valid-name-of-a-reasonable-length.yml`, { file: `${DIR}/filename-length/short.yml`, options: { min: 5, max: 90 } }],
      invalid: [
        { file: `${DIR}/filename-length/short.yml`, errors: [{ line: 1, message: 'the file name short.yml has 9 characters, shorter than 10' }] },
        { file: `${DIR}/filename-length/valid-name-of-a-reasonable-length.yml`, options: { min: 10, max: 20 }, errors: [{ line: 1, message: /has 37 characters, longer than 20$/ }] },
      ],
    }));

  it('sigma-attribute-typo: `reference` and `realted` at their keys; the fix renames only where the right key is absent', async () => {
    await runCheckCases('sigma-attribute-typo', {
      valid: [VALID, `${DIR}/attribute-typo/valid-custom-attributes.yml`],
      invalid: [{
        file: `${DIR}/attribute-typo/invalid-reference-and-realted.yml`,
        errors: [{ line: 3, message: "'reference' is a misspelling of 'references': as a custom attribute it is ignored" }, { line: 5, message: /'realted' is a misspelling of 'related'/ }],
      }],
    });
    const [r] = await lintWith([`${DIR}/attribute-typo/invalid-reference-and-realted.yml`], { 'sigma-attribute-typo': 'error' });
    const [reference, realted] = r?.messages ?? [];
    const fix = reference?.fix?.[0];
    expect(fix && (r?.source ?? '').slice(fix.range[0], fix.range[1])).toBe('reference');
    expect(fix?.text).toBe('references');
    // `related` is also present: renaming `realted` would make a duplicate key.
    expect(realted?.fix).toBeUndefined();
  });
});
