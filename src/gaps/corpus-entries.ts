import path from 'node:path';
import type { AttackData } from '../attack/index.js';
import type { IndexedRule } from '../index/corpus-index.js';

/**
 * The corpus index's entries by file and by rule id, so that a repository
 * file that is itself in the corpus can be taken from the index instead of
 * parsed again (a repository that is a whole corpus reads in a second
 * rather than in the time of a full parse). Paths follow the index's naming:
 * `<root folder name>/<path under the root>`.
 */
export class CorpusEntries {
  private readonly byFile = new Map<string, IndexedRule[]>();
  private readonly byId = new Map<string, number[]>();

  constructor(
    rules: readonly IndexedRule[],
    private readonly rootPaths: readonly string[],
  ) {
    for (const r of rules) {
      const list = this.byFile.get(r.file);
      if (list) list.push(r);
      else this.byFile.set(r.file, [r]);
      if (r.id) {
        const key = idKey(r.vendor, r.id);
        this.byId.set(key, [...(this.byId.get(key) ?? []), r.ref]);
      }
    }
  }

  /** The index entries of a file under a corpus root, in the order the file holds them. */
  ofFile(file: string): readonly IndexedRule[] | undefined {
    const abs = path.resolve(file);
    for (const root of this.rootPaths) {
      const rel = path.relative(root, abs);
      if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) continue;
      const found = this.byFile.get(`${path.basename(root)}/${rel.split(path.sep).join('/')}`);
      if (found) return found;
    }
    return undefined;
  }

  /** Refs of corpus rules with this vendor and rule id (the id half of `CorpusIndex.selfRefs`). */
  sameId(rule: IndexedRule): readonly number[] {
    return rule.id ? (this.byId.get(idKey(rule.vendor, rule.id)) ?? []) : [];
  }
}

function idKey(vendor: string, id: string): string {
  return `${vendor}:${id.toLowerCase()}`;
}

/** Technique ids as any format writes them: `attack.t1059.001`, `"T1059"`, `- T1059.001`. */
const TECHNIQUE_TOKEN = /(?<![A-Za-z0-9])[Tt]\d{4}(?:\.\d{3})?(?!\d)/g;

/**
 * Whether a file's index entries say all the gap report needs of it. The
 * index keeps technique ids in their current form, so a tag that is revoked
 * (or crosswalked) no longer shows there; any technique-like id in the text
 * that is not current and active, or an entry whose technique is not active,
 * sends the file to the parser for the stale-tag section. Ids in
 * descriptions or links only make the check more cautious.
 */
export function entriesSuffice(text: string, entries: readonly IndexedRule[], attack: AttackData, memo: Map<string, boolean>): boolean {
  const current = (id: string): boolean => {
    let ok = memo.get(id);
    if (ok === undefined) {
      ok = attack.resolve(id).status === 'active' && attack.canonicalTechniqueId(id) === id;
      memo.set(id, ok);
    }
    return ok;
  };
  for (const e of entries) for (const t of e.techniques) if (!current(t)) return false;
  for (const m of text.matchAll(TECHNIQUE_TOKEN)) if (!current(m[0].toUpperCase())) return false;
  return true;
}
