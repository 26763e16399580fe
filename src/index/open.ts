import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AttackData } from '../attack/index.js';
import { nodeCrypto } from '../engine/lazy.js';
import { packageVersion, PACKAGE_ROOT, readBuildStamp } from '../engine/paths.js';
import type { ParseSettings } from '../parse/index.js';
import { buildRules, type Progress } from './build.js';
import { corpusRoot, type CorpusRoot } from './corpus-files.js';
import { checkStampsInWorker, lastStampsPointer, takeEarlyCheck } from './early-check.js';
import { hashPair } from './hash.js';
import { freshKey, statQuiet, type Stamp, type Stamps } from './stamps.js';
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
  /**
   * Open the index the last check found fresh at once and check the corpus
   * files in a worker thread meanwhile (see `verified`): a one-file lint then
   * does not wait for thousands of file stats.
   */
  verifyInBackground?: boolean;
}

export interface OpenedIndex {
  index: StoredIndex | undefined;
  built: boolean;
  key: string;
  notices: string[];
  /**
   * With `verifyInBackground`: whether the corpus is still what the index was
   * built from, checked in a worker thread while the caller lints. False means
   * the index is stale: open it again (without the option) and lint again.
   */
  verified?: Promise<boolean>;
}

const KEEP_BUILDS = 4;

/**
 * Opens the corpus index for the given roots, building it first when no
 * cached build matches. The cache key covers what the index is computed
 * from: every corpus rule file and ATT&CK input (path, size, modification
 * time), the curated tables, the index format and lint-rule's version.
 */
export async function openCorpusIndex(opts: OpenIndexOptions): Promise<OpenedIndex> {
  const notices: string[] = [];
  const base = path.join(opts.cacheDir, 'index');
  const stampsFile = path.join(base, `stamps-${rootsId(opts)}.json`);
  if (opts.verifyInBackground && !opts.rebuild) {
    const last = lastKey(stampsFile);
    const cached = last ? openStoredIndex(path.join(base, last)) : undefined;
    if (last && cached) {
      rememberStamps(opts.cacheDir, stampsFile);
      return { index: cached, built: false, key: last, notices, verified: verifyInWorker(stampsFile, last) };
    }
  }
  let key = opts.rebuild ? undefined : await checkedKey(stampsFile);
  let roots: CorpusRoot[] | undefined;
  if (key) rememberStamps(opts.cacheDir, stampsFile);
  else {
    roots = scanRoots(opts.roots, notices);
    const stamps = computeStamps(roots, opts.attackFiles);
    key = stamps.key;
    saveStamps(stampsFile, stamps);
  }
  const dir = path.join(base, key);
  if (!opts.rebuild) {
    const cached = openStoredIndex(dir);
    if (cached) return { index: cached, built: false, key, notices };
  } else {
    rmSync(dir, { recursive: true, force: true });
  }
  roots ??= scanRoots(opts.roots, notices);
  if (roots.length === 0) return { index: undefined, built: false, key, notices };
  const { rules, skipped } = await buildRules(roots, opts.attack, opts.settings ?? {}, opts.progress);
  writeIndex(dir, key, roots.map((r) => r.path), rules, skipped);
  pruneOldBuilds(base, key);
  const index = openStoredIndex(dir);
  if (!index) notices.push(`could not write the corpus index under ${base}`);
  return { index, built: true, key, notices };
}

/**
 * The key the stamps file records if the corpus still matches it. The entry
 * point started that check in a worker thread (early-check.ts) while modules
 * loaded; its answer is taken when it is for these stamps, so the main thread
 * does not stat every corpus file a second time. A worker that found the
 * stamps stale (or failed) is checked again here, before the corpus is walked.
 */
async function checkedKey(stampsFile: string): Promise<string | undefined> {
  const early = takeEarlyCheck(stampsFile);
  return (early && (await early)) ?? freshKey(stampsFile);
}

/** Points the next run's early check at these stamps, unless it already does. */
function rememberStamps(cacheDir: string, stampsFile: string): void {
  const pointer = lastStampsPointer(cacheDir);
  try {
    if (readFileSync(pointer, 'utf8').trim() === stampsFile) return;
    writeFileSync(pointer, stampsFile);
  } catch {
    try {
      writeFileSync(pointer, stampsFile);
    } catch {
      // Only a head start is lost.
    }
  }
}

function scanRoots(paths: readonly string[], notices: string[]): CorpusRoot[] {
  const roots: CorpusRoot[] = [];
  for (const r of paths) {
    const root = corpusRoot(r);
    if (root.files.length === 0) notices.push(`corpus folder ${r} holds no rule files; it is left out`);
    else roots.push(root);
  }
  return roots;
}

/** Names the stamps file of one set of roots and ATT&CK inputs under one lint-rule build. */
function rootsId(opts: OpenIndexOptions): string {
  // Asked on every run: a 64-bit hash of this short text names the file as well as sha256 did,
  // without loading node:crypto (only the index key, computed when the stamps are stale, needs it).
  const [a, b] = hashPair(JSON.stringify([packageVersion(), INDEX_FORMAT, tablesFingerprint(), opts.roots.map((r) => path.resolve(r)), opts.attackFiles]), 0);
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** The key the stamps file records, unverified (its `.key` sidecar: no need to read the stamps). */
function lastKey(stampsFile: string): string | undefined {
  try {
    return readFileSync(`${stampsFile}.key`, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Checks the stamps in a worker thread; a worker that cannot start falls back to checking here. */
function verifyInWorker(stampsFile: string, key: string): Promise<boolean> {
  const early = takeEarlyCheck(stampsFile) ?? startCheck(stampsFile);
  return early ? early.then((fresh) => fresh === key) : Promise.resolve(freshKey(stampsFile) === key);
}

/** The stamps check in a worker that falls back to checking here when it fails; undefined when no worker can start. */
function startCheck(stampsFile: string): Promise<string | null> | undefined {
  try {
    return checkStampsInWorker(stampsFile, () => freshKey(stampsFile) ?? null).fresh;
  } catch {
    return undefined;
  }
}

function computeStamps(roots: readonly CorpusRoot[], attackFiles: readonly string[]): Stamps {
  const files: Stamp[] = [];
  for (const f of [...attackFiles, ...roots.flatMap((r) => r.files)]) {
    const s = statQuiet(f);
    files.push([f, s?.size ?? -1, s?.mtimeMs ?? -1]);
  }
  const dirs = roots.flatMap((r) => r.dirs).map((d): [string, number] => [d, statQuiet(d)?.mtimeMs ?? -1]);
  const h = nodeCrypto().createHash('sha256');
  h.update(`lint-rule ${packageVersion()} index ${INDEX_FORMAT}\n`).update(tablesFingerprint());
  for (const root of roots) h.update(`root ${root.path}\n`);
  for (const [f, size, mtime] of files) h.update(`${f}\u0000${size}\u0000${mtime}\n`);
  return { key: h.digest('hex').slice(0, 24), dirs, files };
}

function saveStamps(file: string, stamps: Stamps): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(stamps));
    renameSync(tmp, file);
    writeFileSync(tmp, stamps.key);
    renameSync(tmp, `${file}.key`);
    writeFileSync(tmp, file);
    renameSync(tmp, lastStampsPointer(path.dirname(path.dirname(file))));
  } catch {
    // Without stamps the next run walks the corpus again: slower, still right.
  }
}

let buildHash: string | undefined;
/**
 * The parsers and curated tables decide what the index holds, so the build
 * stamp (a hash of dist/ that `npm run build` writes) is part of the key.
 * Without one (sources run directly), the tables' content stands in.
 */
function tablesFingerprint(): string {
  if (buildHash === undefined) {
    buildHash = readBuildStamp();
    if (buildHash === undefined) {
      const h = nodeCrypto().createHash('sha256');
      const dir = path.join(PACKAGE_ROOT, 'dist', 'data');
      try {
        for (const name of readdirSync(dir).sort()) h.update(name).update(readFileSync(path.join(dir, name)));
      } catch {
        h.update('no tables');
      }
      buildHash = h.digest('hex');
    }
  }
  return buildHash;
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
  pruneStamps(base, abandoned);
}

/**
 * Removes the stamps files (about 1 MB each for the three corpora) whose index
 * build is gone. Each lint-rule build and each set of corpus roots has its
 * own; those of builds no longer installed were left behind for good. One
 * newer than `before` is kept, whatever it names: another process may be
 * building its index right now.
 */
function pruneStamps(base: string, before: number): void {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  const builds = new Set(names);
  for (const name of names) {
    if (!/^stamps-[0-9a-f]+\.json$/.test(name)) continue;
    const file = path.join(base, name);
    try {
      if (builds.has(readFileSync(`${file}.key`, 'utf8').trim()) || statSync(file).mtimeMs >= before) continue;
    } catch {
      // No key beside it (an older lint-rule's): nothing says which build it stands for.
    }
    rmSync(file, { force: true });
    rmSync(`${file}.key`, { force: true });
  }
}
