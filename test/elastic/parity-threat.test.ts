import { describe, it } from 'vitest';
import { runCheckCases } from '../helpers/rule-tester.js';
import { CLEAN, P } from './parity-fixtures.js';

describe('threat block checks', () => {
  it('elastic-threat-framework: MITRE ATT&CK or MITRE ATLAS, spelled exactly, holding its own ids', async () => {
    await runCheckCases('elastic-threat-framework', {
      valid: [...CLEAN, 'elastic/threat-atlas-framework.toml'],
      invalid: [
        { file: `${P}/execution_threat_framework_misspelled.toml`, errors: [{ line: 43, message: 'framework "Mitre Att&ck" must be "MITRE ATT&CK" or "MITRE ATLAS" (did you mean "MITRE ATT&CK"?)' }] },
        { file: `${P}/execution_threat_atlas_ids_under_attack.toml`, errors: [{ line: 61, message: /^framework "MITRE ATT&CK" holds the ATLAS id AML\.TA0005; ATLAS entries go in a block with framework = "MITRE ATLAS"$/ }] },
      ],
    });
  });

  it('elastic-threat-reference: each URL is the page of its own id', async () => {
    await runCheckCases('elastic-threat-reference', {
      // The ATLAS fixture writes its URLs without the trailing slash, which detection-rules adds.
      valid: [...CLEAN, 'elastic/threat-atlas-framework.toml', `${P}/execution_threat_atlas_ids_under_attack.toml`],
      invalid: [
        {
          file: `${P}/execution_threat_reference_wrong_id.toml`,
          errors: [
            { line: 53, message: 'reference of sub-technique T1059.001 should be https://attack.mitre.org/techniques/T1059/001/, not https://attack.mitre.org/techniques/T1059/003/' },
            { line: 58, message: 'reference of tactic TA0002 should be https://attack.mitre.org/tactics/TA0002/, not https://attack.mitre.org/tactics/TA0003' },
          ],
        },
      ],
    });
  });

  it('elastic-threat-tactic-duplicate: one block per tactic', async () => {
    await runCheckCases('elastic-threat-tactic-duplicate', {
      valid: CLEAN,
      invalid: [{ file: `${P}/execution_threat_tactic_twice.toml`, errors: [{ line: 70, message: 'tactic "Execution" already has a threat block (line 57); merge its techniques into that one' }] }],
    });
  });

  it('elastic-threat-tactic-name: the id is the tactic the name names', async () => {
    await runCheckCases('elastic-threat-tactic-name', {
      valid: [...CLEAN, 'elastic/clean-whoami-eql.toml'],
      invalid: [
        { file: `${P}/execution_threat_tactic_id_name_mismatch.toml`, errors: [{ line: 56, message: /^tactic "Execution" is TA0002 in ATT&CK v\d+\.\d+, not TA0003$/ }] },
        { file: `${P}/execution_threat_tactic_name_unknown.toml`, errors: [{ line: 57, message: 'tactic name "Executions" is not an ATT&CK tactic name (TA0002 is "Execution")' }] },
      ],
    });
  });

  it('the generic ATT&CK checks cover the rest of detection-rules’ threat tests on the same fixtures', async () => {
    // tactic ↔ technique (test_tactic_to_technique_correlations)
    await runCheckCases('tactic-mismatch', {
      valid: CLEAN,
      invalid: [
        {
          file: `${P}/execution_threat_tactic_id_name_mismatch.toml`,
          errors: [
            { line: 56, message: /^T1059 \(Command and Scripting Interpreter\) is not a persistence technique/ },
            { line: 56, message: /^T1059\.001 \(PowerShell\) is not a persistence technique/ },
          ],
        },
      ],
    });
    for (const id of ['technique-unknown', 'technique-revoked', 'technique-deprecated', 'elastic-technique-name', 'elastic-subtechnique-parent']) {
      await runCheckCases(id, { valid: CLEAN, invalid: [] });
    }
  });
});
