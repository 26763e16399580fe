import { describe, it } from 'vitest';
import { runCheckCases } from '../helpers/rule-tester.js';

const VALID = 'sigma/valid-process-creation.yml';

describe('ATT&CK checks', () => {
  it('technique-missing', () =>
    runCheckCases('technique-missing', {
      valid: [VALID],
      invalid: [{ file: 'sigma/technique-missing/invalid-no-attack-tag.yml', errors: [{ line: 1, message: /no ATT&CK technique: add a tag such as `attack\.t1059\.001`/ }] }],
    }));

  it('technique-unknown: unknown ids warn with the loaded version, malformed ids are named', () =>
    runCheckCases('technique-unknown', {
      valid: [VALID],
      invalid: [{
        file: 'sigma/technique-unknown/invalid-unknown-and-malformed.yml',
        errors: [{ line: 10, message: /^T1999 is not in ATT&CK v19\.0$/ }, { line: 11, message: /"attack\.t10" is not an ATT&CK technique id/ }],
      }],
    }));

  it('technique-revoked names the replacement', () =>
    runCheckCases('technique-revoked', {
      valid: [VALID, 'sigma/technique-revoked/valid-t1685.yml'],
      invalid: [{ file: 'sigma/technique-revoked/invalid-t1562-001.yml', errors: [{ line: 9, message: 'T1562.001 was revoked in ATT&CK; use T1685 (Disable or Modify Tools) instead' }] }],
    }));

  it('technique-deprecated', () =>
    runCheckCases('technique-deprecated', {
      valid: [VALID],
      invalid: [{ file: 'sigma/technique-deprecated/invalid-t1053-004.yml', errors: [{ line: 9, message: /T1053\.004 \(Launchd\) is deprecated/ }] }],
    }));

  it('tactic-unknown: retired tactic with the fitting replacement, unknown tactic with the version', () =>
    runCheckCases('tactic-unknown', {
      valid: [VALID, 'sigma/tactic-unknown/valid-stealth.yml'],
      invalid: [{
        file: 'sigma/tactic-unknown/invalid-retired-and-unknown.yml',
        errors: [
          { line: 8, message: /"attack\.defense-evasion" was retired in ATT&CK v19\.0: use stealth \(the tactic of this rule's techniques\)/ },
          { line: 9, message: /"attack\.lateral-thinking" is not in ATT&CK v19\.0/ },
        ],
      }],
    }));

  it('tactic-mismatch: standalone tactic tags only with standaloneTactics', () =>
    runCheckCases('tactic-mismatch', {
      valid: [VALID, 'sigma/tactic-unknown/valid-stealth.yml', 'sigma/tactic-mismatch/invalid-persistence.yml'],
      invalid: [{ file: 'sigma/tactic-mismatch/invalid-persistence.yml', options: { standaloneTactics: true }, errors: [{ line: 9, message: /tactic persistence is not a tactic of T1059\.001 \(execution\)/ }] }],
    }));
});

describe('field-unknown', () => {
  it('names typos with a did-you-mean, case-only differences, and fields of another event', () =>
    runCheckCases('field-unknown', {
      valid: [VALID],
      invalid: [{
        file: 'sigma/field-unknown/invalid-typo-case-and-other-event.yml',
        errors: [
          { line: 15, message: /"Imagee" is not a field of the Sigma logsource windows\/process_creation; did you mean "Image"\?/ },
          { line: 16, message: /"commandline" .* differs only by case from "CommandLine"/ },
          { line: 17, message: /"TargetFilename" is not a field of the Sigma logsource/ },
        ],
      }],
    }));
});

describe('corpus-aware checks', () => {
  it('missing-common-exclusions: a DLL side-loading draft without filters is told the System32/SysWOW64/WinSxS filters', () =>
    runCheckCases('missing-common-exclusions', {
      valid: [VALID, 'sigma/missing-common-exclusions/valid-dll-sideloading-filtered.yml'],
      invalid: [{
        file: 'sigma/missing-common-exclusions/invalid-dll-sideloading-unfiltered.yml',
        errors: [{
          line: 19,
          // Each of the three folder filters is listed with its count and appears in the Sigma filter block.
          message: /^(?=[\s\S]*T1574\.001 rules reading Sysmon Event ID 7 \(Image loaded\))(?=[\s\S]*dll\.path starts_with 'c:\\windows\\system32\\': \d+ of \d+ rules)(?=[\s\S]*ImageLoaded\|startswith:)(?=[\s\S]*- 'C:\\Windows\\System32\\')(?=[\s\S]*- 'C:\\Windows\\SysWOW64\\')(?=[\s\S]*- 'C:\\Windows\\WinSxS\\')(?=[\s\S]*condition: selection and not 1 of filter_main_corpus_\*)/,
        }],
      }],
    }));

  it('noisy-indicators-only: Image|endswith powershell.exe alone is noisy; a specific command line is not', () =>
    runCheckCases('noisy-indicators-only', {
      valid: [VALID],
      invalid: [{
        file: 'sigma/noisy-indicators-only/invalid-powershell-image-only.yml',
        errors: [{ line: 15, message: /process\.name eq 'powershell\.exe': in \d{2,} corpus rules[\s\S]*narrow with:/ }],
      }],
    }));
});
