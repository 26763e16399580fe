import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { lazyRequire } from './lazy.js';
import { RULE_EXTENSIONS } from '../parse/index.js';

export class FileListError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileListError';
  }
}

/** Only a glob argument needs minimatch: a run over files and folders spares its load. */
const loadMinimatch = lazyRequire<typeof import('minimatch')>('minimatch');

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Expands command-line arguments into rule files: a file is taken as given
 * (whatever its extension, so a mistake gets a clear message), a folder is
 * walked for .yml/.yaml/.toml files, a glob is matched from its static prefix.
 * The result is sorted and free of duplicates, so output order is stable.
 */
export function listFiles(args: readonly string[], cwd: string): string[] {
  const out = new Set<string>();
  for (const arg of args) {
    if (GLOB_CHARS.test(arg) && !exists(path.resolve(cwd, arg))) {
      const matched = expandGlob(arg, cwd);
      if (matched.length === 0) throw new FileListError(`no files match the pattern "${arg}"`);
      for (const f of matched) out.add(f);
      continue;
    }
    const abs = path.resolve(cwd, arg);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      throw new FileListError(`no such file or folder: ${arg}`);
    }
    if (isDir) for (const f of walk(abs)) out.add(f);
    else out.add(abs);
  }
  return [...out].sort();
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

function isRuleFile(name: string): boolean {
  const lower = name.toLowerCase();
  return RULE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Files under a folder (rule files unless told otherwise), skipping VCS and dependency folders. */
export function walk(dir: string, accept: (name: string) => boolean = isRuleFile): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    // Plain concatenation: the folder is already normal, and path.join's normalising is most of a walk's time.
    const prefix = current.endsWith(path.sep) ? current : current + path.sep;
    for (const e of entries) {
      const full = prefix + e.name;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) stack.push(full);
      } else if (e.isFile() && accept(e.name)) {
        out.push(full);
      }
    }
  }
  return out;
}

function expandGlob(pattern: string, cwd: string): string[] {
  const normalized = pattern.split(path.sep).join('/');
  const parts = normalized.split('/');
  const staticParts: string[] = [];
  for (const p of parts) {
    if (GLOB_CHARS.test(p)) break;
    staticParts.push(p);
  }
  const base = path.resolve(cwd, staticParts.join('/') || '.');
  const absPattern = path.resolve(cwd, normalized).split(path.sep).join('/');
  const { minimatch } = loadMinimatch();
  return walk(base, () => true).filter((f) => minimatch(f.split(path.sep).join('/'), absPattern, { dot: true }));
}
