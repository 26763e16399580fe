import { describe, it } from 'vitest';
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
