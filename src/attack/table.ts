import type { DataComponent, DetectionStrategy, Tactic, Technique } from './types.js';

/** Where a table's `version` came from; see docs/attack.md. */
export type VersionSource = 'collection' | 'file-name' | 'modified-date' | 'overlay' | 'unknown';

/**
 * The compiled ATT&CK table: plain JSON, so it can be cached on disk as is.
 * Loaders and the overlay build it; `createAttackData` indexes it.
 */
export interface AttackTable {
  version: string;
  versionSource: VersionSource;
  domain: 'enterprise-attack';
  /** Active tactics in matrix order (`order` = index). */
  tactics: Tactic[];
  /** Retired shortnames, each with `retired: true` and `replacedBy`. */
  retiredTactics: Tactic[];
  /** All techniques, sorted by id. */
  techniques: Technique[];
  /** Old id → current id from crosswalk files; null = dropped without replacement. */
  crosswalk: Record<string, string | null>;
  detectionStrategies: DetectionStrategy[];
  dataComponents: DataComponent[];
}

export function emptyTable(): AttackTable {
  return {
    version: 'unknown',
    versionSource: 'unknown',
    domain: 'enterprise-attack',
    tactics: [],
    retiredTactics: [],
    techniques: [],
    crosswalk: {},
    detectionStrategies: [],
    dataComponents: [],
  };
}

/** A deep copy, so overlays and crosswalks never change the table they are given. */
export function cloneTable(table: AttackTable): AttackTable {
  return structuredClone(table);
}

export function isActive(t: Technique): boolean {
  return !t.revoked && !t.deprecated;
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Puts shortnames in matrix order; unknown shortnames keep their relative order at the end. */
export function sortByMatrixOrder(shortnames: readonly string[], order: ReadonlyMap<string, number>): string[] {
  const unique = [...new Set(shortnames)];
  return unique
    .map((s, i) => ({ s, key: order.get(s) ?? order.size + i }))
    .sort((a, b) => a.key - b.key)
    .map((e) => e.s);
}

export function tacticOrder(tactics: readonly Tactic[]): Map<string, number> {
  return new Map(tactics.map((t) => [t.shortname, t.order]));
}
