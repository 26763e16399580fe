import { describe, it } from 'vitest';
import { runCheckCases } from '../helpers/rule-tester.js';

const D = 'sigma/logic';
const VALID = `${D}/valid-selection-and-filter.yml`;

describe('logic checks', () => {
  it('logic-selection-never-matches: one field required to hold two values in an AND', () =>
    runCheckCases('logic-selection-never-matches', {
      valid: [VALID, `${D}/invalid-subsumed-values.yml`, `${D}/invalid-filter-excludes-selection.yml`],
      invalid: [
        { file: `${D}/invalid-contradictory-selections.yml`, errors: [{ line: 17, message: "'selection_img' and 'selection_other' together can never match: 'Image' cannot be ending with '\\rundll32.exe' and ending with '\\regsvr32.exe' at once" }] },
        { file: `${D}/invalid-all-equal-two-values.yml`, errors: [{ line: 17, message: "'selection' can never match: 'OriginalFileName' cannot be 'RUNDLL32.EXE' and 'REGSVR32.EXE' at once" }] },
        // contains values are never compared with each other, but still with an equality, and the first of them is named.
        { file: `${D}/invalid-contains-all-then-equal.yml`, errors: [{ line: 20, message: "'selection' and 'selection_exact' together can never match: 'CommandLine' cannot be containing '-enc' and 'powershell.exe -nop' at once" }] },
      ],
    }));

  it('logic-filter-excludes-all: the filter removes every event of the selection', () =>
    runCheckCases('logic-filter-excludes-all', {
      valid: [VALID, `${D}/invalid-contradictory-selections.yml`],
      invalid: [
        { file: `${D}/invalid-filter-excludes-selection.yml`, errors: [{ line: 18, message: "filter 'filter_main_rundll' excludes every event 'selection' matches: the rule can never fire" }] },
        { file: `${D}/invalid-filters-cover-every-alternative.yml`, errors: [{ line: 18, message: "filters 'filter_main_image', 'filter_main_name' exclude every event 'selection' matches: the rule can never fire" }] },
      ],
    }));

  it('logic-value-subsumed: a value another value of the same OR already matches', () =>
    runCheckCases('logic-value-subsumed', {
      valid: [VALID, `${D}/invalid-contradictory-selections.yml`],
      invalid: [{
        file: `${D}/invalid-subsumed-values.yml`,
        errors: [
          { line: 17, message: "'mshtml,RunHTMLApplication' is redundant: 'RunHTMLApplication' (line 19) already matches everything it matches" },
          { line: 18, message: "'javascript:eval' is redundant: 'javascript:' (line 16) already matches everything it matches" },
          { line: 21, message: "'\\rundll32.exe' is redundant: 'rundll32.exe' (line 22) already matches everything it matches" },
        ],
      }],
    }));

  it('logic-condition-always-true: a part OR its negation, null OR not null', () =>
    runCheckCases('logic-condition-always-true', {
      valid: [VALID, `${D}/invalid-filter-excludes-selection.yml`],
      invalid: [
        { file: `${D}/invalid-condition-always-true.yml`, errors: [{ line: 16, message: 'the condition is always true: the rule matches every event of its logsource' }] },
        { file: `${D}/invalid-null-or-not-null.yml`, errors: [{ line: 18 }] },
      ],
    }));
});
