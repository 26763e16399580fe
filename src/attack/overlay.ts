import { readFileSync } from 'node:fs';
import { describeError, isRecord, records, str, strings, type JsonRecord } from './json-guards.js';
import type { TableResult } from './stix-bundle.js';
import { cloneTable, compareIds, isActive, sortByMatrixOrder, tacticOrder, type AttackTable } from './table.js';
import { canonicalUrl, isTechniqueId, normalizeId, parentOf } from './technique-id.js';
import type { Tactic, Technique } from './types.js';
import { compareVersions } from './version.js';

/** Reads a change file (attack-v19-changes.json form); undefined with a warning when unreadable. */
export function loadOverlay(file: string): { changes: unknown; warnings: string[] } {
  try {
    return { changes: JSON.parse(readFileSync(file, 'utf8')) as unknown, warnings: [] };
  } catch (err) {
    return { changes: undefined, warnings: [`attack: cannot read overlay ${file}: ${describeError(err)}`] };
  }
}

/** At most this many ids are named in one warning; the rest are counted. */
const MAX_LISTED = 8;

function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, MAX_LISTED).join(', ');
  return ids.length > MAX_LISTED ? `${shown} and ${ids.length - MAX_LISTED} more` : shown;
}

/**
 * Applies a change file's facts to a table and returns a new table (the
 * input is not changed). The overlay applies only to the version it states
 * as `baseline.version`; for a table already at or past its
 * `target.version` only its retired tactic shortnames are kept (they stay
 * true in later versions); any other mismatch skips it. Both cases come
 * back as warnings.
 */
export function applyOverlay(table: AttackTable, changes: unknown, label = 'overlay'): TableResult {
  if (!isRecord(changes)) return { table, warnings: [`attack: ${label} is not a JSON object; skipped`] };
  const baseline = isRecord(changes['baseline']) ? str(changes['baseline']['version']) : undefined;
  const target = isRecord(changes['target']) ? str(changes['target']['version']) : undefined;
  if (!baseline || !target) {
    return { table, warnings: [`attack: ${label} has no baseline.version / target.version; skipped`] };
  }
  if (table.version === 'unknown' || compareVersions(table.version, baseline) !== 0) {
    if (table.version !== 'unknown' && compareVersions(table.version, target) >= 0) {
      const out = cloneTable(table);
      addRetiredTactics(out, changes, []);
      return {
        table: out,
        warnings: [
          `attack: ${label} (ATT&CK ${baseline} → ${target}) skipped: the bundle is already ATT&CK ${table.version}; only its retired tactic names were kept`,
        ],
      };
    }
    return {
      table,
      warnings: [`attack: ${label} (ATT&CK ${baseline} → ${target}) skipped: it does not apply to ATT&CK ${table.version}`],
    };
  }

  const out = cloneTable(table);
  const warnings: string[] = [];
  checkBaselineCounts(out, changes, label, warnings);
  const renamedAway = applyTactics(out, changes, label, warnings);
  addRetiredTactics(out, changes, renamedAway);
  applyTechniques(out, changes, label, warnings);
  applyMigrations(out, changes, label, warnings);
  out.version = target;
  out.versionSource = 'overlay';
  const order = tacticOrder(out.tactics);
  for (const t of out.techniques) t.tactics = sortByMatrixOrder(t.tactics, order);
  out.techniques.sort((a, b) => compareIds(a.id, b.id));
  checkResult(out, changes, label, warnings);
  return { table: out, warnings };
}

function countActive(table: AttackTable): { tactics: number; techniques: number; subTechniques: number } {
  let techniques = 0;
  let subTechniques = 0;
  for (const t of table.techniques) {
    if (!isActive(t)) continue;
    if (t.isSubtechnique) subTechniques++;
    else techniques++;
  }
  return { tactics: table.tactics.length, techniques, subTechniques };
}

function compareCounts(table: AttackTable, counts: unknown, what: string, label: string, warnings: string[]): void {
  if (!isRecord(counts)) return;
  const have = countActive(table);
  const want = { tactics: counts['tactics'], techniques: counts['techniques'], subTechniques: counts['sub_techniques'] };
  for (const key of ['tactics', 'techniques', 'subTechniques'] as const) {
    const expected = want[key];
    if (typeof expected === 'number' && expected !== have[key]) {
      warnings.push(`attack: ${label}: ${what} ${expected} ${key}, the table has ${have[key]}`);
    }
  }
}

function checkBaselineCounts(table: AttackTable, changes: JsonRecord, label: string, warnings: string[]): void {
  const baseline = changes['baseline'];
  if (isRecord(baseline)) compareCounts(table, baseline['counts'], 'baseline states', label, warnings);
}

/** Renames and adds tactics, reorders them as the overlay lists them; returns the shortnames renamed away. */
function applyTactics(table: AttackTable, changes: JsonRecord, label: string, warnings: string[]): Tactic[] {
  const entries = records(changes['tactics']);
  if (entries.length === 0) return [];
  const byId = new Map(table.tactics.map((t) => [t.id, t]));
  const renamedAway: Tactic[] = [];
  const ordered: Tactic[] = [];
  for (const e of entries) {
    const id = str(e['id']);
    const shortname = str(e['shortname']);
    if (!id || !shortname) continue;
    const name = str(e['name']) ?? shortname;
    const existing = byId.get(id);
    if (existing) {
      if (existing.shortname !== shortname) renamedAway.push({ ...existing });
      ordered.push({ ...existing, shortname, name });
      byId.delete(id);
    } else {
      if (e['status'] !== 'new') warnings.push(`attack: ${label}: tactic ${id} (${shortname}) is not in the bundle; added`);
      ordered.push({ id, shortname, name, order: 0 });
    }
  }
  // The overlay lists every tactic of its target version; a bundle tactic it
  // leaves out is kept (after the listed ones) rather than silently lost.
  for (const t of byId.values()) {
    warnings.push(`attack: ${label}: tactic ${t.id} (${t.shortname}) is not listed; kept last`);
    ordered.push(t);
  }
  table.tactics = ordered.map((t, order) => ({ ...t, order }));
  return renamedAway;
}

/** Records retired shortnames (`defense-evasion`) with their replacements. */
function addRetiredTactics(table: AttackTable, changes: JsonRecord, renamedAway: readonly Tactic[]): void {
  const active = new Map(table.tactics.map((t) => [t.shortname, t]));
  for (const e of records(changes['retired_tactic_shortnames'])) {
    const shortname = str(e['shortname']);
    if (!shortname || active.has(shortname)) continue;
    const replacedBy = strings(e['v19_shortnames_on_same_techniques']).filter((s) => active.has(s));
    const former = renamedAway.find((t) => t.shortname === shortname);
    const id = str(e['id']) ?? former?.id ?? '';
    const first = replacedBy[0];
    const retired: Tactic = {
      id,
      shortname,
      name: former?.name ?? retiredName(changes, id, shortname),
      order: (first !== undefined ? active.get(first)?.order : undefined) ?? -1,
      retired: true,
      replacedBy,
    };
    table.retiredTactics = table.retiredTactics.filter((t) => t.shortname !== shortname).concat(retired);
  }
}

/** The pre-rename name of a tactic, from the overlay's own `v18_1` record of it. */
function retiredName(changes: JsonRecord, id: string, shortname: string): string {
  for (const e of records(changes['tactics'])) {
    const before = e['v18_1'];
    if (str(e['id']) === id && isRecord(before) && str(before['shortname']) === shortname) {
      return str(before['name']) ?? shortname;
    }
  }
  return shortname;
}

function applyTechniques(table: AttackTable, changes: JsonRecord, label: string, warnings: string[]): void {
  const byId = new Map(table.techniques.map((t) => [t.id, t]));
  const missing: string[] = [];
  const added: Technique[] = [];
  for (const e of records(changes['techniques'])) {
    const rawId = str(e['id']);
    const id = rawId ? normalizeId(rawId) : undefined;
    if (!id || !isTechniqueId(id)) continue;
    const statuses = new Set([...strings(e['statuses']), str(e['status']) ?? '']);
    const name = str(e['name']);
    const tactics = strings(e['tactics']);
    let t = byId.get(id);
    if (!t) {
      if (!statuses.has('new')) {
        missing.push(id);
        continue;
      }
      t = newTechnique(id, e, byId);
      byId.set(id, t);
      table.techniques.push(t);
      added.push(t);
    }
    if (name) t.name = name;
    // A revoked entry lists no tactics; the technique keeps its last ones, as
    // revoked STIX objects keep their kill chain phases.
    if (tactics.length > 0 || !statuses.has('revoked')) t.tactics = tactics;
    if (statuses.has('revoked')) {
      t.revoked = true;
      const by = str(e['replaced_by']);
      if (by) t.revokedBy = normalizeId(by);
    }
    if (statuses.has('deprecated')) t.deprecated = true;
  }
  if (missing.length > 0) {
    warnings.push(`attack: ${label}: ${missing.length} changed techniques are not in the bundle: ${listIds(missing)}`);
  }
  // A new parent with no predecessor of its own (T1684) covers what its
  // sub-techniques cover, as ATT&CK parents do.
  for (const parent of added) {
    if (parent.isSubtechnique || parent.platforms.length > 0) continue;
    const union = new Set(table.techniques.filter((t) => t.parentId === parent.id).flatMap((t) => t.platforms));
    parent.platforms = [...union].sort();
  }
}

/**
 * A technique the overlay adds. Change files carry no platforms, so a new
 * technique gets those of the techniques it replaces (the content moved);
 * one without a predecessor gets none (unknown) unless its sub-techniques
 * have some (see applyTechniques).
 */
function newTechnique(id: string, e: JsonRecord, byId: ReadonlyMap<string, Technique>): Technique {
  const platforms = new Set<string>();
  for (const r of records(e['replaces_v18_1'])) {
    const old = byId.get(normalizeId(str(r['id']) ?? ''));
    for (const p of old?.platforms ?? []) platforms.add(p);
  }
  const parentId = str(e['parent']) ?? parentOf(id);
  const t: Technique = {
    id,
    name: id,
    tactics: [],
    isSubtechnique: id.includes('.'),
    revoked: false,
    deprecated: false,
    platforms: [...platforms].sort(),
    url: canonicalUrl(str(e['url']), id),
  };
  if (parentId) t.parentId = normalizeId(parentId);
  return t;
}

/** `id_migration_*`: old id → { to }. Mostly repeats the revoked entries; makes sure none is missed. */
function applyMigrations(table: AttackTable, changes: JsonRecord, label: string, warnings: string[]): void {
  const byId = new Map(table.techniques.map((t) => [t.id, t]));
  for (const [key, value] of Object.entries(changes)) {
    if (!key.startsWith('id_migration_') || !isRecord(value)) continue;
    for (const [from, entry] of Object.entries(value)) {
      const to = isRecord(entry) ? str(entry['to']) : str(entry);
      const t = byId.get(normalizeId(from));
      if (!t || !to) {
        if (!t) warnings.push(`attack: ${label}: ${key} names ${from}, which is not in the table`);
        continue;
      }
      t.revoked = true;
      t.revokedBy = normalizeId(to);
    }
  }
}

/** Checks the result against the overlay's own derived end state and stated counts. */
function checkResult(table: AttackTable, changes: JsonRecord, label: string, warnings: string[]): void {
  const target = changes['target'];
  if (isRecord(target)) compareCounts(table, target['stated_counts'], 'target states', label, warnings);

  const active = new Set(table.tactics.map((t) => t.shortname));
  const byId = new Map(table.techniques.map((t) => [t.id, t]));
  const badTactics = table.techniques.filter((t) => isActive(t) && t.tactics.some((s) => !active.has(s))).map((t) => t.id);
  if (badTactics.length > 0) {
    warnings.push(`attack: ${label}: active techniques name tactics outside the matrix: ${listIds(badTactics)}`);
  }
  const badRevocations = table.techniques.filter((t) => t.revoked && t.revokedBy && !byId.has(t.revokedBy)).map((t) => t.id);
  if (badRevocations.length > 0) {
    warnings.push(`attack: ${label}: revoked techniques point at ids not in the table: ${listIds(badRevocations)}`);
  }

  const derivedRoot = changes['v19_technique_tactics_derived'];
  const derived = isRecord(derivedRoot) && isRecord(derivedRoot['techniques']) ? derivedRoot['techniques'] : undefined;
  if (!derived) return;
  const differ: string[] = [];
  for (const [id, entry] of Object.entries(derived)) {
    const t = byId.get(id);
    const want = isRecord(entry) ? [...strings(entry['tactics'])].sort() : [];
    if (!t || !isActive(t) || [...t.tactics].sort().join() !== want.join()) differ.push(id);
  }
  for (const t of table.techniques) if (isActive(t) && !(t.id in derived)) differ.push(t.id);
  if (differ.length > 0) {
    warnings.push(`attack: ${label}: the result differs from its derived technique map for ${listIds(differ)}`);
  }
}
