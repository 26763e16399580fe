/**
 * SigmaHQ's own CI, check by check: the validators of the
 * pySigma-validators-sigmahq plugin (by the identifier a sigma-cli config
 * uses) and the tests of SigmaHQ's tests/test_rules.py and
 * tests/test_logsource.py, each mapped to the lint-rule check that reports
 * the same problem, or null with the reason in docs/parity.md.
 * The `sigmahq` preset turns these on; keep the identifiers stable.
 */
export const SIGMAHQ_VALIDATORS = {
  sigmahq_author_existence: 'sigmahq-metadata-missing',
  sigmahq_category_eventid: 'sigmahq-field-redundant',
  sigmahq_category_windows_provider_name: 'sigmahq-provider-name-category',
  sigmahq_correlation_filename_prefix: null,
  sigmahq_correlation_groupby_existence: null,
  sigmahq_correlation_rules_minimum: null,
  sigmahq_date_existence: 'sigmahq-metadata-missing',
  sigmahq_description_existence: 'sigmahq-metadata-missing',
  sigmahq_description_length: 'sigmahq-description-short',
  sigmahq_event_id_process_creation: 'sigmahq-eventid-process-creation',
  sigmahq_falsepositives_banned_word: 'sigmahq-falsepositive-wording',
  sigmahq_falsepositives_capital: 'sigmahq-falsepositive-wording',
  sigmahq_falsepositives_typo_word: 'sigmahq-falsepositive-wording',
  sigmahq_field_duplicate_value: 'sigmahq-duplicate-value',
  sigmahq_field_user: 'sigmahq-user-localized',
  sigmahq_fieldname_cast: 'sigmahq-field-case',
  sigmahq_fields_existence: 'sigmahq-fields-deprecated',
  sigmahq_filename_convention: 'sigmahq-filename-convention',
  sigmahq_filename_prefix: 'sigmahq-filename-prefix',
  sigmahq_github_link: 'sigmahq-github-link',
  sigmahq_identifier: 'sigmahq-id-uuid4',
  sigmahq_identifier_existence: 'sigma-id-missing',
  sigmahq_invalid_all_modifier: 'sigmahq-all-single-value',
  sigmahq_invalid_fieldname: 'sigmahq-field-unknown',
  sigmahq_invalid_hash_kv: 'sigmahq-hash-format',
  sigmahq_level_existence: 'sigmahq-metadata-missing',
  sigmahq_link_in_description: 'sigmahq-description-link',
  sigmahq_logsource_coherent: 'sigmahq-logsource-incoherent',
  sigmahq_logsource_unknown: 'sigmahq-logsource-unknown',
  sigmahq_missing_asterisk_condition: 'sigmahq-of-missing-asterisk',
  sigmahq_mitre_link: 'sigmahq-mitre-link',
  sigmahq_modified_date_order: 'sigmahq-date-order',
  sigmahq_modified_without_date: 'sigmahq-date-order',
  sigmahq_ofselection_condition: 'sigmahq-of-selection-single',
  sigmahq_ofthem_condition: 'sigma-them-single-detection',
  sigmahq_redundant_field: 'sigmahq-field-redundant',
  sigmahq_redundant_modified: 'sigmahq-date-order',
  sigmahq_regression_tests_path: null,
  sigmahq_related_identifier: 'sigmahq-id-uuid4',
  sigmahq_selection_alphabetical_order: null,
  sigmahq_selection_single_value: 'sigmahq-single-value-list',
  sigmahq_simulation: null,
  sigmahq_simulation_atomic_test: null,
  sigmahq_source_eventlog: 'sigmahq-source-eventlog',
  sigmahq_space_fieldname: 'sigmahq-field-space',
  sigmahq_status: 'sigmahq-status-retired',
  sigmahq_status_existence: 'sigmahq-metadata-missing',
  sigmahq_status_to_high: null,
  sigmahq_sysmon_missing_eventid: 'sigmahq-sysmon-missing-eventid',
  sigmahq_tags_detection: 'sigmahq-detection-tag',
  sigmahq_tags_techniques_without_tactics: 'sigmahq-tactic-missing',
  sigmahq_tags_tlp: 'sigmahq-tlp',
  sigmahq_tags_unique_detection: 'sigmahq-detection-tag',
  sigmahq_tags_unique_tlp: 'sigmahq-tlp',
  sigmahq_title_case: 'sigmahq-title-format',
  sigmahq_title_end: 'sigmahq-title-format',
  sigmahq_title_length: 'sigmahq-title-format',
  sigmahq_title_start: 'sigmahq-title-format',
  sigmahq_trademark: 'sigmahq-trademark',
  sigmahq_unknown_field: 'sigmahq-unknown-attribute',
  sigmahq_unsupported_regex_group_construct: 'sigmahq-regex-unsupported',
} as const satisfies Record<string, string | null>;

export type SigmahqValidatorId = keyof typeof SIGMAHQ_VALIDATORS;

/**
 * Validators the `all` of a sigma-cli config does not reach in the plugin
 * version SigmaHQ's rules are checked with: older names the plugin dropped,
 * and ones added after it (the corpus does not pass them). They stay mapped
 * for configs that name them, but `all` leaves them out.
 */
export const SIGMAHQ_NOT_IN_ALL: ReadonlySet<SigmahqValidatorId> = new Set<SigmahqValidatorId>([
  'sigmahq_logsource_coherent',
  'sigmahq_identifier',
  'sigmahq_related_identifier',
  'sigmahq_selection_alphabetical_order',
  'sigmahq_selection_single_value',
  'sigmahq_status_to_high',
  'sigmahq_simulation',
  'sigmahq_simulation_atomic_test',
  'sigmahq_regression_tests_path',
]);

/**
 * The tests of SigmaHQ's tests/test_rules.py and tests/test_logsource.py that
 * its CI runs besides `sigma check`, and the checks that do the same.
 */
export const SIGMAHQ_TESTS = {
  test_legal_trademark_violations: 'sigmahq-trademark',
  test_look_for_duplicate_filters: 'sigmahq-duplicate-value',
  test_field_name_with_space: 'sigmahq-field-space',
  test_single_named_condition_with_x_of_them: 'sigma-them-single-detection',
  test_duplicate_detections: 'duplicate-detection',
  test_source_eventlog: 'sigmahq-source-eventlog',
  test_event_id_instead_of_process_creation: 'sigmahq-eventid-process-creation',
  test_sysmon_rule_without_eventid: 'sigmahq-sysmon-missing-eventid',
  test_optional_license: 'sigmahq-license-type',
  test_file_names: 'sigmahq-filename-convention',
  test_file_names_prefix: 'sigmahq-filename-prefix',
  test_file_names_duplicate: 'sigma-duplicate-filename',
  test_title: 'sigmahq-title-format',
  test_title_in_first_line: 'sigmahq-title-first',
  test_selection_list_one_value: 'sigmahq-single-value-list',
  test_selection_start_or_and: 'sigmahq-selection-name',
  test_field_user_localization: 'sigmahq-user-localized',
  test_re_invalid_escapes: 'sigmahq-regex-escape',
  test_broken_thor_logsource_config: null,
  // tests/validate-sigma-schema (SigmaHQ's JSON schema, run as its own CI job)
  validate_sigma_schema: 'sigma-schema',
  // tests/test_logsource.py
  test_invalid_logsource_attributes: 'sigma-logsource-custom-attribute',
  test_logsource_value: 'sigmahq-logsource-unknown',
  test_fieldname_case: 'sigmahq-field-unknown',
  test_fieldname_case_cast: 'sigmahq-field-case',
} as const satisfies Record<string, string | null>;
