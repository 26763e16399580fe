import path from 'node:path';
import type { CorpusIndex, IndexedRule, RuleName } from '../index/corpus-index.js';
import type { RuleModel } from '../model/rule.js';

/**
 * Lookups over the whole corpus that the title and file-name checks share,
 * built once per opened index on first use. They need every rule's title and
 * file (`ruleNames`, which the on-disk index offers: reading it costs about as
 * much as linting thirty files, hence those checks are not in `recommended`);
 * an index without it gets no tables and the checks stay silent.
 */
export interface CorpusTables {
  byTitle: Map<string, RuleName[]>;
  byFileName: Map<string, RuleName[]>;
}

interface RuleNames {
  ruleNames(): readonly RuleName[];
}

const tables = new WeakMap<CorpusIndex, CorpusTables | null>();

export function corpusTables(index: CorpusIndex): CorpusTables | undefined {
  const cached = tables.get(index);
  if (cached !== undefined) return cached ?? undefined;
  const all = (index as Partial<RuleNames>).ruleNames;
  if (typeof all !== 'function') {
    tables.set(index, null);
    return undefined;
  }
  const t: CorpusTables = { byTitle: new Map(), byFileName: new Map() };
  for (const r of all.call(index)) {
    push(t.byTitle, titleKey(r.vendor, r.title), r);
    push(t.byFileName, fileNameKey(r.vendor, r.file), r);
  }
  tables.set(index, t);
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
