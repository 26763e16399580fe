import type { Check } from '../engine/check.js';
import fieldUnknown from './field-unknown.js';
import missingCommonExclusions from './missing-common-exclusions.js';
import noisyIndicatorsOnly from './noisy-indicators-only.js';
import parseError from './parse-error.js';
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
] as readonly Check[];

const byId = new Map(ALL_CHECKS.map((c) => [c.meta.id, c]));

export function getCheck(id: string): Check | undefined {
  return byId.get(id);
}
