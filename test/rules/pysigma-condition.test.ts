import { describe, expect, it } from 'vitest';
import { lintWith, runCheckCases } from '../helpers/rule-tester.js';

const VALID = 'sigma/valid-process-creation.yml';
const DIR = 'sigma/pysigma';

describe('pySigma condition validators', () => {
  it('sigma-dangling-detection: a filter missing from the condition, at its key', () =>
    runCheckCases('sigma-dangling-detection', {
      valid: [VALID, `${DIR}/dangling-detection/valid-patterns-and-them.yml`, `${DIR}/them-single-detection/valid-two-selections.yml`],
      invalid: [{ file: `${DIR}/dangling-detection/invalid-filter-not-in-condition.yml`, errors: [{ line: 16, message: /^search identifier 'filter_main_signed' is not used by the condition/ }] }],
    }));

  it('sigma-dangling-detection points at the selection key', async () => {
    const [r] = await lintWith([`${DIR}/dangling-detection/invalid-filter-not-in-condition.yml`], { 'sigma-dangling-detection': 'error' });
    expect(r?.messages.map((m) => [m.line, m.column, m.endColumn])).toEqual([[16, 5, 23]]);
  });

  it('sigma-them-single-detection: `1 of them` with one selection, at the `of` expression', async () => {
    await runCheckCases('sigma-them-single-detection', {
      valid: [VALID, `${DIR}/them-single-detection/valid-two-selections.yml`],
      invalid: [{ file: `${DIR}/them-single-detection/invalid-one-of-them.yml`, errors: [{ line: 16, message: "'1 of them' with a single search identifier: write 'selection' instead" }] }],
    });
    const [r] = await lintWith([`${DIR}/them-single-detection/invalid-one-of-them.yml`], { 'sigma-them-single-detection': 'error' });
    expect(r?.messages.map((m) => [m.column, m.endColumn])).toEqual([[16, 25]]);
  });

  it('sigma-all-of-them: found in a condition list, whatever the spacing; `1 of them` and patterns pass', async () => {
    await runCheckCases('sigma-all-of-them', {
      valid: [VALID, `${DIR}/all-of-them/valid-all-of-pattern.yml`],
      invalid: [{ file: `${DIR}/all-of-them/invalid-all-of-them.yml`, errors: [{ line: 20, message: /^'all of them' is discouraged/ }] }],
    });
    const [r] = await lintWith([`${DIR}/all-of-them/invalid-all-of-them.yml`], { 'sigma-all-of-them': 'error' });
    expect(r?.messages[0]?.column).toBe(11);
  });
});
