import { compareIds, isActive, type AttackTable } from './table.js';
import { isTechniqueId, normalizeId } from './technique-id.js';
import type { AttackData, DataComponent, DetectionStrategy, Tactic, Technique, TechniqueResolution } from './types.js';

/** Tactic lookup key: case-insensitive, and `defense_evasion` (old Sigma spelling) = `defense-evasion`. */
function tacticKey(s: string): string {
  return s.trim().toLowerCase().replaceAll('_', '-');
}

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * Indexes a compiled table for lookups. Every result shares the table's
 * objects: callers must not change them (not frozen: freezing a thousand
 * objects costs more than the whole warm load should).
 */
export function createAttackData(table: AttackTable): AttackData {
  const byId = new Map<string, Technique>(table.techniques.map((t) => [t.id, t]));
  const crosswalk = new Map(Object.entries(table.crosswalk));

  const tacticsByKey = new Map<string, Tactic>();
  for (const t of table.retiredTactics) {
    tacticsByKey.set(tacticKey(t.shortname), t);
    tacticsByKey.set(tacticKey(t.name), t);
  }
  // Active tactics last, so they win over a retired one that shares an id or name.
  for (const t of table.tactics) {
    tacticsByKey.set(tacticKey(t.id), t);
    tacticsByKey.set(tacticKey(t.shortname), t);
    tacticsByKey.set(tacticKey(t.name), t);
  }
  for (const t of table.retiredTactics) {
    if (!tacticsByKey.has(tacticKey(t.id))) tacticsByKey.set(tacticKey(t.id), t);
  }
  const retiredByShortname = new Map(table.retiredTactics.map((t) => [tacticKey(t.shortname), t]));

  const children = new Map<string, Technique[]>();
  for (const t of table.techniques) {
    if (!t.parentId || !isActive(t)) continue;
    let list = children.get(t.parentId);
    if (!list) children.set(t.parentId, (list = []));
    list.push(t);
  }
  for (const list of children.values()) list.sort((a, b) => compareIds(a.id, b.id));

  const strategiesByTechnique = new Map<string, DetectionStrategy[]>();
  for (const s of table.detectionStrategies) {
    let list = strategiesByTechnique.get(s.techniqueId);
    if (!list) strategiesByTechnique.set(s.techniqueId, (list = []));
    list.push(s);
  }
  const componentsById = new Map<string, DataComponent>(table.dataComponents.map((c) => [c.id.toUpperCase(), c]));

  /** One step along a revoked-by link, or a crosswalk entry for an id the table does not hold (or holds revoked without a target). */
  function nextId(id: string): string | undefined {
    const t = byId.get(id);
    if (t && !t.revoked) return undefined;
    if (t?.revokedBy) return t.revokedBy;
    return crosswalk.get(id) ?? undefined;
  }

  function canonical(normalized: string): string {
    const seen = new Set<string>();
    let cur = normalized;
    for (let next = nextId(cur); next !== undefined && !seen.has(next); next = nextId(cur)) {
      seen.add(cur);
      cur = next;
    }
    return cur;
  }

  return {
    version: table.version,
    domain: table.domain,
    technique: (id) => byId.get(normalizeId(id)),
    resolve(id): TechniqueResolution {
      const n = normalizeId(id);
      if (!isTechniqueId(n)) return { status: 'malformed' };
      const technique = byId.get(n);
      if (technique && !technique.revoked) return { status: technique.deprecated ? 'deprecated' : 'active', technique };
      if (!technique && !crosswalk.has(n)) return { status: 'unknown' };
      const end = canonical(n);
      const replacement = end !== n ? byId.get(end) : undefined;
      const result: TechniqueResolution = { status: 'revoked' };
      if (technique) result.technique = technique;
      if (replacement) result.replacement = replacement;
      return result;
    },
    canonicalTechniqueId: (id) => canonical(normalizeId(id)),
    tactic: (key) => tacticsByKey.get(tacticKey(key)),
    retiredTactic(shortname) {
      const t = retiredByShortname.get(tacticKey(shortname));
      return t ? { replacedBy: t.replacedBy ?? EMPTY } : undefined;
    },
    tactics: () => table.tactics,
    techniques: () => table.techniques,
    subtechniques: (parentId) => children.get(normalizeId(parentId)) ?? EMPTY,
    detectionStrategies: (techniqueId) => strategiesByTechnique.get(normalizeId(techniqueId)) ?? EMPTY,
    dataComponent: (id) => componentsById.get(id.trim().toUpperCase()),
  };
}
