import path from 'node:path';
import { createAttackData } from './attack-data.js';
import { cacheKey, readCache, writeCache, type CacheEntry } from './cache.js';
import { applyCrosswalk, loadCrosswalk } from './crosswalk.js';
import { applyOverlay, loadOverlay } from './overlay.js';
import { loadStixBundle } from './stix-bundle.js';
import type { AttackData, AttackOptions } from './types.js';

/** The data under ../shared: the v18.1 bundle, MITRE's v19 changes, Elastic's v18→v19 id map. */
export const DEFAULT_ATTACK_OPTIONS = (projectRoot: string): AttackOptions => {
  const dir = path.resolve(projectRoot, '../shared/attack');
  return {
    bundle: path.join(dir, 'enterprise-attack.json'),
    overlays: [path.join(dir, 'attack-v19-changes.json')],
    crosswalks: [path.join(dir, 'attack_v18_to_v19.yaml')],
  };
};

/** Builds the table from the inputs: bundle, then each overlay, then each crosswalk, in order. */
export function compileAttackTable(options: AttackOptions): CacheEntry {
  const { table: bundleTable, warnings } = loadStixBundle(options.bundle);
  let table = bundleTable;
  for (const file of options.overlays ?? []) {
    const loaded = loadOverlay(file);
    warnings.push(...loaded.warnings);
    if (loaded.changes === undefined) continue;
    const applied = applyOverlay(table, loaded.changes, `overlay ${file}`);
    table = applied.table;
    warnings.push(...applied.warnings);
  }
  for (const file of options.crosswalks ?? []) {
    const loaded = loadCrosswalk(file);
    warnings.push(...loaded.warnings);
    const applied = applyCrosswalk(table, loaded.crosswalk);
    table = applied.table;
    warnings.push(...applied.warnings);
  }
  return { table, warnings };
}

function inputsOf(options: AttackOptions): { role: string; path: string }[] {
  return [
    { role: 'bundle', path: options.bundle },
    ...(options.overlays ?? []).map((p) => ({ role: 'overlay', path: p })),
    ...(options.crosswalks ?? []).map((p) => ({ role: 'crosswalk', path: p })),
  ];
}

/**
 * Loads the ATT&CK table. With `cacheDir`, a table compiled from the same
 * inputs (path, size, mtime) is read from there, and a fresh one is written
 * there. Never throws: unreadable inputs leave an empty or partial table and
 * say so in `warnings`.
 */
export function loadAttack(options: AttackOptions): AttackData & { warnings: readonly string[] } {
  const inputs = inputsOf(options);
  const warnings: string[] = [];
  let cacheDir = options.cacheDir === undefined ? undefined : path.resolve(options.cacheDir);
  if (cacheDir !== undefined && inputs.some((i) => path.dirname(path.resolve(i.path)) === cacheDir)) {
    warnings.push(`attack: not caching in ${cacheDir}: it holds the input files`);
    cacheDir = undefined;
  }
  const key = cacheDir === undefined ? undefined : cacheKey(inputs);
  let entry = cacheDir !== undefined && key ? readCache(cacheDir, key) : undefined;
  if (!entry) {
    entry = compileAttackTable(options);
    if (cacheDir !== undefined && key) {
      const failed = writeCache(cacheDir, key, entry);
      if (failed) warnings.push(failed);
    }
  }
  const data = createAttackData(entry.table);
  return Object.assign(data, { warnings: [...entry.warnings, ...warnings] });
}
