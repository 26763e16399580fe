export type {
  AttackData, AttackOptions, DataComponent, DetectionStrategy, Tactic, Technique,
  TechniqueResolution, TechniqueStatus,
} from './types.js';
export type { AttackTable, VersionSource } from './table.js';
export type { Crosswalk } from './crosswalk.js';
export type { TableResult } from './stix-bundle.js';
export { loadStixBundle, parseStixBundle } from './stix-bundle.js';
export { applyOverlay, loadOverlay } from './overlay.js';
export { applyCrosswalk, loadCrosswalk, parseCrosswalk } from './crosswalk.js';
export { createAttackData } from './attack-data.js';
export { ATTACK_CACHE_SCHEMA } from './cache.js';
export { compileAttackTable, DEFAULT_ATTACK_OPTIONS, loadAttack } from './load-attack.js';
export { isTechniqueId, normalizeId } from './technique-id.js';
