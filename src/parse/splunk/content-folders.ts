import { statSync } from 'node:fs';
import path from 'node:path';

/**
 * Where a detection's companions live in a security_content checkout:
 * `macros/` and `data_sources/` sit beside the `detections/` folder the
 * detection is filed under (at any depth). Answers are cached per folder for
 * the life of the process, so linting the whole corpus walks each folder once.
 */
export interface ContentFolders {
  /** The folder holding `detections/`, or undefined when the file is not under one. */
  root?: string;
  macros?: string;
  dataSources?: string;
}

const byDir = new Map<string, ContentFolders>();
const isDirCache = new Map<string, boolean>();

export function isDirectory(p: string): boolean {
  let known = isDirCache.get(p);
  if (known === undefined) {
    try {
      known = statSync(p).isDirectory();
    } catch {
      known = false;
    }
    isDirCache.set(p, known);
  }
  return known;
}

/** The security_content folders for a detection file (an absolute or cwd-relative path). */
export function contentFoldersOf(file: string): ContentFolders {
  const dir = path.dirname(path.resolve(file));
  let found = byDir.get(dir);
  if (!found) {
    found = locate(dir);
    byDir.set(dir, found);
  }
  return found;
}

function locate(dir: string): ContentFolders {
  let d = dir;
  for (;;) {
    if (path.basename(d) === 'detections') {
      const root = path.dirname(d);
      const out: ContentFolders = { root };
      const macros = path.join(root, 'macros');
      const dataSources = path.join(root, 'data_sources');
      if (isDirectory(macros)) out.macros = macros;
      if (isDirectory(dataSources)) out.dataSources = dataSources;
      return out;
    }
    const up = path.dirname(d);
    if (up === d) return {};
    // A folder already answered above this one answers for it too.
    const cached = byDir.get(up);
    if (cached) return cached;
    d = up;
  }
}
