import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { walk } from '../engine/file-list.js';

/** Folders of retired rules, left out of every corpus. */
const RETIRED = new Set(['deprecated', '_deprecated', 'unsupported']);

export interface CorpusRoot {
  /** Absolute path of the root folder. */
  path: string;
  /** Its folder name, the prefix of its rules' paths in the index (`sigma`). */
  label: string;
  /** Absolute paths of the rule files, sorted. */
  files: string[];
}

/**
 * The rule files of a corpus root. Repositories keep more than rules beside
 * them (tests, tooling, retired rules), so a root with `rules*` folders
 * (SigmaHQ, Elastic) contributes those, one with `detections/` (Splunk) that
 * folder, and any other root all its rule files; retired folders never count.
 */
export function corpusRoot(root: string): CorpusRoot {
  const abs = path.resolve(root);
  let entries: string[];
  try {
    entries = readdirSync(abs, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return { path: abs, label: path.basename(abs), files: statSafe(abs)?.isFile() ? [abs] : [] };
  }
  const ruleDirs = entries.filter((n) => n.startsWith('rules'));
  const chosen = ruleDirs.length > 0 ? ruleDirs : entries.includes('detections') ? ['detections'] : ['.'];
  const files: string[] = [];
  for (const dir of chosen) {
    for (const f of walk(path.join(abs, dir))) {
      if (!isRetired(path.relative(abs, f))) files.push(f);
    }
  }
  files.sort();
  return { path: abs, label: path.basename(abs), files };
}

function isRetired(rel: string): boolean {
  return rel.split(path.sep).some((part) => RETIRED.has(part));
}

function statSafe(p: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

/** Path of a corpus file as the index names it: `<label>/<path under the root>` with forward slashes. */
export function corpusPath(root: CorpusRoot, file: string): string {
  return `${root.label}/${path.relative(root.path, file).split(path.sep).join('/')}`;
}
