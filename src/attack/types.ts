/** One ATT&CK technique or sub-technique of the loaded table. */
export interface Technique {
  /** `T1102` or `T1102.002`, upper case. */
  id: string;
  name: string;
  /** Tactic shortnames, in matrix order. */
  tactics: readonly string[];
  isSubtechnique: boolean;
  parentId?: string;
  revoked: boolean;
  /** The technique that replaced this one (one step; `resolve` follows the whole chain). */
  revokedBy?: string;
  deprecated: boolean;
  /** Empty when unknown (techniques an overlay adds without a predecessor). */
  platforms: readonly string[];
  url: string;
}

/** One tactic (a matrix column), or a retired tactic shortname. */
export interface Tactic {
  id: string;
  shortname: string;
  name: string;
  /** 0-based matrix column; a retired tactic has the column of its first replacement. */
  order: number;
  retired?: boolean;
  /** For a retired shortname: the active shortnames its techniques moved to. */
  replacedBy?: readonly string[];
}

export type TechniqueStatus = 'active' | 'revoked' | 'deprecated' | 'unknown' | 'malformed';

export interface TechniqueResolution {
  status: TechniqueStatus;
  /** The technique the id names, when the table holds it. */
  technique?: Technique;
  /** For a revoked id: the end of its revoked-by / crosswalk chain, when that is in the table. */
  replacement?: Technique;
}

/** An ATT&CK v18+ data component (`DC0032`). */
export interface DataComponent {
  id: string;
  name: string;
}

/**
 * An ATT&CK v18+ detection strategy (`DET0001`): what detects one technique,
 * and from which data. Its name is left out: it would double the cached
 * table, and the id links to its page.
 */
export interface DetectionStrategy {
  id: string;
  techniqueId: string;
  /** Data components its analytics read, by id (`DC0032`). */
  dataComponentIds: readonly string[];
}

export interface AttackData {
  version: string;
  domain: 'enterprise-attack';
  /** Case-insensitive id; returns revoked and deprecated techniques too. */
  technique(id: string): Technique | undefined;
  /** revoked → replacement (following chains); malformed = not of the form T\d{4}(\.\d{3})? */
  resolve(id: string): TechniqueResolution;
  /** The current id for an old one (revoked-by chains, crosswalks); the upper-cased input otherwise. */
  canonicalTechniqueId(id: string): string;
  /** By id (`TA0005`), shortname (`stealth`) or name (`Command and Control`), case-insensitive; retired shortnames come back with `retired` and `replacedBy`. */
  tactic(idOrShortname: string): Tactic | undefined;
  /** For a retired shortname (`defense-evasion`): the shortnames that replaced it. */
  retiredTactic(shortname: string): { replacedBy: readonly string[] } | undefined;
  /** Matrix order, active only. */
  tactics(): readonly Tactic[];
  /** Every technique and sub-technique, revoked and deprecated included, sorted by id. */
  techniques(): readonly Technique[];
  /** Active (not revoked, not deprecated) sub-techniques of a technique, sorted by id. */
  subtechniques(parentId: string): readonly Technique[];
  /** Detection strategies for a technique (from the bundle; an overlay does not change them). */
  detectionStrategies(techniqueId: string): readonly DetectionStrategy[];
  dataComponent(id: string): DataComponent | undefined;
}

export interface AttackOptions {
  /** An official STIX 2.1 enterprise-attack bundle. */
  bundle: string;
  /** Change files in the form of attack-v19-changes.json, applied in order. */
  overlays?: readonly string[];
  /** Id maps in the form of Elastic's attack_v18_to_v19.yaml. */
  crosswalks?: readonly string[];
  /** Where the compiled table is cached; no caching when undefined. */
  cacheDir?: string;
}
