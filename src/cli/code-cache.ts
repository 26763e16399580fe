import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';
// Already loaded by bin/lint-rule.js (the early stamps check): no extra start-up.
import { readBuildStamp } from '../engine/paths.js';
// Types only: this loader must not load the CLI it is about to compile.
import type { RunWeight } from './main.js';

/**
 * A CommonJS bundle run the way require() runs a module, but compiled with
 * V8's code cache, kept under the user's cache directory. Node 20 has no
 * compile cache of its own (Node 22's module.enableCompileCache), so every
 * process compiled lint-rule's code anew: parsing the bundle, then each of
 * the few thousand functions a lint calls, the first time it is called. A
 * cache written after a run holds the bytecode of every function that run
 * compiled; the next process starts from it. Measured on 2 cores, 30 paired
 * runs each: one file −8% (about 20 ms), the whole Sigma corpus −1% to −4%.
 *
 * A cache is trusted only for the exact bundle it was made from: its name
 * holds the bundle's build stamp, size and modification time and V8's
 * version, and V8 itself refuses one made by another V8, from source of
 * another length, or under other flags. V8 does not check who wrote it, and
 * its bytecode runs as lint-rule: a cache is read and written only in a
 * folder that is the user's own and that nobody else may write to.
 */
export interface CachedBundle<Exports> {
  exports: Exports;
  /** Whether V8 compiled the bundle from a stored cache. */
  readonly fromCache: boolean;
  /**
   * Once the run is done: stores the code this process compiled, when the
   * stored cache holds less (none, refused, or made by a lighter run: a
   * `--version` compiles little, a large lint run nearly everything). Never
   * throws: a cache that cannot be written is skipped.
   */
  save(weight: RunWeight): void;
}

/** How much of the bundle a run compiled, lightest first. */
const WEIGHTS: readonly RunWeight[] = ['other', 'lint', 'large'];

export function loadBundle<Exports>(bundleFile: string, cacheDir: string): CachedBundle<Exports> {
  const folder = path.join(cacheDir, 'code-cache');
  const key = cacheKey(bundleFile);
  const stored = trusted(folder) ? readStored(folder, key) : undefined;
  const script = new Script(Module.wrap(readFileSync(bundleFile, 'utf8')), { filename: bundleFile, ...(stored ? { cachedData: stored.data } : {}) });
  const fromCache = stored !== undefined && script.cachedDataRejected !== true;
  const module = { exports: {} as Exports };
  const run = script.runInThisContext() as (exports: Exports, require: NodeJS.Require, module: { exports: Exports }, filename: string, dirname: string) => void;
  run(module.exports, createRequire(bundleFile), module, bundleFile, path.dirname(bundleFile));
  return {
    exports: module.exports,
    fromCache,
    save(weight) {
      if (fromCache && stored && WEIGHTS.indexOf(weight) <= WEIGHTS.indexOf(stored.weight)) return;
      try {
        mkdirSync(folder, { recursive: true, mode: 0o700 });
        if (!trusted(folder)) return;
        const file = path.join(folder, `${key}.${weight}`);
        // Written whole, then renamed: a process starting meanwhile reads the old cache or the new one, never half of one.
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, file);
        // Caches of other builds, a lighter cache this one supersedes, a refused one: none is of further use.
        for (const name of readdirSync(folder)) if (name !== `${key}.${weight}`) rmSync(path.join(folder, name), { force: true });
      } catch {
        // A read-only or full cache directory: the next run compiles from source, as without a cache.
      }
    },
  };
}

/**
 * Whether the folder may hold code this process runs: this user's own, and
 * writable by no one else (a shared LINT_RULE_CACHE_DIR would otherwise let
 * another user run code as this one). On Windows the user's profile folder,
 * where caches go, is private already.
 */
function trusted(folder: string): boolean {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return true;
  try {
    const s = statSync(folder);
    return s.isDirectory() && s.uid === process.getuid() && (s.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** What a cache's name says of the bundle and the V8 it was made for. */
function cacheKey(bundleFile: string): string {
  const { size, mtimeMs } = statSync(bundleFile);
  // Without a stamp (a bundle built by hand), size and time still tell one build from the next.
  const stamp = readBuildStamp(path.dirname(path.dirname(bundleFile)))?.slice(0, 16) ?? 'unstamped';
  return `${stamp}-${size}-${Math.trunc(mtimeMs)}-v8-${process.versions.v8}-${process.arch}`.replace(/[^\w.-]/g, '_');
}

/** The stored cache for this bundle, the heaviest run's if there are several. */
function readStored(folder: string, key: string): { weight: RunWeight; data: Buffer } | undefined {
  for (const weight of [...WEIGHTS].reverse()) {
    try {
      return { weight, data: readFileSync(path.join(folder, `${key}.${weight}`)) };
    } catch {
      // Not stored (or unreadable): try the next, else compile from source.
    }
  }
  return undefined;
}
