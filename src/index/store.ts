import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import path from 'node:path';
import { fieldOfKey, parseKey } from '../model/normalize.js';
import { detectionDigest, type Digest } from './fingerprint.js';
import type { Operator, Role, RuleModel, Vendor } from '../model/rule.js';
import { aggregateTechnique, aggregateTechniqueEvent, withoutRules } from './aggregate.js';
import { encodeLists, encodeReach, encodeRefTable, ListsByRef, ReachTable, RefTable, type RefEntry } from './binary-tables.js';
import { hashPair } from './hash.js';
import type { CorpusIndex, Exclude, IndexedPredicate, IndexedRule, RuleName, SimilarityKeys, TechniqueAggregate, TechniqueEventAggregate, ValueRow } from './corpus-index.js';

/** Bumped whenever the stored shape or the meaning of a row changes. */
export const INDEX_FORMAT = 20;
const BUCKET_BITS = 6;

interface Manifest {
  format: number;
  /** The byte order of the binary files (reach.bin, hashes.bin, digests.bin). */
  endianness: 'BE' | 'LE';
  key: string;
  builtAt: string;
  roots: string[];
  rootPaths: string[];
  ruleCount: number;
  skipped: number;
  /** Technique → rule count. */
  techniques: Record<string, number>;
  /** Technique → the byte range [start, end) of its summary in summaries.dat. */
  summaries: Record<string, [number, number]>;
}

/**
 * A rule as stored: short keys, and predicates as tuples that leave out what
 * the row key already says. The index of a 7,000-rule corpus is read shard by
 * shard on every lint, so its size is its start-up time.
 */
interface StoredRule {
  r: number;
  v: Vendor;
  t: string;
  i?: string;
  f: string;
  T: string[];
  E: string[];
  /** [key, role, operator, value, written, field (only when not the key's), negated (1)] */
  p: StoredPredicate[];
}
type StoredPredicate = [string, RoleCode, Operator, string, string, string?, 1?];
type RoleCode = 'i' | 'e' | 's';

const ROLE_CODE: Record<Role, RoleCode> = { indicator: 'i', exclusion: 'e', scope: 's' };
const ROLE: Record<RoleCode, Role> = { i: 'indicator', e: 'exclusion', s: 'scope' };

function encodeRule(r: IndexedRule): StoredRule {
  const s: StoredRule = { r: r.ref, v: r.vendor, t: r.title, f: r.file, T: r.techniques, E: r.events, p: r.predicates.map(encodePredicate) };
  if (r.id) s.i = r.id;
  return s;
}

function encodePredicate(p: IndexedPredicate): StoredPredicate {
  const keyField = fieldOfKey(p.key);
  const t: StoredPredicate = [p.key, ROLE_CODE[p.role], p.operator, p.value, p.written];
  if (p.field !== keyField || p.negated) t.push(p.field === keyField ? '' : p.field);
  if (p.negated) t.push(1);
  return t;
}

function decodeRow([key, refs, examples]: [string, number[], ValueRow['examples']]): ValueRow {
  const n = parseKey(key);
  return { key, field: n.field, operator: n.operator, value: n.value, rules: refs.length, refs, examples };
}

function decodeRule(s: StoredRule): IndexedRule {
  const r: IndexedRule = { ref: s.r, vendor: s.v, title: s.t, file: s.f, techniques: s.T, events: s.E, predicates: s.p.map(decodePredicate) };
  if (s.i) r.id = s.i;
  return r;
}

function decodePredicate(t: StoredPredicate): IndexedPredicate {
  const [key, role, operator, value, written, field, negated] = t;
  const p: IndexedPredicate = { key, role: ROLE[role], field: field || fieldOfKey(key), operator, value, written };
  if (negated) p.negated = true;
  return p;
}

/** A 32-bit FNV-1a hash of a predicate key: what a rule's own indicators are remembered by (hashes.bin). */
function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const pathKey = (file: string): string => `p:${file}`;
/** What path.resolve changes in an absolute POSIX path: `.` and `..` segments, doubled or trailing slashes. */
const NOT_NORMAL = /\/\.{1,2}(?:\/|$)|\/\/|.\/$/;
const idKey = (vendor: Vendor, id: string): string => `i:${vendor}:${id.toLowerCase()}`;

/** A technique's precomputed summary (in summaries.dat). */
interface StoredSummary {
  /**
   * event → [refs of the rules reading it, exclusion rows [key, refs, examples]];
   * only rows two or more rules share (an exclusion of one rule is not a shared one).
   */
  events: Record<string, [number[], Array<[string, number[], ValueRow['examples']]>]>;
}

/** A technique's narrowing companions (n/<technique>.json), read only when an indicator is noisy. */
interface StoredCompanions {
  /** The indicator keys `listed` and `lists` point into. */
  keys: string[];
  /** The indicator keys (indexes into `keys`) with some corpus reach that have companions. */
  listed: number[];
  /**
   * For each of `listed`: the other indicators the technique's rules use with
   * it, most used first, only those with less reach than it (they are what
   * narrows it), as flat pairs [key index, rules, key index, rules, …].
   * Flat arrays of numbers parse several times faster than an object keyed
   * by index holding arrays of pairs.
   */
  lists: number[][];
}

/**
 * Each rule's indicator keys (not negated) under a technique (k/<technique>.json):
 * `keys` once, and per rule [ref, indexes into keys], in the order of
 * t/<technique>.json. What `indicatorKeys` answers, without parsing the rules' bodies.
 */
interface StoredRuleKeys {
  keys: string[];
  rules: Array<[number, number[]]>;
}

/** Keys listed once each, in first-seen order, with the index of each: what the stored key lists refer to. */
function keyList(): { keys: string[]; indexOf: (key: string) => number } {
  const keys: string[] = [];
  const at = new Map<string, number>();
  const indexOf = (k: string): number => {
    let i = at.get(k);
    if (i === undefined) {
      i = keys.length;
      keys.push(k);
      at.set(k, i);
    }
    return i;
  };
  return { keys, indexOf };
}

function summarizeRuleKeys(rules: readonly IndexedRule[]): StoredRuleKeys {
  const { keys, indexOf } = keyList();
  return { keys, rules: rules.map((r) => [r.ref, r.predicates.filter((p) => p.role === 'indicator' && !p.negated).map((p) => indexOf(p.key))]) };
}

/**
 * Each rule's similarity keys under a technique (s/<technique>.json): `keys`
 * once, and per rule [ref, vendor, distinct indicator keys, distinct
 * exclusion keys] as indexes into `keys`, in the order of t/<technique>.json.
 * What `near-duplicate` compares, without parsing the rules' bodies: a
 * corpus-wide `strict` run reads nearly every technique.
 */
interface StoredSimilarity {
  keys: string[];
  rules: Array<[number, Vendor, number[], number[]]>;
}

function summarizeSimilarity(rules: readonly IndexedRule[]): StoredSimilarity {
  const { keys, indexOf } = keyList();
  const distinct = (r: IndexedRule, role: Role): number[] => [...new Set(r.predicates.filter((p) => p.role === role).map((p) => indexOf(p.key)))];
  return { keys, rules: rules.map((r) => [r.ref, r.vendor, distinct(r, 'indicator'), distinct(r, 'exclusion')]) };
}

/** Indicators below this corpus reach never count as noisy; they get no companion list. */
const COMPANION_MIN_REACH = 3;
const MAX_COMPANIONS = 40;

function summarizeTechnique(technique: string, rules: readonly IndexedRule[]): StoredSummary {
  const events: StoredSummary['events'] = {};
  for (const event of new Set(rules.flatMap((r) => r.events))) {
    const agg = aggregateTechniqueEvent(technique, event, rules);
    events[event] = [agg.refs, agg.exclusions.filter((row) => row.rules >= 2).map((row) => [row.key, row.refs, row.examples])];
  }
  return { events };
}

function summarizeCompanions(rules: readonly IndexedRule[], reachOf: (key: string) => number): StoredCompanions {
  const { keys, indexOf } = keyList();
  const together = new Map<string, Map<string, number>>();
  for (const r of rules) {
    const own = [...new Set(r.predicates.filter((p) => p.role === 'indicator' && !p.negated).map((p) => p.key))];
    for (const k of own) {
      if (reachOf(k) < COMPANION_MIN_REACH) continue;
      let counts = together.get(k);
      if (!counts) together.set(k, (counts = new Map()));
      for (const c of own) if (c !== k) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  const listed: number[] = [];
  const lists: number[][] = [];
  // A narrowing companion is on another field (same-field values are OR alternatives) and is not a bare "field exists".
  const narrows = (k: string, c: string): boolean => {
    const n = parseKey(c);
    return n.field !== fieldOfKey(k) && n.operator !== 'is_not_null' && n.operator !== 'is_null';
  };
  for (const [k, counts] of together) {
    const limit = reachOf(k);
    const ranked = [...counts].filter(([c]) => reachOf(c) < limit && narrows(k, c)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_COMPANIONS);
    if (ranked.length === 0) continue;
    listed.push(indexOf(k));
    lists.push(ranked.flatMap(([c, n]) => [indexOf(c), n]));
  }
  return { keys, listed, lists };
}

/**
 * The index on disk is sharded so that linting one file reads only what it
 * needs: a small manifest, the shards of the draft's techniques, the binary
 * look-up tables and the summaries — read as they are, with only the draft's
 * parts parsed; not the corpus.
 *   manifest.json            counts and the technique list
 *   t/<technique>.json       the rules under a technique (explain, gaps)
 *   summaries.dat            what linting needs of each technique, precomputed: per event the rules
 *                            and shared exclusions (with the refs behind each row, for leaving a
 *                            rule out); one JSON text per technique, one after another, at the
 *                            byte ranges the manifest gives. A corpus-wide run needs most of them:
 *                            one read of the file, not hundreds of small ones, and each technique's
 *                            text is parsed only when asked for.
 *   n/<technique>.json       each noisy indicator's narrowing companions (read when one is noisy)
 *   k/<technique>.json       each rule's indicator keys (read when a noisy one has no companion list)
 *   s/<technique>.json       each rule's distinct indicator and exclusion keys (near-duplicates)
 *   names.json               every rule's [ref, vendor, title, file] (duplicate titles and file names)
 *   r/<bucket>.json          rules by ref (64 per bucket)
 *   reach.bin                indicator key → number of rules using it, by the key's hash (binary-tables.ts)
 *   hashes.bin               ref → hashes of that rule's indicator keys (to leave it out of corpus reach; binary-tables.ts)
 *   digests.bin              each rule's detection fingerprint digest (`detectionDigest`) under each of its techniques (binary-tables.ts)
 *   lookup.bin               `p:<corpus path>` and `i:<vendor>:<id>` → refs (to find a linted rule in the corpus), by the key's hash (binary-tables.ts)
 */
export function writeIndex(dir: string, key: string, rootPaths: readonly string[], rules: readonly IndexedRule[], skipped: number): void {
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  for (const sub of ['t', 'r']) mkdirSync(path.join(tmp, sub), { recursive: true });

  const byTechnique = new Map<string, StoredRule[]>();
  const reach = new Map<string, number>();
  const ownHashes: number[][] = [];
  const lookup: RefEntry[] = [];
  const buckets: StoredRule[][] = [];
  const addLookup = (k: string, ref: number): void => {
    lookup.push([...hashPair(k, 0), 0, ref]);
  };
  // A rule's digest is the same under each of its techniques.
  const ruleDigests = new Map<number, Digest | undefined>();
  const digestOf = (r: IndexedRule): Digest | undefined => {
    if (!ruleDigests.has(r.ref)) ruleDigests.set(r.ref, detectionDigest(r));
    return ruleDigests.get(r.ref);
  };
  for (const r of rules) {
    const stored = encodeRule(r);
    for (const t of r.techniques) {
      const list = byTechnique.get(t);
      if (list) list.push(stored);
      else byTechnique.set(t, [stored]);
    }
    addLookup(pathKey(r.file), r.ref);
    if (r.id) addLookup(idKey(r.vendor, r.id), r.ref);
    const own = [...new Set(r.predicates.filter((p) => p.role === 'indicator' && !p.negated).map((p) => keyHash(p.key)))];
    if (own.length > 0) ownHashes[r.ref] = own;
    for (const p of r.predicates) {
      if (p.role !== 'indicator' || p.negated) continue;
      reach.set(p.key, (reach.get(p.key) ?? 0) + 1);
    }
    (buckets[r.ref >> BUCKET_BITS] ??= []).push(stored);
  }
  const techniques: Record<string, number> = {};
  const digests: RefEntry[] = [];
  const reachOf = (key: string): number => reach.get(key) ?? 0;
  const summaries: Record<string, [number, number]> = {};
  const summaryTexts: Buffer[] = [];
  let summaryEnd = 0;
  mkdirSync(path.join(tmp, 'n'), { recursive: true });
  mkdirSync(path.join(tmp, 'k'), { recursive: true });
  mkdirSync(path.join(tmp, 's'), { recursive: true });
  const numbers = techniqueNumbers([...byTechnique.keys()]);
  for (const [t, list] of byTechnique) {
    const number = numbers.get(t) as number;
    techniques[t] = list.length;
    writeFileSync(path.join(tmp, 't', `${t}.json`), JSON.stringify(list));
    const members = list.map((s) => rules[s.r] as IndexedRule);
    const summary = Buffer.from(JSON.stringify(summarizeTechnique(t, members)));
    summaries[t] = [summaryEnd, (summaryEnd += summary.length)];
    summaryTexts.push(summary);
    writeFileSync(path.join(tmp, 'n', `${t}.json`), JSON.stringify(summarizeCompanions(members, reachOf)));
    writeFileSync(path.join(tmp, 'k', `${t}.json`), JSON.stringify(summarizeRuleKeys(members)));
    writeFileSync(path.join(tmp, 's', `${t}.json`), JSON.stringify(summarizeSimilarity(members)));
    for (const r of members) {
      const digest = digestOf(r);
      if (digest) digests.push([digest.hi, digest.lo, number, r.ref]);
    }
  }
  buckets.forEach((b, i) => writeFileSync(path.join(tmp, 'r', `${i}.json`), JSON.stringify(b ?? [])));
  writeFileSync(path.join(tmp, 'names.json'), JSON.stringify(rules.map((r) => [r.ref, r.vendor, r.title, r.file])));
  writeFileSync(path.join(tmp, 'summaries.dat'), Buffer.concat(summaryTexts));
  writeFileSync(path.join(tmp, 'reach.bin'), encodeReach(reach));
  writeFileSync(path.join(tmp, 'digests.bin'), encodeRefTable(digests));
  writeFileSync(path.join(tmp, 'hashes.bin'), encodeLists(Array.from({ length: ownHashes.length }, (_, ref) => ownHashes[ref])));
  writeFileSync(path.join(tmp, 'lookup.bin'), encodeRefTable(lookup));
  const manifest: Manifest = {
    format: INDEX_FORMAT,
    endianness: endianness(),
    key,
    builtAt: new Date().toISOString(),
    roots: rootPaths.map((p) => path.basename(p)),
    rootPaths: [...rootPaths],
    ruleCount: rules.length,
    skipped,
    techniques,
    summaries,
  };
  // The manifest goes last: a folder without one is an unfinished build.
  writeFileSync(path.join(tmp, 'manifest.json'), JSON.stringify(manifest));
  try {
    renameSync(tmp, dir);
  } catch {
    // Another process finished the same build first; its copy is as good as ours.
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The techniques' numbers in digests.bin: their places in sorted order. */
function techniqueNumbers(techniques: readonly string[]): ReadonlyMap<string, number> {
  return new Map([...techniques].sort().map((t, i) => [t, i]));
}

/** Opens a stored index; undefined when the folder holds no finished build of this format. */
export function openStoredIndex(dir: string): StoredIndex | undefined {
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file)) return undefined;
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    if (manifest.format !== INDEX_FORMAT || manifest.endianness !== endianness()) return undefined;
    return new StoredIndex(dir, manifest);
  } catch {
    return undefined;
  }
}

export class StoredIndex implements CorpusIndex {
  private readonly techniqueRules = new Map<string, IndexedRule[]>();
  private readonly buckets = new Map<number, IndexedRule[]>();

  constructor(
    private readonly dir: string,
    private readonly manifest: Manifest,
  ) {}

  /** The folder the index is stored in. */
  get location(): string {
    return this.dir;
  }

  get ruleCount(): number {
    return this.manifest.ruleCount;
  }

  get roots(): readonly string[] {
    return this.manifest.roots;
  }

  get rootPaths(): readonly string[] {
    return this.manifest.rootPaths;
  }

  get skipped(): number {
    return this.manifest.skipped;
  }

  private techniqueCounts: ReadonlyMap<string, number> | undefined;

  techniques(): ReadonlyMap<string, number> {
    this.techniqueCounts ??= new Map(Object.entries(this.manifest.techniques));
    return this.techniqueCounts;
  }

  private readonly storedRules = new Map<string, StoredRule[]>();

  private stored(technique: string): StoredRule[] {
    let list = this.storedRules.get(technique);
    if (!list) {
      list = this.manifest.techniques[technique] ? this.readJson<StoredRule[]>(path.join('t', `${technique}.json`)) : [];
      this.storedRules.set(technique, list);
    }
    return list;
  }

  rulesOf(technique: string): readonly IndexedRule[] {
    let list = this.techniqueRules.get(technique);
    if (!list) {
      list = this.stored(technique).map(decodeRule);
      this.techniqueRules.set(technique, list);
    }
    return list;
  }

  /** Each rule's indicator keys (not negated) under a technique, read without the rules' bodies (k/<technique>.json). */
  indicatorKeys(technique: string): ReadonlyArray<{ ref: number; keys: readonly string[] }> {
    let list = this.ruleKeys.get(technique);
    if (!list) {
      const stored = this.manifest.techniques[technique] ? this.readJson<StoredRuleKeys>(path.join('k', `${technique}.json`)) : { keys: [], rules: [] };
      list = stored.rules.map(([ref, at]) => ({ ref, keys: at.map((i) => stored.keys[i] as string) }));
      this.ruleKeys.set(technique, list);
    }
    return list;
  }

  private readonly ruleKeys = new Map<string, ReadonlyArray<{ ref: number; keys: readonly string[] }>>();

  similarityKeys(technique: string): readonly SimilarityKeys[] {
    let list = this.similarity.get(technique);
    if (!list) {
      const stored = this.manifest.techniques[technique] ? this.readJson<StoredSimilarity>(path.join('s', `${technique}.json`)) : { keys: [], rules: [] };
      const key = (i: number): string => stored.keys[i] as string;
      list = stored.rules.map(([ref, vendor, indicators, exclusions]) => ({ ref, vendor, indicators: indicators.map(key), exclusions: exclusions.map(key) }));
      this.similarity.set(technique, list);
    }
    return list;
  }

  private readonly similarity = new Map<string, readonly SimilarityKeys[]>();

  aggregate(technique: string, exclude?: Exclude): TechniqueAggregate {
    return aggregateTechnique(technique, this.rulesOf(technique), (k) => this.reach(k, exclude), exclude);
  }

  /** Technique → event → its full aggregate (no string built per question). */
  private readonly eventAggregates = new Map<string, Map<string, TechniqueEventAggregate>>();

  private readonly summaries = new Map<string, StoredSummary | null>();

  private summaryBytes: Buffer | undefined;

  private summary(technique: string): StoredSummary | undefined {
    let s = this.summaries.get(technique);
    if (s === undefined) {
      const range = this.manifest.summaries[technique];
      if (range) {
        this.summaryBytes ??= readFileSync(path.join(this.dir, 'summaries.dat'));
        s = JSON.parse(this.summaryBytes.toString('utf8', range[0], range[1])) as StoredSummary;
      } else s = null;
      this.summaries.set(technique, s);
    }
    return s ?? undefined;
  }

  /**
   * From the precomputed summary, then adjusted per linted rule: linting the
   * corpus asks for each pair hundreds of times, and never needs the rules' bodies for it.
   */
  aggregateForEvent(technique: string, event: string, exclude?: Exclude): TechniqueEventAggregate {
    let byEvent = this.eventAggregates.get(technique);
    if (!byEvent) this.eventAggregates.set(technique, (byEvent = new Map()));
    let full = byEvent.get(event);
    if (!full) {
      const stored = this.summary(technique)?.events[event];
      full = { technique, event, ruleCount: stored?.[0].length ?? 0, refs: stored?.[0] ?? [], exclusions: (stored?.[1] ?? []).map(decodeRow) };
      byEvent.set(event, full);
    }
    return withoutRules(full, exclude);
  }

  private digestTable: RefTable | undefined;
  /** Technique → its number in digests.bin. */
  private techniqueNumbers: ReadonlyMap<string, number> | undefined;

  private readonly companionFiles = new Map<string, StoredCompanions | null>();
  /** Per companions file: each listed key → its position in `lists`. */
  private readonly listPositions = new WeakMap<StoredCompanions, Map<string, number>>();

  /**
   * The indicators the technique's rules use together with `key`, most used
   * first, with less corpus reach than it: what narrows it. Counts leave the
   * excluded rules out. Undefined when the index keeps no list for the key
   * (its reach is too low to be noisy).
   */
  companions(technique: string, key: string, exclude?: Exclude): Array<[string, number]> | undefined {
    let summary = this.companionFiles.get(technique);
    if (summary === undefined) {
      summary = this.manifest.techniques[technique] ? this.readJson<StoredCompanions>(path.join('n', `${technique}.json`)) : null;
      this.companionFiles.set(technique, summary);
    }
    if (!summary) return undefined;
    const { keys, listed, lists } = summary;
    let positions = this.listPositions.get(summary);
    if (!positions) this.listPositions.set(summary, (positions = new Map(listed.map((k, at) => [keys[k] as string, at]))));
    const at = positions.get(key);
    const list = at === undefined ? undefined : lists[at];
    if (!list) return undefined;
    const h = keyHash(key);
    const hashes = this.hashes();
    const mine = [...(exclude ?? [])].filter((ref) => hashes.has(ref, h));
    const out: Array<[string, number]> = [];
    for (let i = 0; i < list.length; i += 2) {
      const c = keys[list[i] as number] as string;
      const ch = keyHash(c);
      out.push([c, (list[i + 1] as number) - mine.filter((ref) => hashes.has(ref, ch)).length]);
    }
    return out;
  }

  /** Refs of the technique's rules whose detection fingerprint has this digest (`detectionDigest`, fingerprint.ts). */
  sameFingerprint(technique: string, digest: Digest): number[] {
    this.techniqueNumbers ??= techniqueNumbers(Object.keys(this.manifest.techniques));
    const number = this.techniqueNumbers.get(technique);
    if (number === undefined) return [];
    this.digestTable ??= new RefTable(readFileSync(path.join(this.dir, 'digests.bin')));
    return this.digestTable.refs(digest.hi, digest.lo, number);
  }

  private reachTable: ReachTable | undefined;

  reach(key: string, exclude?: Exclude): number {
    this.reachTable ??= new ReachTable(readFileSync(path.join(this.dir, 'reach.bin')));
    let n = this.reachTable.get(key);
    if (exclude && exclude.size > 0 && n > 0) {
      const h = keyHash(key);
      const hashes = this.hashes();
      for (const ref of exclude) if (hashes.has(ref, h)) n--;
    }
    return Math.max(0, n);
  }

  private hashFile: ListsByRef | undefined;

  /**
   * Hashes of each corpus rule's indicator keys, read from hashes.bin (not
   * the rules' bodies). A rule has a few: scanning them in place beats
   * building a list or a set per rule.
   */
  private hashes(): ListsByRef {
    this.hashFile ??= new ListsByRef(readFileSync(path.join(this.dir, 'hashes.bin')));
    return this.hashFile;
  }

  /**
   * What was found for the rule model asked about last. The checks ask about
   * one rule after another, each several times; a WeakMap entry per rule
   * model cost more to insert than the lookups it saved.
   */
  private lastRule: { rule: RuleModel; file?: readonly number[]; self?: Exclude } | undefined;

  private entriesOf(rule: RuleModel): { rule: RuleModel; file?: readonly number[]; self?: Exclude } {
    if (this.lastRule?.rule !== rule) this.lastRule = { rule };
    return this.lastRule;
  }

  selfRefs(rule: RuleModel): Exclude {
    const entries = this.entriesOf(rule);
    if (!entries.self) {
      const set = new Set(this.fileRefs(rule));
      if (rule.id) for (const ref of this.idRefs(rule.vendor, rule.id)) set.add(ref);
      entries.self = set;
    }
    return entries.self;
  }

  /** Refs of the corpus entries stored from the rule's own file (when it is a corpus file). */
  fileRefs(rule: RuleModel): readonly number[] {
    const entries = this.entriesOf(rule);
    entries.file ??= this.refsOfFile(rule.file);
    return entries.file;
  }

  /** Each corpus root as a path prefix and the folder name its corpus paths start with. */
  private rootPrefixes: ReadonlyArray<{ prefix: string; label: string }> | undefined;

  private refsOfFile(file: string): readonly number[] {
    const abs = this.absolute(file);
    this.rootPrefixes ??= this.manifest.rootPaths.map((r) => ({ prefix: r + path.sep, label: path.basename(r) }));
    for (const { prefix, label } of this.rootPrefixes) {
      if (!abs.startsWith(prefix)) continue;
      const rel = abs.slice(prefix.length);
      return this.lookup(pathKey(`${label}/${path.sep === '/' ? rel : rel.split(path.sep).join('/')}`));
    }
    return [];
  }

  /** Folders resolved to absolute paths, under the working folder they were resolved in. */
  private resolvedDirs = { cwd: '', dirs: new Map<string, string>() };

  /**
   * `path.resolve(file)`, with each folder resolved once: the files of a
   * corpus-wide run share a few hundred folders, and normalising every full
   * path was most of finding a file's own entries. A file's name is never
   * `.` or `..`, so it can be appended to its resolved folder as it is
   * (an empty path names the folder itself).
   */
  private absolute(file: string): string {
    // The linter's files are absolute and normal already (listFiles resolves them): nothing to resolve.
    if (path.sep === '/' && path.isAbsolute(file) && !NOT_NORMAL.test(file)) return file;
    const cwd = process.cwd();
    if (this.resolvedDirs.cwd !== cwd) this.resolvedDirs = { cwd, dirs: new Map() };
    const dir = path.dirname(file);
    let abs = this.resolvedDirs.dirs.get(dir);
    if (abs === undefined) {
      abs = path.resolve(dir);
      this.resolvedDirs.dirs.set(dir, abs);
    }
    const name = path.basename(file);
    return name === '' || abs.endsWith(path.sep) ? abs + name : abs + path.sep + name;
  }

  /** Refs of the corpus rules of a vendor with this id (case-insensitive). */
  private lastIdRefs: { vendor: RuleModel['vendor']; id: string; refs: readonly number[] } | undefined;
  idRefs(vendor: RuleModel['vendor'], id: string): readonly number[] {
    // Asked twice per linted rule (its own entries, then the duplicate-id check): the last answer is kept.
    const last = this.lastIdRefs;
    if (last && last.id === id && last.vendor === vendor) return last.refs;
    const refs = this.lookup(idKey(vendor, id));
    this.lastIdRefs = { vendor, id, refs };
    return refs;
  }

  /** Refs of the corpus rules stored under a corpus path (`sigma/rules/…`). */
  refsOfPath(corpusPath: string): readonly number[] {
    return this.lookup(pathKey(corpusPath));
  }

  rule(ref: number): IndexedRule | undefined {
    return this.bucket(ref >> BUCKET_BITS).find((r) => r.ref === ref);
  }

  private names: readonly RuleName[] | undefined;

  /** Every rule's title and file, read without the rules' predicates (the bulk of `allRules`). */
  ruleNames(): readonly RuleName[] {
    this.names ??= this.readJson<Array<[number, Vendor, string, string]>>('names.json').map(([ref, vendor, title, file]) => ({ ref, vendor, title, file }));
    return this.names;
  }

  /** Every rule of the corpus (gaps, site): reads all buckets. */
  allRules(): IndexedRule[] {
    const count = Math.ceil(this.manifest.ruleCount / (1 << BUCKET_BITS));
    const out: IndexedRule[] = [];
    for (let b = 0; b < count; b++) out.push(...this.bucket(b));
    return out;
  }

  private lookupTable: RefTable | undefined;

  private lookup(key: string): readonly number[] {
    this.lookupTable ??= new RefTable(readFileSync(path.join(this.dir, 'lookup.bin')));
    const [hi, lo] = hashPair(key, 0);
    return this.lookupTable.refs(hi, lo, 0);
  }

  private bucket(b: number): IndexedRule[] {
    let bucket = this.buckets.get(b);
    if (!bucket) {
      const rel = path.join('r', `${b}.json`);
      bucket = existsSync(path.join(this.dir, rel)) ? this.readJson<StoredRule[]>(rel).map(decodeRule) : [];
      this.buckets.set(b, bucket);
    }
    return bucket;
  }

  private readJson<T>(rel: string): T {
    return JSON.parse(readFileSync(path.join(this.dir, rel), 'utf8')) as T;
  }
}
