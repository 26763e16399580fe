import { readFileSync, statSync, type Stats } from 'node:fs';

// Kept apart from open.ts, with nothing but node:fs, so the worker that checks
// stamps in the background starts without loading the rest of lint-rule.

/** A file's identity for the cache key: path, size, modification time. */
export type Stamp = [file: string, size: number, mtimeMs: number];

/**
 * What was true of the corpus when its index key was last computed: the
 * folders read (their timestamps change when files are added, removed or
 * renamed) and every input file's size and time (they change when a file is
 * edited in place). Checking these stamps is much cheaper than walking the
 * corpus again, and as strict: any difference recomputes the key.
 */
export interface Stamps {
  key: string;
  dirs: Array<[dir: string, mtimeMs: number]>;
  files: Stamp[];
}

/** The key recorded in the stamps file if nothing it recorded has changed since. */
export function freshKey(stampsFile: string): string | undefined {
  let stamps: Stamps;
  try {
    stamps = JSON.parse(readFileSync(stampsFile, 'utf8')) as Stamps;
  } catch {
    return undefined;
  }
  for (const [dir, mtime] of stamps.dirs) {
    if (statQuiet(dir)?.mtimeMs !== mtime) return undefined;
  }
  for (const [file, size, mtime] of stamps.files) {
    const s = statQuiet(file);
    if (!s || s.size !== size || s.mtimeMs !== mtime) return undefined;
  }
  return stamps.key;
}

export function statQuiet(p: string): Stats | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}
