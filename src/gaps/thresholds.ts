import missingCommonExclusions from '../rules/missing-common-exclusions.js';
import type { ExclusionThresholds } from './types.js';

/**
 * The thresholds of a "common" exclusion: the `missing-common-exclusions`
 * check's options as the config sets them, else the check's defaults, so the
 * gap report and the linter agree on what many rules share.
 */
export function exclusionThresholds(configured?: Readonly<Record<string, unknown>>): ExclusionThresholds {
  const defaults = missingCommonExclusions.meta.defaultOptions ?? {};
  const pick = (name: keyof ExclusionThresholds): number => {
    const v = configured?.[name] ?? defaults[name];
    return typeof v === 'number' && Number.isFinite(v) ? v : name === 'minRules' ? 3 : 0.1;
  };
  return { minRules: pick('minRules'), minShare: pick('minShare') };
}
