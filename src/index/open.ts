import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AttackData } from '../attack/index.js';
import { packageVersion, PACKAGE_ROOT } from '../engine/paths.js';
import type { ParseSettings } from '../parse/index.js';
import { buildRules, type Progress } from './build.js';
import { corpusRoot, type CorpusRoot } from './corpus-files.js';
import { INDEX_FORMAT, openStoredIndex, writeIndex, type StoredIndex } from './store.js';

export interface OpenIndexOptions {
  roots: readonly string[];
  cacheDir: string;
  attack: AttackData;
  /** Files the ATT&CK table was loaded from: the index's technique ids depend on them. */
  attackFiles: readonly string[];
  settings?: ParseSettings;
  progress?: Progress;
  /** Build even when a cached index matches. */
  rebuild?: boolean;
}

export interface OpenedIndex {
  index: StoredIndex | undefined;
  built: boolean;
  key: string;
  notices: string[];
}

const KEEP_BUILDS = 4;

/**
 * Opens the corpus index for the given roots, building it first when no
 * cached build matches. The cache key covers what the index is computed
 * from: the corpus files (path, size, modification time), the ATT&CK input
 * files, the curated tables, the index format and lint-rule's version.
 */
export async function openCorpusIndex(opts: OpenIndexOptions): Promise<OpenedIndex> {
  const notices: string[] = [];
  const roots: CorpusRoot[] = [];
  for (const r of opts.roots) {
    const root = corpusRoot(r);
    if (root.files.length === 0) notices.push(`corpus folder ${r} holds no rule files; it is left out`);
    else roots.push(root);
  }
  const key = indexKey(roots, opts.attackFiles);
  if (roots.length === 0) return { index: undefined, built: false, key, notices };
  const base = path.join(opts.cacheDir, 'index');
  const dir = path.join(base, key);
  if (!opts.rebuild) {
    const cached = openStoredIndex(dir);
    if (cached) return { index: cached, built: false, key, notices };
  } else {
    rmSync(dir, { recursive: true, force: true });
  }
  const { rules, skipped } = await buildRules(roots, opts.attack, opts.settings ?? {}, opts.progress);
  writeIndex(dir, key, roots.map((r) => r.path), rules, skipped);
  pruneOldBuilds(base, key);
  const index = openStoredIndex(dir);
  if (!index) notices.push(`could not write the corpus index under ${base}`);
  return { index, built: true, key, notices };
}

export function indexKey(roots: readonly CorpusRoot[], attackFiles: readonly string[]): string {
  const h = createHash('sha256');
  h.update(`lint-rule ${packageVersion()} index ${INDEX_FORMAT}\n`);
  for (const f of attackFiles) h.update(statLine(f));
  h.update(tablesFingerprint());
  for (const root of roots) {
    h.update(`root ${root.path}\n`);
    for (const f of root.files) h.update(statLine(f));
  }
  return h.digest('hex').slice(0, 24);
}

function statLine(file: string): string {
  try {
    const s = statSync(file);
    return `${file}\u0000${s.size}\u0000${s.mtimeMs}\n`;
  } catch {
    return `${file}\u0000missing\n`;
  }
}

let tablesHash: string | undefined;
/** The curated tables decide canonical fields and events, so their content is part of the key. */
function tablesFingerprint(): string {
  if (tablesHash === undefined) {
    const h = createHash('sha256');
    const dir = path.join(PACKAGE_ROOT, 'dist', 'data');
    try {
      for (const name of readdirSync(dir).sort()) h.update(name).update(readFileSync(path.join(dir, name)));
    } catch {
      h.update('no tables');
    }
    tablesHash = h.digest('hex');
  }
  return tablesHash;
}

function pruneOldBuilds(base: string, keep: string): void {
  let entries: { name: string; mtime: number }[];
  try {
    entries = readdirSync(base, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== keep)
      .map((e) => ({ name: e.name, mtime: statSync(path.join(base, e.name)).mtimeMs }));
  } catch {
    return;
  }
  // An unfinished build of another process is left alone unless it is clearly abandoned.
  const abandoned = Date.now() - 3600_000;
  const builds = entries.filter((e) => !e.name.includes('.tmp-')).sort((a, b) => b.mtime - a.mtime);
  const stale = [...builds.slice(KEEP_BUILDS - 1), ...entries.filter((e) => e.name.includes('.tmp-') && e.mtime < abandoned)];
  for (const e of stale) rmSync(path.join(base, e.name), { recursive: true, force: true });
}
