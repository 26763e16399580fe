import { describe, expect, it } from 'vitest';
import { dateProblem } from '../../src/rules/sigma-date-invalid.js';
import { runCheckCases } from '../helpers/rule-tester.js';

const VALID = 'sigma/valid-process-creation.yml';
const DIR = 'sigma/pysigma/load';
const BAD = `${DIR}/invalid-metadata-values.yml`;
const GOOD = `${DIR}/valid-metadata-values.yml`;

describe('values pySigma refuses to load', () => {
  it('sigma-date-invalid: YYYY/MM/DD and 30 February, each at its value', () =>
    runCheckCases('sigma-date-invalid', {
      valid: [VALID, GOOD],
      invalid: [{ file: BAD, errors: [{ line: 3, message: "'2026-02-30' is not a calendar date" }, { line: 10, message: /^'2026\/11\/26' is not YYYY-MM-DD/ }] }],
    }));

  it('sigma-date-invalid: month lengths and leap days as the Gregorian calendar has them', () => {
    for (const date of ['2024-02-29', '2000-02-29', '0004-02-29', '0001-01-01', '2026-01-31', '2026-04-30', '2026-12-31']) expect(dateProblem(date), date).toBeUndefined();
    for (const date of ['2023-02-29', '1900-02-29', '0000-01-01', '2026-04-31', '2026-06-31', '2026-13-01', '2026-00-10', '2026-01-00']) expect(dateProblem(date), date).toBe('is not a calendar date');
  });

  it('sigma-level-invalid', () =>
    runCheckCases('sigma-level-invalid', {
      valid: [VALID, GOOD],
      invalid: [{ file: BAD, errors: [{ line: 21, message: "'severe' is not a Sigma level (informational, low, medium, high, critical)" }] }],
    }));

  it('sigma-status-invalid: a known status in the wrong case names the right spelling', () =>
    runCheckCases('sigma-status-invalid', {
      valid: [VALID, GOOD],
      invalid: [{ file: BAD, errors: [{ line: 7, message: "status 'Experimental' must be written in lower case: 'experimental'" }] }],
    }));

  it('sigma-id-invalid: the id and a related id', () =>
    runCheckCases('sigma-id-invalid', {
      valid: [VALID, GOOD],
      invalid: [{ file: BAD, errors: [{ line: 2, message: "id 'not-a-uuid' is not a UUID" }, { line: 5, message: "related id '1234' is not a UUID" }] }],
    }));

  it('sigma-title-length', () =>
    runCheckCases('sigma-title-length', {
      valid: [VALID, GOOD],
      invalid: [{ file: BAD, errors: [{ line: 1, message: 'the title has 260 characters, more than 256' }] }],
    }));
});
