import { describe, it } from 'vitest';
import { runCheckCases } from '../helpers/rule-tester.js';

const D = 'sigma/sigmahq';
/** A rule that follows every SigmaHQ convention: the valid case of each check. */
const VALID = `${D}/proc_creation_win_valid_sigmahq_rule.yml`;

describe('SigmaHQ logsource and field checks (logsource.json read at run time)', () => {
  it('sigmahq-logsource-unknown', () =>
    runCheckCases('sigmahq-logsource-unknown', {
      valid: [VALID, `${D}/win_sysmon_without_eventid.yml`, `${D}/win_security_eventid_4688_provider.yml`],
      invalid: [{ file: `${D}/proc_creation_win_logsource_unknown_category.yml`, errors: [{ line: 14, message: /unknown logsource \(product: windows, category: proces_creation, service: -\): not in SigmaHQ's logsource\.json \(version \d+\)/ }] }],
    }));

  it('sigmahq-logsource-incoherent', () =>
    runCheckCases('sigmahq-logsource-incoherent', {
      valid: [VALID, `${D}/win_sysmon_without_eventid.yml`],
      invalid: [{ file: `${D}/proc_creation_win_logsource_category_and_service.yml`, errors: [{ line: 15, message: "logsource has both category 'process_creation' and service 'security': use one of them" }] }],
    }));

  it('sigmahq-field-unknown leaves case-only differences to sigmahq-field-case', () =>
    runCheckCases('sigmahq-field-unknown', {
      valid: [VALID],
      invalid: [{ file: `${D}/proc_creation_win_fields_unknown_case_space.yml`, errors: [{ line: 18, message: /^'Imagee' is not a field of the logsource \(product: windows, category: process_creation/ }, { line: 20, message: /^'Parent Image'/ }] }],
    }));

  it('sigmahq-field-case', () =>
    runCheckCases('sigmahq-field-case', {
      valid: [VALID],
      invalid: [{ file: `${D}/proc_creation_win_fields_unknown_case_space.yml`, errors: [{ line: 19, message: "field 'commandline' differs only by case from 'CommandLine'" }] }],
    }));

  it('sigmahq-field-space', () =>
    runCheckCases('sigmahq-field-space', {
      valid: [VALID],
      invalid: [{ file: `${D}/proc_creation_win_fields_unknown_case_space.yml`, errors: [{ line: 20, message: "field name 'Parent Image' has a space: use 'Parent_Image'" }] }],
    }));

  it('sigmahq-field-redundant and sigmahq-provider-name-category', async () => {
    await runCheckCases('sigmahq-field-redundant', {
      valid: [VALID, `${D}/win_security_eventid_4688_provider.yml`],
      invalid: [{ file: `${D}/proc_creation_win_eventid_and_provider_in_category.yml`, errors: [{ line: 18, message: "EventID is redundant with the logsource category 'process_creation'" }] }],
    });
    await runCheckCases('sigmahq-provider-name-category', {
      valid: [VALID, `${D}/win_security_eventid_4688_provider.yml`],
      invalid: [{ file: `${D}/proc_creation_win_eventid_and_provider_in_category.yml`, errors: [{ line: 19, message: /^Provider_Name in a rule with the logsource category 'process_creation'/ }] }],
    });
  });

  it('sigmahq-hash-format', () =>
    runCheckCases('sigmahq-hash-format', {
      valid: [VALID],
      invalid: [{
        file: `${D}/proc_creation_win_hashes_malformed.yml`,
        errors: [
          { line: 20, message: "'Hashes' value 'SHA256=0123456789abcdef': SHA256 needs 64 hex digits, found '0123456789abcdef'" },
          { line: 21, message: /unknown hash algorithm 'md5'/ },
          { line: 22, message: /expected ALGO=hex/ },
        ],
      }],
    }));
});

describe('SigmaHQ detection checks', () => {
  it('sigmahq-duplicate-value: case-insensitive, except under re; keyword lists too', () =>
    runCheckCases('sigmahq-duplicate-value', {
      valid: [VALID],
      invalid: [{ file: `${D}/proc_creation_win_duplicate_values.yml`, errors: [{ line: 20, message: /duplicate value '\\CertUtil\.exe' in 'selection' \/ 'Image\|endswith' \(first at line 19\)/ }, { line: 26, message: /keywords of 'keywords'/ }] }],
    }));

  it('sigmahq-all-single-value', () =>
    runCheckCases('sigmahq-all-single-value', {
      valid: [VALID],
      invalid: [{ file: `${D}/proc_creation_win_all_modifier_single_value.yml`, errors: [{ line: 18, message: /'\|all' on 'CommandLine' with a single value/ }] }],
    }));

  it('sigmahq-single-value-list', () =>
    runCheckCases('sigmahq-single-value-list', {
      valid: [VALID],
      invalid: [{ file: `${D}/proc_creation_win_single_value_lists.yml`, errors: [{ line: 17, message: /selection 'selection' is a list of one map/ }, { line: 18, message: /'Image\|endswith' in 'selection' is a list of one value/ }] }],
    }));

  it('sigmahq-regex-unsupported: lookarounds, atomic groups, possessive quantifiers (escaped and lazy forms pass)', () =>
    runCheckCases('sigmahq-regex-unsupported', {
      valid: [VALID, `${D}/proc_creation_win_regex_bad_escape.yml`],
      invalid: [{ file: `${D}/proc_creation_win_regex_lookahead.yml`, errors: [{ line: 19, message: /a lookahead \(\?=/ }, { line: 20, message: /a negative lookbehind \(\?<!/ }, { line: 21, message: /a possessive quantifier/ }] }],
    }));

  it('sigmahq-regex-escape', () =>
    runCheckCases('sigmahq-regex-escape', {
      valid: [VALID, `${D}/proc_creation_win_regex_lookahead.yml`],
      invalid: [{ file: `${D}/proc_creation_win_regex_bad_escape.yml`, errors: [{ line: 19, message: 'escape \\/ not allowed in a SigmaHQ regular expression' }] }],
    }));

  it('sigmahq-sysmon-missing-eventid', () =>
    runCheckCases('sigmahq-sysmon-missing-eventid', {
      valid: [VALID],
      invalid: [{ file: `${D}/win_sysmon_without_eventid.yml`, errors: [{ line: 15, message: /without EventID/ }] }],
    }));

  it('sigmahq-eventid-process-creation', () =>
    runCheckCases('sigmahq-eventid-process-creation', {
      valid: [VALID],
      invalid: [{ file: `${D}/win_security_eventid_4688_provider.yml`, errors: [{ line: 18, message: /use the process_creation category/ }] }],
    }));

  it('sigmahq-source-eventlog and sigmahq-user-localized (the recommended contains form passes)', async () => {
    await runCheckCases('sigmahq-source-eventlog', {
      valid: [VALID],
      invalid: [{ file: `${D}/proc_creation_win_source_eventlog_and_user.yml`, errors: [{ line: 18, message: "'Source: Eventlog' adds nothing to the detection" }] }],
    });
    await runCheckCases('sigmahq-user-localized', {
      valid: [VALID],
      invalid: [{ file: `${D}/proc_creation_win_source_eventlog_and_user.yml`, errors: [{ line: 19, message: /localised name 'NT AUTHORITY\\SYSTEM'/ }] }],
    });
  });

  it('sigmahq-selection-name', () =>
    runCheckCases('sigmahq-selection-name', {
      valid: [VALID],
      invalid: [{ file: `${D}/proc_creation_win_selection_names.yml`, errors: [{ line: 19, message: "search identifier 'notcmd' starts with 'not'" }, { line: 21, message: "search identifier 'order_by' starts with 'or'" }] }],
    }));

  it('sigmahq-of-missing-asterisk and sigmahq-of-selection-single (filter_*/selection_* exempt)', async () => {
    await runCheckCases('sigmahq-of-missing-asterisk', {
      valid: [VALID],
      invalid: [{ file: `${D}/proc_creation_win_of_single_name.yml`, errors: [{ line: 21, message: /'1 of selection' names one search identifier/ }] }],
    });
    await runCheckCases('sigmahq-of-selection-single', {
      valid: [VALID],
      invalid: [{ file: `${D}/proc_creation_win_of_single_name.yml`, errors: [{ line: 21, message: "'1 of susp_cli_*' matches 1 search identifier: name it directly" }] }],
    });
  });
});

describe('SigmaHQ metadata checks', () => {
  it('sigmahq-metadata-missing', () =>
    runCheckCases('sigmahq-metadata-missing', {
      valid: [VALID, { file: `${D}/proc_creation_win_metadata_missing.yml`, options: { required: ['date', 'description'] } }],
      invalid: [{ file: `${D}/proc_creation_win_metadata_missing.yml`, errors: [{ line: 1, message: "the rule has no 'status'" }, { line: 1, message: "the rule has no 'level'" }, { line: 1, message: "the rule has no 'author'" }] }],
    }));

  it('sigmahq-date-order', () =>
    runCheckCases('sigmahq-date-order', {
      valid: [VALID],
      invalid: [
        { file: `${D}/proc_creation_win_modified_before_date.yml`, errors: [{ line: 9, message: "'modified' (2023-12-31) is before 'date' (2024-03-01)" }] },
        { file: `${D}/proc_creation_win_modified_without_date.yml`, errors: [{ line: 8, message: /'modified' without 'date'/ }] },
      ],
    }));

  it('sigmahq-description-short and sigmahq-description-link', async () => {
    await runCheckCases('sigmahq-description-short', {
      valid: [VALID, { file: `${D}/proc_creation_win_description_short_link.yml`, options: { minLength: 10 } }],
      invalid: [{ file: `${D}/proc_creation_win_description_short_link.yml`, errors: [{ line: 4, message: /description is 15 characters long/ }] }],
    });
    await runCheckCases('sigmahq-description-link', {
      valid: [VALID],
      invalid: [{ file: `${D}/proc_creation_win_description_short_link.yml`, errors: [{ line: 4, message: /contains 'https:\/\/' but the rule has no references/ }] }],
    });
  });

  it('sigmahq-mitre-link and sigmahq-github-link (a commit permalink passes)', async () => {
    await runCheckCases('sigmahq-mitre-link', {
      valid: [VALID],
      invalid: [{ file: `${D}/proc_creation_win_mitre_and_github_links.yml`, errors: [{ line: 7, message: 'reference to attack.mitre.org: use the tag attack.t1105 instead' }] }],
    });
    await runCheckCases('sigmahq-github-link', {
      valid: [VALID],
      invalid: [{ file: `${D}/proc_creation_win_mitre_and_github_links.yml`, errors: [{ line: 8, message: /permalink/ }] }],
    });
  });

  it('sigmahq-trademark', () =>
    runCheckCases('sigmahq-trademark', {
      valid: [VALID],
      invalid: [{ file: `${D}/proc_creation_win_trademark_in_title.yml`, errors: [{ line: 1, message: /trademark 'MITRE ATT&CK'/ }] }],
    }));

  it('sigmahq-title-format and sigmahq-title-first', async () => {
    await runCheckCases('sigmahq-title-format', {
      valid: [VALID],
      invalid: [{ file: `${D}/proc_creation_win_title_format.yml`, errors: [{ line: 1, message: /starts with 'Detects'/ }, { line: 1, message: 'title ends with a dot' }, { line: 1, message: "title is not in title case: 'certutil', 'download', 'url'" }] }],
    });
    await runCheckCases('sigmahq-title-first', {
      valid: [VALID],
      invalid: [{ file: `${D}/proc_creation_win_title_not_first.yml`, errors: [{ line: 1, message: "the first key is 'id': put 'title' first" }] }],
    });
  });

  it('sigmahq-falsepositive-wording', () =>
    runCheckCases('sigmahq-falsepositive-wording', {
      valid: [VALID],
      invalid: [{
        file: `${D}/proc_creation_win_falsepositive_wording.yml`,
        errors: [{ line: 28, message: /should start with a capital letter/ }, { line: 29, message: /'None' is not a false-positive reason/ }, { line: 30, message: /typo 'Unkown'/ }, { line: 30, message: /'pentest'/ }],
      }],
    }));

  it('sigmahq-tactic-missing', () =>
    runCheckCases('sigmahq-tactic-missing', {
      valid: [VALID],
      invalid: [{ file: `${D}/proc_creation_win_technique_without_tactic.yml`, errors: [{ line: 11, message: 'T1059.001 (PowerShell) is tagged without its tactic attack.execution' }] }],
    }));

  it('sigmahq-detection-tag: by folder', () =>
    runCheckCases('sigmahq-detection-tag', {
      valid: [VALID, `${D}/rules-emerging-threats/2024/proc_creation_win_with_detection_tag.yml`],
      invalid: [{ file: `${D}/rules-emerging-threats/2024/proc_creation_win_missing_detection_tag.yml`, errors: [{ line: 11, message: 'a rule in rules-emerging-threats/ needs the tag detection.emerging-threats' }] }],
    }));

  it('sigmahq-tlp', () =>
    runCheckCases('sigmahq-tlp', {
      valid: [VALID],
      invalid: [{ file: `${D}/proc_creation_win_tlp_tags.yml`, errors: [{ line: 14, message: "'tlp.amber': a public rule is tlp.clear" }, { line: 14, message: "a second TLP tag 'tlp.amber'" }] }],
    }));

  it('sigmahq-status-retired, sigmahq-license-type, sigmahq-fields-deprecated', async () => {
    await runCheckCases('sigmahq-status-retired', { valid: [VALID], invalid: [{ file: `${D}/proc_creation_win_status_deprecated.yml`, errors: [{ line: 3, message: /move the rule to deprecated\// }] }] });
    await runCheckCases('sigmahq-license-type', { valid: [VALID], invalid: [{ file: `${D}/proc_creation_win_license_list.yml`, errors: [{ line: 9, message: 'license must be a string, not a list' }] }] });
    await runCheckCases('sigmahq-fields-deprecated', { valid: [VALID], invalid: [{ file: `${D}/proc_creation_win_fields_attribute.yml`, errors: [{ line: 30, message: /'fields' is deprecated/ }] }] });
  });

  it('sigmahq-unknown-attribute: regression_tests_path is SigmaHQ\'s own', () =>
    runCheckCases('sigmahq-unknown-attribute', {
      valid: [VALID],
      invalid: [{ file: `${D}/proc_creation_win_unknown_attribute.yml`, errors: [{ line: 31, message: "unknown attribute 'internal_ticket'" }] }],
    }));

  it('sigmahq-id-uuid4', () =>
    runCheckCases('sigmahq-id-uuid4', {
      valid: [VALID],
      invalid: [{ file: `${D}/proc_creation_win_uuid_version1.yml`, errors: [{ line: 2, message: /id dd7876d8-.* is a version 1 UUID/ }, { line: 4, message: /related id 6897cd82-.* is a version 1 UUID/ }] }],
    }));
});

describe('SigmaHQ file-name checks', () => {
  it('sigmahq-filename-convention', () =>
    runCheckCases('sigmahq-filename-convention', {
      valid: [VALID],
      invalid: [
        { file: `${D}/Proc-Creation-Win-Bad-Name.yml`, errors: [{ line: 1, message: /must be lower-case letters, digits and underscores/ }] },
        { file: `${D}/sh_name.yml`, errors: [{ line: 1, message: "file name 'sh_name.yml' is 11 characters long (at least 14)" }] },
      ],
    }));

  it('sigmahq-filename-prefix: by logsource (a service logsource takes its own prefix)', () =>
    runCheckCases('sigmahq-filename-prefix', {
      valid: [VALID, `${D}/win_security_eventid_4688_provider.yml`],
      invalid: [{ file: `${D}/registry_set_wrong_prefix_for_process_creation.yml`, errors: [{ line: 14, message: "file name 'registry_set_wrong_prefix_for_process_creation.yml' should start with 'proc_creation_win_' for this logsource" }] }],
    }));
});
