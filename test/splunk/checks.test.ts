import { describe, expect, it } from 'vitest';
import { lintWith, runCheckCases } from '../helpers/rule-tester.js';

const VALID = 'splunk/detections/valid-encoded-powershell.yml';

describe('Splunk parse-time checks', () => {
  it('splunk-search-syntax: an unclosed parenthesis on the third line of a block search', () =>
    runCheckCases('splunk-search-syntax', {
      valid: [VALID],
      invalid: [{ file: 'splunk/detections/splunk-search-syntax/invalid-unclosed-paren.yml', errors: [{ line: 14, message: "search: missing ')' for this '('" }] }],
    }));

  it('splunk-macro-unknown: a macro the macro folder beside detections/ does not define', () =>
    runCheckCases('splunk-macro-unknown', {
      // VALID calls `drop_dm_object_name(Processes)` (a built-in fallback) and a generated `*_filter` macro.
      valid: [VALID],
      invalid: [{
        file: 'splunk/detections/splunk-macro-unknown/invalid-undefined-macro.yml',
        errors: [{ line: 13, message: /^macro `suspicious_paths` is not defined in .*fixtures\/splunk\/macros\/: its part of the search is not checked$/ }],
      }],
    }));
});

describe('Splunk search checks', () => {
  it('splunk-tstats-field-prefix: a bare CIM field in the tstats where clause, with a fix adding the prefix', async () => {
    await runCheckCases('splunk-tstats-field-prefix', {
      valid: [VALID, 'splunk/detections/splunk-required-fields/invalid-unused-and-missing.yml'],
      invalid: [{
        file: 'splunk/detections/splunk-tstats-field-prefix/invalid-bare-field.yml',
        errors: [{ line: 12, message: '"process_name" has no dataset prefix in the tstats where clause over Endpoint.Processes: write "Processes.process_name"' }],
      }],
    });
    const [result] = await lintWith(['splunk/detections/splunk-tstats-field-prefix/invalid-bare-field.yml'], { 'splunk-tstats-field-prefix': 'error' });
    const message = result?.messages.find((m) => m.ruleId === 'splunk-tstats-field-prefix');
    expect(message?.column).toBe(9);
    const fix = message?.fix?.[0];
    const text = result?.source ?? '';
    expect(fix?.text).toBe('Processes.');
    const fixed = text.slice(0, fix?.range[0]) + (fix?.text ?? '') + text.slice(fix?.range[1]);
    expect(fixed).toContain('where Processes.process_name=whoami.exe NOT Processes.user=SYSTEM');
  });

  it('splunk-required-fields: a listed field the search never uses, and a field it reads that the list omits', () =>
    runCheckCases('splunk-required-fields', {
      valid: [VALID],
      invalid: [{
        file: 'splunk/detections/splunk-required-fields/invalid-unused-and-missing.yml',
        errors: [
          { line: 12, message: 'the search reads "Processes.process" from its events, but required_fields does not list it' },
          { line: 22, message: 'required_fields lists "Processes.parent_process_path", which the search never uses' },
        ],
      }, {
        file: 'splunk/detections/splunk-required-fields/invalid-unused-and-missing.yml',
        options: { missing: false },
        errors: [{ line: 22, message: /Processes\.parent_process_path/ }],
      }],
    }));
});

describe('generic checks on Splunk detections', () => {
  it('field-unknown: fields the declared data source does not list, with a did-you-mean', () =>
    runCheckCases('field-unknown', {
      valid: [VALID, 'splunk/detections/model/raw-sysmon-block-literal.yml'],
      invalid: [{
        file: 'splunk/detections/field-unknown/invalid-typo-and-other-event.yml',
        errors: [
          { line: 13, message: '"CommandLne" is not a field of the data source Sysmon EventID 1; did you mean "CommandLine"?' },
          { line: 14, message: '"TargetFilename" is not a field of the data source Sysmon EventID 1' },
        ],
      }],
    }));

  it('technique-missing, -unknown, -revoked and -deprecated read tags.mitre_attack_id', async () => {
    const TAGS = 'splunk/detections/technique/invalid-unknown-revoked-deprecated.yml';
    await runCheckCases('technique-missing', {
      valid: [VALID, TAGS],
      invalid: [{ file: 'splunk/detections/technique/invalid-no-technique.yml', errors: [{ line: 1, message: 'no ATT&CK technique: add the technique id to tags.mitre_attack_id' }] }],
    });
    await runCheckCases('technique-unknown', {
      valid: [VALID],
      invalid: [{ file: TAGS, errors: [{ line: 20, message: /^T1999 is not in ATT&CK v19\.0$/ }] }],
    });
    await runCheckCases('technique-revoked', {
      valid: [VALID],
      invalid: [{ file: TAGS, errors: [{ line: 21, message: 'T1562.001 was revoked in ATT&CK; use T1685 (Disable or Modify Tools) instead' }] }],
    });
    await runCheckCases('technique-deprecated', {
      valid: [VALID],
      invalid: [{ file: TAGS, errors: [{ line: 23, message: /T1053\.004 \(Launchd\) is deprecated/ }] }],
    });
  });
});

describe('corpus-aware checks on Splunk drafts, with SPL snippets', () => {
  it('missing-common-exclusions: a raw Sysmon image-load search gets a `| search NOT (…)` with escaped paths', () =>
    runCheckCases('missing-common-exclusions', {
      valid: [VALID, 'splunk/detections/missing-common-exclusions/valid-dll-sideloading-filtered.yml'],
      invalid: [{
        file: 'splunk/detections/missing-common-exclusions/invalid-dll-sideloading-unfiltered.yml',
        errors: [{
          line: 11,
          message: /T1574\.001 rules reading Sysmon Event ID 7 \(Image loaded\)[\s\S]*c:\\windows\\system32\\'?: \d+ of \d+ rules[\s\S]*A filter to start from:\n``` after the base search, before the first stats: ```\n\| search NOT \(ImageLoaded IN \("C:\\\\Windows\\\\System32\\\\\*", "C:\\\\Windows\\\\SysWow64\\\\\*", "C:\\\\Windows\\\\WinSxS\\\\\*"\) OR Signed="true"\)$/,
        }],
      }],
    }));

  it('missing-common-exclusions: a tstats search gets a NOT (…) for its where clause with dataset-prefixed CIM fields', () =>
    runCheckCases('missing-common-exclusions', {
      valid: ['splunk/detections/missing-common-exclusions/valid-token-tstats-filtered.yml'],
      invalid: [{
        file: 'splunk/detections/missing-common-exclusions/invalid-token-tstats-unfiltered.yml',
        errors: [{
          line: 11,
          message: /T1134 rules reading Sysmon Event ID 1[\s\S]*``` in the tstats where clause, before "by": ```\nNOT \(Processes\.process_path IN \("\*:\\\\Windows\\\\System32\\\\WerFault\.exe", [^\n]*\)\)$/,
        }],
      }],
    }));

  it('noisy-indicators-only: a tstats search on the PowerShell process name alone', () =>
    runCheckCases('noisy-indicators-only', {
      valid: [VALID],
      invalid: [{
        file: 'splunk/detections/noisy-indicators-only/invalid-powershell-process-only.yml',
        errors: [{ line: 11, message: /process\.name eq 'powershell\.exe': in \d{3,} corpus rules/ }],
      }],
    }));
});
