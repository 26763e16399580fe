import path from 'node:path';
import type { CorpusIndex, IndexedRule, RuleName } from '../index/corpus-index.js';
import type { RuleModel } from '../model/rule.js';

/**
 * Lookups over the whole corpus that the title and file-name checks share,
 * built once per opened index on first use from every rule's title and file
 * (`ruleNames`: reading it costs about as much as linting thirty files, hence
 * those checks are not in `recommended`).
 */
export interface CorpusTables {
  byTitle: Map<string, RuleName[]>;
  byFileName: Map<string, RuleName[]>;
}

const tables = new WeakMap<CorpusIndex, CorpusTables>();

export function corpusTables(index: CorpusIndex): CorpusTables {
  let t = tables.get(index);
  if (!t) {
    t = { byTitle: new Map(), byFileName: new Map() };
    for (const r of index.ruleNames()) {
      push(t.byTitle, titleKey(r.vendor, r.title), r);
      push(t.byFileName, fileNameKey(r.vendor, r.file), r);
    }
    tables.set(index, t);
  }
  return t;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

export function titleKey(vendor: string, title: string): string {
  return `${vendor}\u0000${title.trim().toLowerCase()}`;
}

export function fileNameKey(vendor: string, file: string): string {
  return `${vendor}\u0000${path.posix.basename(file.split('\\').join('/')).toLowerCase()}`;
}

/**
 * The corpus entries among `refs` that are not the linted file itself, read
 * from the index. The file's own entries are known by ref and never read (a
 * corpus-wide run would otherwise read every rule); an entry stored from
 * another path is read and compared by path (`isOwnEntry`).
 */
export function otherEntries(index: CorpusIndex, rule: RuleModel, refs: Iterable<number>): IndexedRule[] {
  const own = index.fileRefs(rule);
  const out: IndexedRule[] = [];
  for (const ref of refs) {
    if (own.includes(ref)) continue;
    const entry = index.rule(ref);
    if (entry && !isOwnEntry(rule, entry)) out.push(entry);
  }
  return out;
}

/** Whether a corpus entry is the linted file itself (its corpus path is the tail of the file's path). */
export function isOwnEntry(rule: RuleModel, entry: Pick<IndexedRule, 'file'>): boolean {
  const abs = path.resolve(rule.file).split(path.sep).join('/');
  return abs === entry.file || abs.endsWith(`/${entry.file}`);
}

/** The file a corpus entry came from, when the index knows its roots (the on-disk index does). */
export function corpusFilePath(index: CorpusIndex, entry: IndexedRule): string | undefined {
  const roots = (index as { rootPaths?: readonly string[] }).rootPaths;
  if (!roots) return undefined;
  const [label, ...rest] = entry.file.split('/');
  const root = roots.find((r) => path.basename(r) === label);
  return root ? path.join(root, ...rest) : undefined;
}
