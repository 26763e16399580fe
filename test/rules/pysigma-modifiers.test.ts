import { describe, expect, it } from 'vitest';
import { lintWith, runCheckCases } from '../helpers/rule-tester.js';

const VALID = 'sigma/valid-process-creation.yml';
const DIR = 'sigma/pysigma/modifier-combination';

describe('pySigma invalid_modifier_combinations', () => {
  it('sigma-modifier-combination: all without contains, base64offset without contains, windash with all, a repeated modifier', () =>
    runCheckCases('sigma-modifier-combination', {
      valid: [VALID, `${DIR}/valid-combinations.yml`],
      invalid: [{
        file: `${DIR}/invalid-combinations.yml`,
        errors: [
          { line: 15, message: /^'CommandLine\|all': 'all' without 'contains' .* use 'CommandLine\|contains\|all'$/ },
          { line: 19, message: /'base64offset' needs 'contains'/ },
          { line: 21, message: /'windash' cannot be combined with 'all'/ },
          { line: 25, message: "'Image|endswith|endswith': modifier 'endswith' is applied more than once" },
        ],
      }],
    }));

  it('points at the modifier concerned inside the key', async () => {
    const [r] = await lintWith([`${DIR}/invalid-combinations.yml`], { 'sigma-modifier-combination': 'error' });
    // `CommandLine|all` → `all`; `CommandLine|windash|…` → `windash`; `Image|endswith|endswith` → the second `endswith`.
    expect(r?.messages.map((m) => [m.line, m.column, m.endColumn])).toEqual([[15, 21, 24], [19, 21, 33], [21, 21, 28], [25, 24, 32]]);
  });
});
