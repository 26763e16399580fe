import { readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { RULE_EXTENSIONS } from '../parse/index.js';

/** Folders of retired rules, left out of every corpus. */
const RETIRED = new Set(['deprecated', '_deprecated', 'unsupported']);
const SKIP = new Set(['node_modules', '.git']);

export interface CorpusRoot {
  /** Absolute path of the root folder. */
  path: string;
  /** Its folder name, the prefix of its rules' paths in the index (`sigma`). */
  label: string;
  /** Absolute paths of the rule files, sorted. */
  files: string[];
  /** Every folder read to find them (the root included): their timestamps tell whether files came or went. */
  dirs: string[];
}

/**
 * The rule files of a corpus root. Repositories keep more than rules beside
 * them (tests, tooling, retired rules), so a root with `rules*` folders
 * (SigmaHQ, Elastic) contributes those, one with `detections/` (Splunk) that
 * folder, and any other root all its rule files; retired folders never count.
 */
export function corpusRoot(root: string): CorpusRoot {
  const abs = path.resolve(root);
  const label = path.basename(abs);
  let entries: string[];
  try {
    entries = readdirSync(abs, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    const isFile = statSafe(abs)?.isFile() ?? false;
    return { path: abs, label, files: isFile ? [abs] : [], dirs: [] };
  }
  const ruleDirs = entries.filter((n) => n.startsWith('rules'));
  const chosen = ruleDirs.length > 0 ? ruleDirs : entries.includes('detections') ? ['detections'] : ['.'];
  const files: string[] = [];
  const dirs: string[] = [abs];
  for (const dir of chosen) collect(path.join(abs, dir), files, dirs);
  files.sort();
  return { path: abs, label, files, dirs: [...new Set(dirs)] };
}

function collect(start: string, files: string[], dirs: string[]): void {
  const stack = [start];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    dirs.push(dir);
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!RETIRED.has(e.name) && !SKIP.has(e.name)) stack.push(path.join(dir, e.name));
      } else if (e.isFile() && RULE_EXTENSIONS.some((ext) => e.name.toLowerCase().endsWith(ext))) {
        files.push(path.join(dir, e.name));
      }
    }
  }
}

function statSafe(p: string): Stats | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

/** Path of a corpus file as the index names it: `<label>/<path under the root>` with forward slashes. */
export function corpusPath(root: Pick<CorpusRoot, 'path' | 'label'>, file: string): string {
  return `${root.label}/${path.relative(root.path, file).split(path.sep).join('/')}`;
}
