import { describe, expect, it } from 'vitest';
import { lintWith, runCheckCases } from '../helpers/rule-tester.js';

const VALID = 'sigma/valid-process-creation.yml';
const DIR = 'sigma/pysigma';

describe('pySigma log source validators', () => {
  it('sigma-specific-logsource: Sysmon event ids with a generic category, each at its value, in filters too', () =>
    runCheckCases('sigma-specific-logsource', {
      valid: [VALID, `${DIR}/specific-logsource/valid-security-logon-and-quoted-id.yml`],
      invalid: [{
        file: `${DIR}/specific-logsource/invalid-sysmon-eventid-1.yml`,
        errors: [
          { line: 16, message: "EventID 1 of windows/sysmon: use the generic log source 'category: process_creation' instead" },
          { line: 20, message: /EventID 255 of windows\/sysmon: .*'category: sysmon_error'/ },
        ],
      }],
    }));

  it('sigma-specific-logsource: 4688 under windows/security', () =>
    runCheckCases('sigma-specific-logsource', {
      valid: [],
      invalid: [{ file: `${DIR}/values/valid-numbers.yml`, errors: [{ line: 15, message: /EventID 4688 of windows\/security: .*'category: process_creation'/ }] }],
    }));

  it('sigma-logsource-custom-attribute: every key but product, category, service, definition, at the key', async () => {
    await runCheckCases('sigma-logsource-custom-attribute', {
      valid: [VALID, `${DIR}/logsource-custom-attribute/valid-definition.yml`],
      invalid: [{
        file: `${DIR}/logsource-custom-attribute/invalid-custom-keys.yml`,
        errors: [{ line: 14, message: /^logsource key 'categroy' is not product, category, service or definition/ }, { line: 15, message: /'version'/ }],
      }],
    });
    const [r] = await lintWith([`${DIR}/logsource-custom-attribute/invalid-custom-keys.yml`], { 'sigma-logsource-custom-attribute': 'error' });
    expect(r?.messages.map((m) => [m.column, m.endColumn])).toEqual([[5, 13], [5, 12]]);
  });
});
