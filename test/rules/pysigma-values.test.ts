import { describe, expect, it } from 'vitest';
import { lintWith, runCheckCases } from '../helpers/rule-tester.js';

const VALID = 'sigma/valid-process-creation.yml';
const DIR = 'sigma/pysigma/values';

describe('pySigma value validators', () => {
  it('sigma-double-wildcard: `**` but not an escaped star next to a wildcard', () =>
    runCheckCases('sigma-double-wildcard', {
      valid: [VALID, `${DIR}/valid-single-and-escaped-stars.yml`],
      invalid: [{ file: `${DIR}/invalid-double-wildcard.yml`, errors: [{ line: 16, message: "'**' in '**\\cmd.exe' matches the same as '*'" }, { line: 18 }] }],
    }));

  it('sigma-number-as-string: quoted integers, not patterns, hex text or decimals', () =>
    runCheckCases('sigma-number-as-string', {
      valid: [VALID, `${DIR}/valid-numbers.yml`],
      invalid: [{
        file: `${DIR}/invalid-number-as-string.yml`,
        errors: [{ line: 15, message: "'4688' is a number written as a string: write 4688 without quotes" }, { line: 18, message: /'-1'/ }],
      }],
    }));

  it('sigma-control-character: a tab and a line feed from double-quoted escapes; single quotes and base64 values pass', async () => {
    await runCheckCases('sigma-control-character', {
      valid: [VALID, `${DIR}/valid-windows-paths.yml`],
      invalid: [{
        file: `${DIR}/invalid-control-character.yml`,
        errors: [{ line: 15, message: /^value contains a '\\t' became control character U\+0009/ }, { line: 17, message: /'\\n' became control character U\+000A/ }],
      }],
    });
    const [r] = await lintWith([`${DIR}/invalid-control-character.yml`], { 'sigma-control-character': 'error' });
    expect(r?.messages.map((m) => m.column)).toEqual([25, 15]);
  });

  it('sigma-control-character: every code below U+001F, ESC and U+001E included, U+001F not', () =>
    runCheckCases('sigma-control-character', {
      valid: [],
      invalid: [{
        file: `${DIR}/invalid-control-character-range.yml`,
        errors: [{ line: 16, message: /^value contains a '\\e' became control character U\+001B/ }, { line: 17, message: /^value contains a control character U\+001E/ }],
      }],
    }));

  it('sigma-wildcards-instead-of-modifiers: contains, endswith, startswith and keyword lists, at the key', () =>
    runCheckCases('sigma-wildcards-instead-of-modifiers', {
      valid: [VALID, `${DIR}/valid-wildcards-with-modifiers.yml`],
      invalid: [{
        file: `${DIR}/invalid-wildcards-instead-of-modifiers.yml`,
        errors: [
          { line: 15, message: "'CommandLine|all': all values begin and end with '*'; use 'CommandLine|contains|all' and drop the wildcards" },
          { line: 19, message: /^'Image': all values begin with '\*'; use 'Image\|endswith'/ },
          { line: 23, message: /^'OriginalFileName\|cased': all values end with '\*'; use 'OriginalFileName\|startswith\|cased'/ },
          { line: 24, message: /^keywords of 'keywords': all values begin and end with '\*'; use a '\|contains' item/ },
        ],
      }],
    }));

  it('sigma-escaped-wildcard: `\\*` and `\\?`, not `\\\\*` (a backslash, then a wildcard) nor regexes', () =>
    runCheckCases('sigma-escaped-wildcard', {
      valid: [VALID, `${DIR}/valid-no-escaped-wildcard.yml`],
      invalid: [{ file: `${DIR}/invalid-escaped-wildcard.yml`, errors: [{ line: 16, message: /^'C:\\Users\\\*\\AppData' has an escaped wildcard/ }, { line: 17 }, { line: 18 }] }],
    }));
});
