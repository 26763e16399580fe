import { readFileSync } from 'node:fs';
import { lazyRequire } from '../engine/lazy.js';

// Only needed when the ATT&CK cache is cold: not loaded on a warm start.
const loadYaml = lazyRequire<typeof import('yaml')>('yaml');
import { describeError, isRecord, str } from './json-guards.js';
import type { TableResult } from './stix-bundle.js';
import { cloneTable, isActive, type AttackTable } from './table.js';
import { isTechniqueId, normalizeId } from './technique-id.js';
import { compareVersions } from './version.js';

/** An id map between two ATT&CK versions (Elastic's attack_v18_to_v19.yaml form). */
export interface Crosswalk {
  file: string;
  sourceVersion?: string;
  targetVersion?: string;
  /** Old technique id → new id; null = dropped without replacement. */
  map: ReadonlyMap<string, string | null>;
}

/** The sections of the file that map technique ids; tactics are not mapped by id. */
const ID_SECTIONS = ['techniques', 'subtechniques'] as const;

/** Reads a crosswalk file. Never throws: problems come back as warnings. */
export function loadCrosswalk(file: string): { crosswalk: Crosswalk; warnings: string[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { crosswalk: { file, map: new Map() }, warnings: [`attack: cannot read crosswalk ${file}: ${describeError(err)}`] };
  }
  return parseCrosswalk(text, file);
}

export function parseCrosswalk(text: string, file: string): { crosswalk: Crosswalk; warnings: string[] } {
  const warnings: string[] = [];
  const map = new Map<string, string | null>();
  let doc: unknown;
  try {
    doc = loadYaml().parse(text);
  } catch (err) {
    return { crosswalk: { file, map }, warnings: [`attack: crosswalk ${file} is not valid YAML: ${describeError(err)}`] };
  }
  if (!isRecord(doc)) return { crosswalk: { file, map }, warnings: [`attack: crosswalk ${file} is not a mapping`] };
  for (const section of ID_SECTIONS) {
    const entries = doc[section];
    if (entries === undefined || entries === null) continue;
    if (!isRecord(entries)) {
      warnings.push(`attack: crosswalk ${file}: "${section}" is not a mapping`);
      continue;
    }
    for (const [rawFrom, value] of Object.entries(entries)) {
      const from = normalizeId(rawFrom);
      const to = value === null ? null : isRecord(value) ? str(value['id']) : str(value);
      if (!isTechniqueId(from) || (to !== null && (to === undefined || !isTechniqueId(normalizeId(to))))) {
        warnings.push(`attack: crosswalk ${file}: entry ${rawFrom} is not a technique id → technique id (or null); ignored`);
        continue;
      }
      map.set(from, to === null ? null : normalizeId(to));
    }
  }
  const crosswalk: Crosswalk = { file, map };
  const source = versionField(doc['source_version']);
  const target = versionField(doc['target_version']);
  if (source) crosswalk.sourceVersion = source;
  if (target) crosswalk.targetVersion = target;
  return { crosswalk, warnings };
}

function versionField(v: unknown): string | undefined {
  return typeof v === 'number' ? String(v) : str(v);
}

function major(version: string): string {
  return version.split('.')[0] ?? version;
}

/**
 * Adds a crosswalk's entries to the table. A crosswalk whose target major
 * version is not the table's is skipped (its new ids would be unknown). An
 * entry is ignored when its old id is still active in the table (the table
 * knows better) or its new id does not lead to a technique of the table.
 */
export function applyCrosswalk(table: AttackTable, crosswalk: Crosswalk): TableResult {
  const { targetVersion, file } = crosswalk;
  if (targetVersion && table.version !== 'unknown' && compareVersions(major(targetVersion), major(table.version)) !== 0) {
    return {
      table,
      warnings: [`attack: crosswalk ${file} maps ids to ATT&CK ${targetVersion}, the table is ${table.version}; skipped`],
    };
  }
  const out = cloneTable(table);
  const warnings: string[] = [];
  const byId = new Map(out.techniques.map((t) => [t.id, t]));
  const ignored: string[] = [];
  for (const [from, to] of crosswalk.map) {
    const old = byId.get(from);
    if (old && isActive(old)) {
      ignored.push(`${from} (still active)`);
      continue;
    }
    if (to !== null && !byId.has(to)) {
      ignored.push(`${from} → ${to} (not in the table)`);
      continue;
    }
    if (old?.revokedBy && to !== null && old.revokedBy !== to && finalId(old.revokedBy, byId) !== finalId(to, byId)) {
      warnings.push(`attack: crosswalk ${file}: ${from} → ${to}, but the table has it revoked by ${old.revokedBy}; the table wins`);
    }
    out.crosswalk[from] = to;
  }
  if (ignored.length > 0) warnings.push(`attack: crosswalk ${file}: ignored ${ignored.join(', ')}`);
  return { table: out, warnings };
}

function finalId(id: string, byId: ReadonlyMap<string, { revokedBy?: string }>): string {
  const seen = new Set<string>();
  let cur = id;
  while (!seen.has(cur)) {
    seen.add(cur);
    const next = byId.get(cur)?.revokedBy;
    if (!next) break;
    cur = next;
  }
  return cur;
}
