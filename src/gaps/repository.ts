import path from 'node:path';
import type { AttackData } from '../attack/index.js';
import { indexRule } from '../index/build.js';
import type { IndexedRule } from '../index/corpus-index.js';
import type { ParsedFile, RuleModel } from '../model/rule.js';
import { detectVendor, vendorParser, type ParseSettings } from '../parse/index.js';
import { readRuleFile, type ReadResult } from '../parse/read-file.js';
import { entriesSuffice, type CorpusEntries } from './corpus-entries.js';
import type { UnreadFile } from './types.js';

/** A repository rule as the comparison needs it, with the tags it was written with. */
export interface RepositoryRule {
  /** The rule in the index's form: canonical technique ids, event keys, predicates with row keys. */
  rule: IndexedRule;
  /** Technique ids as written, with their place, for the revoked/deprecated/unknown section. */
  tags: { id: string; line: number; column: number }[];
}

export interface Repository {
  files: number;
  rules: RepositoryRule[];
  unread: UnreadFile[];
  /** Corpus entries that are rules of this repository (same corpus path, or same vendor and rule id). */
  corpusSelf: ReadonlySet<number>;
}

export interface ReadRepositoryOptions {
  attack: AttackData;
  /** Paths are shown relative to this folder. */
  cwd: string;
  settings?: ParseSettings;
  maxFileSize: number;
  /** The corpus's matcher of a rule to its own entries (`CorpusIndex.selfRefs`). */
  selfRefs?: (rule: RuleModel) => ReadonlySet<number>;
  /**
   * The corpus index's entries: a file that is in the corpus is taken from
   * there instead of parsed, when its entries say all the report needs.
   * Only with default parse settings, which the index is built with.
   */
  corpus?: CorpusEntries;
  progress?: (done: number, total: number) => void;
}

/**
 * Reads a repository's rule files of any vendor into index entries, the way
 * the corpus index reads the corpus (`indexRule`), so both sides of the
 * comparison count techniques, events and predicates alike. Files that give
 * no rule are listed with their first fatal problem, never thrown.
 */
export async function readRepository(files: readonly string[], opts: ReadRepositoryOptions): Promise<Repository> {
  const rules: RepositoryRule[] = [];
  const unread: UnreadFile[] = [];
  const corpusSelf = new Set<number>();
  let done = 0;
  const fromIndex = opts.corpus && Object.keys(opts.settings ?? {}).length === 0 ? opts.corpus : undefined;
  const memo = new Map<string, boolean>();
  for (const file of files) {
    done++;
    const shown = displayPath(file, opts.cwd);
    const read = readRuleFile(file, opts.maxFileSize);
    const known = read.ok ? fromIndex?.ofFile(file) : undefined;
    if (read.ok && known && known.length > 0 && entriesSuffice(read.source.text, known, opts.attack, memo)) {
      for (const entry of known) {
        rules.push({ rule: { ...entry, file: shown, ref: -1 - rules.length }, tags: [] });
        corpusSelf.add(entry.ref);
        for (const ref of fromIndex?.sameId(entry) ?? []) corpusSelf.add(ref);
      }
    } else {
      const parsed = await parseFile(file, read, opts);
      const fatal = parsed.problems.find((p) => p.fatal);
      if (fatal || parsed.rules.length === 0) {
        const p = fatal ?? parsed.problems[0];
        unread.push({ file: shown, message: p?.message ?? 'no rule in this file', line: p?.loc.line ?? 1, column: p?.loc.column ?? 1 });
      } else {
        for (const model of parsed.rules) {
          // Negative refs keep repository rules apart from corpus refs in any shared set.
          rules.push({ rule: indexRule(model, shown, -1 - rules.length, opts.attack), tags: model.techniques.map((t) => ({ id: t.id, line: t.loc.line, column: t.loc.column })) });
          if (opts.selfRefs) for (const ref of opts.selfRefs(model)) corpusSelf.add(ref);
        }
      }
    }
    if (opts.progress && (done % 50 === 0 || done === files.length)) opts.progress(done, files.length);
  }
  return { files: files.length, rules, unread, corpusSelf };
}

async function parseFile(file: string, read: ReadResult, opts: ReadRepositoryOptions): Promise<ParsedFile> {
  if (!read.ok) return { file, vendor: undefined, source: read.source, rules: [], problems: [read.problem] };
  const vendor = detectVendor(file, read.source.text);
  const start = { line: 1, column: 1, endLine: 1, endColumn: 1 };
  if (!vendor) {
    return { file, vendor, source: read.source, rules: [], problems: [{ checkId: 'parse-error', message: 'not a rule file lint-rule knows (expected Sigma or Splunk YAML, or Elastic TOML)', loc: start, severity: 'error', fatal: true }] };
  }
  try {
    return (await vendorParser(vendor)).parse(file, read.source, opts.settings ?? {});
  } catch (err) {
    // A parser bug on one file must not stop the report on the others.
    return { file, vendor, source: read.source, rules: [], problems: [{ checkId: 'parse-error', message: `internal error while parsing: ${(err as Error).message}`, loc: start, severity: 'error', fatal: true }] };
  }
}

function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  const shown = rel === '' || path.isAbsolute(rel) ? file : rel;
  return shown.split(path.sep).join('/');
}
