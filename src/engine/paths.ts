import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The lint-rule package root: src/engine and dist/engine both sit two levels under it. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * A worker thread's script: its bundle's copy under dist/bundle when built
 * (it starts faster), else the plain build's file under dist. Workers always
 * run the build, also when the caller runs from src (tests).
 */
export function builtScript(bundled: string, plain: string): URL {
  const file = path.join(PACKAGE_ROOT, 'dist', 'bundle', bundled);
  return pathToFileURL(existsSync(file) ? file : path.join(PACKAGE_ROOT, 'dist', plain));
}

/**
 * The build stamp `npm run build` writes into a dist folder (a hash of what it
 * built; scripts/stamp-build.mjs), or undefined when that folder has none
 * (sources run directly, a bundle built by hand). The corpus index key, the
 * `--cache` key and the code cache's name all include it.
 */
export function readBuildStamp(distDir: string = path.join(PACKAGE_ROOT, 'dist')): string | undefined {
  try {
    return readFileSync(path.join(distDir, 'build-stamp.txt'), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The data folder lint-rule ships beside (corpus, ATT&CK), used when no config names one. */
export const DEFAULT_SHARED = path.resolve(PACKAGE_ROOT, '../shared');

/**
 * Where caches go: $LINT_RULE_CACHE_DIR, else the user's cache directory
 * ($XDG_CACHE_HOME or ~/.cache). Never beside the corpus, which may be read-only.
 */
export function defaultCacheDir(): string {
  const explicit = process.env.LINT_RULE_CACHE_DIR;
  if (explicit) return path.resolve(explicit);
  const xdg = process.env.XDG_CACHE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
  return path.join(base, 'lint-rule');
}

export function packageVersion(): string {
  return VERSION;
}

// Kept in step with package.json by test/engine/version.test.ts; a constant
// avoids reading package.json on every start.
const VERSION = '0.1.0';
