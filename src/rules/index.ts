import type { Check } from '../engine/check.js';
import fieldUnknown from './field-unknown.js';
import missingCommonExclusions from './missing-common-exclusions.js';
import noisyIndicatorsOnly from './noisy-indicators-only.js';
import parseError from './parse-error.js';
import sigmaConditionSyntax from './sigma-condition-syntax.js';
import sigmaConditionReference from './sigma-condition-reference.js';
import sigmaConditionAggregation from './sigma-condition-aggregation.js';
import sigmaModifierUnknown from './sigma-modifier-unknown.js';
import sigmaRegexInvalid from './sigma-regex-invalid.js';
import sigmaDuplicateKey from './sigma-duplicate-key.js';
import sigmaDetectionInvalid from './sigma-detection-invalid.js';
import tacticMismatch from './tactic-mismatch.js';
import tacticUnknown from './tactic-unknown.js';
import techniqueDeprecated from './technique-deprecated.js';
import techniqueMissing from './technique-missing.js';
import techniqueRevoked from './technique-revoked.js';
import techniqueUnknown from './technique-unknown.js';
import elasticQuerySyntax from './elastic-query-syntax.js';
import elasticSubtechniqueParent from './elastic-subtechnique-parent.js';
import elasticTechniqueName from './elastic-technique-name.js';
import splunkSearchSyntax from './splunk-search-syntax.js';
import splunkMacroUnknown from './splunk-macro-unknown.js';
import splunkTstatsFieldPrefix from './splunk-tstats-field-prefix.js';
import splunkRequiredFields from './splunk-required-fields.js';
import sigmaDanglingDetection from './sigma-dangling-detection.js';
import sigmaThemSingleDetection from './sigma-them-single-detection.js';
import sigmaAllOfThem from './sigma-all-of-them.js';
import sigmaSpecificLogsource from './sigma-specific-logsource.js';
import sigmaLogsourceCustomAttribute from './sigma-logsource-custom-attribute.js';
import sigmaIdMissing from './sigma-id-missing.js';
import sigmaIdDuplicate from './sigma-id-duplicate.js';
import sigmaDuplicateTitle from './sigma-duplicate-title.js';
import sigmaDuplicateReference from './sigma-duplicate-reference.js';
import sigmaDuplicateFilename from './sigma-duplicate-filename.js';
import sigmaFilenameLength from './sigma-filename-length.js';
import sigmaAttributeTypo from './sigma-attribute-typo.js';
import sigmaModifierCombination from './sigma-modifier-combination.js';
import sigmaTagFormat from './sigma-tag-format.js';
import sigmaTagAttack from './sigma-tag-attack.js';
import sigmaTagD3fend from './sigma-tag-d3fend.js';
import sigmaTagTlp from './sigma-tag-tlp.js';
import sigmaTagTlpv1 from './sigma-tag-tlpv1.js';
import sigmaTagTlpv2 from './sigma-tag-tlpv2.js';
import sigmaDuplicateTag from './sigma-duplicate-tag.js';
import sigmaTagNamespace from './sigma-tag-namespace.js';
import sigmaTagCar from './sigma-tag-car.js';
import sigmaTagCve from './sigma-tag-cve.js';
import sigmaTagDetection from './sigma-tag-detection.js';
import sigmaTagStp from './sigma-tag-stp.js';
import sigmaDoubleWildcard from './sigma-double-wildcard.js';
import sigmaNumberAsString from './sigma-number-as-string.js';
import sigmaControlCharacter from './sigma-control-character.js';
import sigmaWildcardsInsteadOfModifiers from './sigma-wildcards-instead-of-modifiers.js';
import sigmaEscapedWildcard from './sigma-escaped-wildcard.js';
import sigmaDateInvalid from './sigma-date-invalid.js';
import sigmaLevelInvalid from './sigma-level-invalid.js';
import sigmaStatusInvalid from './sigma-status-invalid.js';
import sigmaIdInvalid from './sigma-id-invalid.js';
import sigmaTitleLength from './sigma-title-length.js';
import sigmaSchema from './sigma-schema.js';
import { SIGMAHQ_CHECKS } from './sigmahq-checks.js';
import { DUPLICATE_CHECKS } from './corpus-duplicate-checks.js';
import { LOGIC_CHECKS } from './logic-checks.js';
// Registers the `sigmahq` preset, which reads the registry's checks when a config names it.
import './sigma/sigmahq-preset.js';
import { SPLUNK_PARITY_CHECKS } from './splunk-parity-checks.js';
// Registers the `splunk` preset (contentctl's validation).
import './splunk/splunk-preset.js';
import { ELASTIC_PARITY_CHECKS } from './elastic-parity-checks.js';
// Registers the `elastic` preset (detection-rules' CI).
import './elastic/elastic-preset.js';

/**
 * Every check lint-rule has, in the order `lint-rule rules` lists them.
 * Typed loosely on purpose: each check narrows its own options.
 */
export const ALL_CHECKS: readonly Check[] = [
  parseError,
  techniqueMissing,
  techniqueUnknown,
  techniqueRevoked,
  techniqueDeprecated,
  tacticUnknown,
  tacticMismatch,
  fieldUnknown,
  missingCommonExclusions,
  noisyIndicatorsOnly,
  sigmaConditionSyntax,
  sigmaConditionReference,
  sigmaConditionAggregation,
  sigmaModifierUnknown,
  sigmaRegexInvalid,
  sigmaDuplicateKey,
  sigmaDetectionInvalid,
  elasticQuerySyntax,
  elasticTechniqueName,
  elasticSubtechniqueParent,
  splunkSearchSyntax,
  splunkMacroUnknown,
  splunkTstatsFieldPrefix,
  splunkRequiredFields,
  sigmaDanglingDetection,
  sigmaThemSingleDetection,
  sigmaAllOfThem,
  sigmaSpecificLogsource,
  sigmaLogsourceCustomAttribute,
  sigmaIdMissing,
  sigmaIdDuplicate,
  sigmaDuplicateTitle,
  sigmaDuplicateReference,
  sigmaDuplicateFilename,
  sigmaFilenameLength,
  sigmaAttributeTypo,
  sigmaModifierCombination,
  sigmaTagFormat,
  sigmaTagAttack,
  sigmaTagD3fend,
  sigmaTagTlp,
  sigmaTagTlpv1,
  sigmaTagTlpv2,
  sigmaDuplicateTag,
  sigmaTagNamespace,
  sigmaTagCar,
  sigmaTagCve,
  sigmaTagDetection,
  sigmaTagStp,
  sigmaDoubleWildcard,
  sigmaNumberAsString,
  sigmaControlCharacter,
  sigmaWildcardsInsteadOfModifiers,
  sigmaEscapedWildcard,
  sigmaDateInvalid,
  sigmaLevelInvalid,
  sigmaStatusInvalid,
  sigmaIdInvalid,
  sigmaTitleLength,
  sigmaSchema,
  ...SIGMAHQ_CHECKS,
  ...DUPLICATE_CHECKS,
  ...LOGIC_CHECKS,
  ...SPLUNK_PARITY_CHECKS,
  ...ELASTIC_PARITY_CHECKS,
] as readonly Check[];

const byId = new Map(ALL_CHECKS.map((c) => [c.meta.id, c]));

export function getCheck(id: string): Check | undefined {
  return byId.get(id);
}
