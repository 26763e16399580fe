import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeError, isRecord } from './json-guards.js';
import { decodeTable, encodeTable } from './cache-codec.js';
import type { AttackTable } from './table.js';

/** Bump when the compiled table's shape or the way it is built changes: old caches are then ignored. */
export const ATTACK_CACHE_SCHEMA = 1;

/** What a cached table was built from: every input's role, path, size and mtime. */
export interface CacheKey {
  schema: number;
  inputs: readonly { role: string; path: string; size: number; mtimeMs: number }[];
}

export interface CacheEntry {
  table: AttackTable;
  warnings: string[];
}

/** The key for a set of inputs; undefined when one cannot be read (the load will report it). */
export function cacheKey(inputs: readonly { role: string; path: string }[]): CacheKey | undefined {
  const stated: CacheKey['inputs'][number][] = [];
  for (const input of inputs) {
    const abs = path.resolve(input.path);
    try {
      const st = statSync(abs);
      stated.push({ role: input.role, path: abs, size: st.size, mtimeMs: st.mtimeMs });
    } catch {
      return undefined;
    }
  }
  return { schema: ATTACK_CACHE_SCHEMA, inputs: stated };
}

/**
 * FNV-1a over the key. Not node:crypto: loading it costs more than the whole
 * warm load, and a collision only costs a rebuild (the key inside the file is
 * compared in full).
 */
function keyDigest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * One file per set of input paths: option sets do not evict each other, and
 * a changed input overwrites its stale table instead of leaving it behind.
 * Sizes and mtimes are checked against the key stored inside.
 */
export function cacheFile(cacheDir: string, key: CacheKey): string {
  const paths = key.inputs.map((i) => `${i.role}:${i.path}`).join('\n');
  return path.join(cacheDir, `attack-table-${keyDigest(`${key.schema}\n${paths}`)}.json`);
}

/** The cached entry for a key, or undefined when absent, unreadable or built from other inputs. */
export function readCache(cacheDir: string, key: CacheKey): CacheEntry | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(cacheFile(cacheDir, key), 'utf8'));
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || JSON.stringify(parsed['key']) !== JSON.stringify(key)) return undefined;
  const table = decodeTable(parsed['table']);
  const warnings = parsed['warnings'];
  if (!table || !Array.isArray(warnings)) return undefined;
  return { table, warnings: warnings.filter((w): w is string => typeof w === 'string') };
}

/**
 * Writes the entry atomically (temp file + rename), so a reader never sees
 * half a file. Returns a warning instead of throwing when the directory is
 * not writable.
 */
export function writeCache(cacheDir: string, key: CacheKey, entry: CacheEntry): string | undefined {
  const file = cacheFile(cacheDir, key);
  const tmp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(tmp, JSON.stringify({ key, table: encodeTable(entry.table), warnings: entry.warnings }));
    renameSync(tmp, file);
    return undefined;
  } catch (err) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing more to do: the warning below already says the cache is unusable.
    }
    return `attack: cannot write the ATT&CK cache in ${cacheDir}: ${describeError(err)}`;
  }
}
