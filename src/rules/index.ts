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
] as readonly Check[];

const byId = new Map(ALL_CHECKS.map((c) => [c.meta.id, c]));

export function getCheck(id: string): Check | undefined {
  return byId.get(id);
}
