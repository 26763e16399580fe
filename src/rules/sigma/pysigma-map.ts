/**
 * pySigma's core validators (sigma/validators/core/*.py), by the identifier
 * `sigma check` and a sigma-cli config (`validators:`, `exclusions:`) use,
 * mapped to the lint-rule check that reports the same problem.
 *
 * The identifier is pySigma's class name without `Validator`, split at capital
 * runs and lower-cased (ATTACKTagValidator -> `attacktag`, D3FENDTagValidator ->
 * `d3_fendtag`). `null` marks a validator with no lint-rule counterpart (the
 * reason is in docs/parity.md). Several identifiers may map to one
 * check. These ids are read by the `sigmahq` preset: keep them stable.
 */
export const PYSIGMA_VALIDATORS = {
  // condition.py
  dangling_detection: 'sigma-dangling-detection',
  dangling_condition: 'sigma-condition-reference',
  them_condition_with_single_detection: 'sigma-them-single-detection',
  all_of_them_condition: 'sigma-all-of-them',
  // logsources.py
  specific_instead_of_generic_logsource: 'sigma-specific-logsource',
  fieldname_logsource: 'sigma-logsource-custom-attribute',
  // metadata.py
  identifier_existence: 'sigma-id-missing',
  identifier_uniqueness: 'sigma-id-duplicate',
  duplicate_title: 'sigma-duplicate-title',
  duplicate_references: 'sigma-duplicate-reference',
  duplicate_filename: 'sigma-duplicate-filename',
  filename_length: 'sigma-filename-length',
  custom_attributes: 'sigma-attribute-typo',
  // modifiers.py
  invalid_modifier_combinations: 'sigma-modifier-combination',
  // tags.py
  tag_format: 'sigma-tag-format',
  attacktag: 'sigma-tag-attack',
  d3_fendtag: 'sigma-tag-d3fend',
  tlptag: 'sigma-tag-tlp',
  tlpv1_tag: 'sigma-tag-tlpv1',
  tlpv2_tag: 'sigma-tag-tlpv2',
  duplicate_tag: 'sigma-duplicate-tag',
  namespace_tag: 'sigma-tag-namespace',
  cartag: 'sigma-tag-car',
  cvetag: 'sigma-tag-cve',
  detection_tag: 'sigma-tag-detection',
  stptag: 'sigma-tag-stp',
  // values.py
  double_wildcard: 'sigma-double-wildcard',
  number_as_string: 'sigma-number-as-string',
  control_character: 'sigma-control-character',
  wildcards_instead_of_modifiers: 'sigma-wildcards-instead-of-modifiers',
  escaped_wildcard: 'sigma-escaped-wildcard',
} as const satisfies Record<string, string | null>;

export type PySigmaValidatorId = keyof typeof PYSIGMA_VALIDATORS;

/**
 * Older spellings of the same validators, for configs written against an older
 * pySigma (FilenameLenghValidator was renamed FilenameLengthValidator).
 */
export const PYSIGMA_VALIDATOR_ALIASES: Readonly<Record<string, PySigmaValidatorId>> = {
  filename_lengh: 'filename_length',
};

/**
 * Problems pySigma raises while loading a rule (SigmaError subclasses, not
 * validators): `sigma check` reports them as errors before any validator runs.
 */
export const PYSIGMA_LOAD_ERRORS = {
  invalid_date: 'sigma-date-invalid',
  invalid_level: 'sigma-level-invalid',
  invalid_status: 'sigma-status-invalid',
  invalid_identifier: 'sigma-id-invalid',
  title_too_long: 'sigma-title-length',
  unknown_modifier: 'sigma-modifier-unknown',
  invalid_regex: 'sigma-regex-invalid',
  duplicate_key: 'sigma-duplicate-key',
  condition_error: 'sigma-condition-syntax',
  detection_error: 'sigma-detection-invalid',
} as const satisfies Record<string, string>;
