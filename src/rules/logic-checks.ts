import type { Check } from '../engine/check.js';
import logicSelectionNeverMatches from './logic-selection-never-matches.js';
import logicFilterExcludesAll from './logic-filter-excludes-all.js';
import logicValueSubsumed from './logic-value-subsumed.js';
import logicConditionAlwaysTrue from './logic-condition-always-true.js';

/** The logic checks: contradictions, dead filters, redundant values, tautologies. */
export const LOGIC_CHECKS: readonly Check[] = [
  logicSelectionNeverMatches,
  logicFilterExcludesAll,
  logicValueSubsumed,
  logicConditionAlwaysTrue,
] as readonly Check[];
