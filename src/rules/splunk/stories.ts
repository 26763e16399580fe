import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { contentFoldersOf, isDirectory } from '../../parse/splunk/content-folders.js';

const byFolder = new Map<string, ReadonlySet<string> | null>();

/**
 * The names of the analytic stories in the `stories/` folder beside the
 * `detections/` folder a detection is filed under, or undefined when there
 * is none. Read once per folder: only each file's top-level `name:` line.
 */
export function storyNamesFor(file: string): ReadonlySet<string> | undefined {
  const root = contentFoldersOf(file).root;
  if (!root) return undefined;
  const dir = path.join(root, 'stories');
  let names = byFolder.get(dir);
  if (names === undefined) {
    names = isDirectory(dir) ? readStoryNames(dir) : null;
    byFolder.set(dir, names);
  }
  return names ?? undefined;
}

function readStoryNames(dir: string): ReadonlySet<string> {
  const names = new Set<string>();
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'));
  } catch {
    return names;
  }
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(path.join(dir, f), 'utf8');
    } catch {
      continue;
    }
    const name = topLevelName(text);
    if (name) names.add(name);
  }
  return names;
}

/** The value of a top-level `name:` key, unquoted; a story's name is a one-line scalar. */
function topLevelName(text: string): string | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith('name:')) continue;
    let v = line.slice(5).trim();
    if ((v.startsWith("'") && v.endsWith("'")) || (v.startsWith('"') && v.endsWith('"'))) v = v.slice(1, -1);
    return v.replace(/''/g, "'");
  }
  return undefined;
}
