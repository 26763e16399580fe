import { isRecord, str } from './json-guards.js';
import type { AttackTable, VersionSource } from './table.js';
import { techniqueUrl } from './technique-id.js';
import type { DataComponent, DetectionStrategy, Tactic, Technique } from './types.js';

/**
 * The on-disk form of a table: techniques and strategies as tuples,
 * tactics and platforms as indexes into shared lists, urls left out when
 * they are the usual attack.mitre.org page. About a tenth of the plain JSON,
 * which is what makes a warm load take a few milliseconds.
 */
export interface EncodedTable {
  version: string;
  versionSource: VersionSource;
  tactics: Tactic[];
  retiredTactics: Tactic[];
  /** Every tactic shortname a technique uses (retired ones included), by index. */
  shortnames: string[];
  platforms: string[];
  /** [id, name, tactic indexes, flags, parentId, revokedBy, platform indexes, url] ('' = none / usual url). */
  techniques: [string, string, number[], number, string, string, number[], string][];
  crosswalk: Record<string, string | null>;
  /** [id, techniqueId, data component ids] */
  detectionStrategies: [string, string, string[]][];
  dataComponents: [string, string][];
}

const SUB = 1;
const REVOKED = 2;
const DEPRECATED = 4;

function indexer(): { index: (s: string) => number; list: string[] } {
  const list: string[] = [];
  const seen = new Map<string, number>();
  return {
    list,
    index(s) {
      let i = seen.get(s);
      if (i === undefined) {
        i = list.length;
        seen.set(s, i);
        list.push(s);
      }
      return i;
    },
  };
}

export function encodeTable(table: AttackTable): EncodedTable {
  const shortnames = indexer();
  const platforms = indexer();
  return {
    version: table.version,
    versionSource: table.versionSource,
    tactics: table.tactics,
    retiredTactics: table.retiredTactics,
    techniques: table.techniques.map((t) => [
      t.id,
      t.name,
      t.tactics.map(shortnames.index),
      (t.isSubtechnique ? SUB : 0) | (t.revoked ? REVOKED : 0) | (t.deprecated ? DEPRECATED : 0),
      t.parentId ?? '',
      t.revokedBy ?? '',
      t.platforms.map(platforms.index),
      t.url === techniqueUrl(t.id) ? '' : t.url,
    ]),
    shortnames: shortnames.list,
    platforms: platforms.list,
    crosswalk: table.crosswalk,
    detectionStrategies: table.detectionStrategies.map((s) => [s.id, s.techniqueId, [...s.dataComponentIds]]),
    dataComponents: table.dataComponents.map((c) => [c.id, c.name]),
  };
}

function pick(list: readonly string[], indexes: readonly number[]): string[] {
  return indexes.map((i) => list[i] ?? '');
}

/** Decodes what encodeTable wrote; undefined when the value does not have that shape. */
export function decodeTable(value: unknown): AttackTable | undefined {
  if (!isRecord(value)) return undefined;
  // Only ever written by encodeTable under the same cache schema version (the
  // cache key checks that), so a shape check of the top level is enough.
  const e = value as unknown as EncodedTable;
  if (!str(e.version) || !Array.isArray(e.techniques) || !Array.isArray(e.shortnames) || !Array.isArray(e.platforms)) {
    return undefined;
  }
  const techniques = e.techniques.map(([id, name, tactics, flags, parentId, revokedBy, platforms, url]) => {
    const t: Technique = {
      id,
      name,
      tactics: pick(e.shortnames, tactics),
      isSubtechnique: (flags & SUB) !== 0,
      revoked: (flags & REVOKED) !== 0,
      deprecated: (flags & DEPRECATED) !== 0,
      platforms: pick(e.platforms, platforms),
      url: url || techniqueUrl(id),
    };
    if (parentId) t.parentId = parentId;
    if (revokedBy) t.revokedBy = revokedBy;
    return t;
  });
  const detectionStrategies = e.detectionStrategies.map(
    ([id, techniqueId, dataComponentIds]): DetectionStrategy => ({ id, techniqueId, dataComponentIds }),
  );
  const dataComponents = e.dataComponents.map(([id, name]): DataComponent => ({ id, name }));
  return {
    version: e.version,
    versionSource: e.versionSource,
    domain: 'enterprise-attack',
    tactics: e.tactics,
    retiredTactics: e.retiredTactics,
    techniques,
    crosswalk: e.crosswalk,
    detectionStrategies,
    dataComponents,
  };
}
