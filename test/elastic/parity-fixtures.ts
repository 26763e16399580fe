/** The parity fixtures (fixtures/elastic/parity/), relative to fixtures/ as the rule tester takes them. */
export const P = 'elastic/parity';

/** Rules with no problem for any check of the `elastic` preset, one per rule type and folder kind. */
export const CLEAN = [
  `${P}/execution_clean_query.toml`,
  `${P}/execution_clean_eql_sequence.toml`,
  `${P}/execution_clean_esql.toml`,
  `${P}/execution_clean_threshold.toml`,
  `${P}/execution_clean_threat_match.toml`,
  `${P}/execution_clean_new_terms.toml`,
  `${P}/execution_clean_machine_learning.toml`,
  `${P}/windows/execution_clean_windows.toml`,
  `${P}/rules_building_block/execution_clean_building_block.toml`,
  `${P}/execution_transform_placeholders_match.toml`,
  `${P}/_deprecated/execution_retired_rule.toml`,
];
