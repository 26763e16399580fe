import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RuleModel } from '../model/rule.js';
import { aggregateTechnique, aggregateTechniqueEvent } from './aggregate.js';
import type { CorpusIndex, Exclude, IndexedRule, TechniqueAggregate, TechniqueEventAggregate } from './corpus-index.js';

/** Bumped whenever the stored shape or the meaning of a row changes. */
export const INDEX_FORMAT = 4;
const REACH_SHARDS = 64;
const BUCKET_BITS = 8;

interface Manifest {
  format: number;
  key: string;
  builtAt: string;
  roots: string[];
  rootPaths: string[];
  ruleCount: number;
  skipped: number;
  techniques: Record<string, number>;
  /** Corpus path (`sigma/rules/…`) → refs of the rules in that file. */
  paths: Record<string, number[]>;
  /** `<vendor>:<rule id>` → refs. */
  ids: Record<string, number[]>;
}

/**
 * The index on disk is sharded so that linting one file reads only what it
 * needs: the manifest, the shards of the draft's techniques, and the reach
 * shards of its predicate keys — a few hundred KB rather than the whole corpus.
 *   manifest.json            counts, technique list, path and id lookups
 *   t/<technique>.json       the rules under a technique
 *   r/<bucket>.json          rules by ref (256 per bucket), for lookups by ref
 *   reach/<nn>.json          indicator key → number of rules using it
 */
export function writeIndex(dir: string, key: string, rootPaths: readonly string[], rules: readonly IndexedRule[], skipped: number): void {
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(path.join(tmp, 't'), { recursive: true });
  mkdirSync(path.join(tmp, 'r'), { recursive: true });
  mkdirSync(path.join(tmp, 'reach'), { recursive: true });

  const byTechnique = new Map<string, IndexedRule[]>();
  const paths: Record<string, number[]> = {};
  const ids: Record<string, number[]> = {};
  const reach: Array<Record<string, number>> = Array.from({ length: REACH_SHARDS }, () => ({}));
  const buckets: IndexedRule[][] = [];
  for (const r of rules) {
    for (const t of r.techniques) {
      const list = byTechnique.get(t);
      if (list) list.push(r);
      else byTechnique.set(t, [r]);
    }
    (paths[r.file] ??= []).push(r.ref);
    if (r.id) (ids[`${r.vendor}:${r.id.toLowerCase()}`] ??= []).push(r.ref);
    for (const p of r.predicates) {
      if (p.role !== 'indicator' || p.negated) continue;
      const shard = reach[reachShard(p.key)] as Record<string, number>;
      shard[p.key] = (shard[p.key] ?? 0) + 1;
    }
    (buckets[r.ref >> BUCKET_BITS] ??= []).push(r);
  }
  const techniques: Record<string, number> = {};
  for (const [t, list] of byTechnique) {
    techniques[t] = list.length;
    writeFileSync(path.join(tmp, 't', `${t}.json`), JSON.stringify(list));
  }
  buckets.forEach((b, i) => writeFileSync(path.join(tmp, 'r', `${i}.json`), JSON.stringify(b ?? [])));
  reach.forEach((shard, i) => writeFileSync(path.join(tmp, 'reach', `${i}.json`), JSON.stringify(shard)));
  const manifest: Manifest = {
    format: INDEX_FORMAT,
    key,
    builtAt: new Date().toISOString(),
    roots: rootPaths.map((p) => path.basename(p)),
    rootPaths: [...rootPaths],
    ruleCount: rules.length,
    skipped,
    techniques,
    paths,
    ids,
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

export function reachShard(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % REACH_SHARDS;
}

/** Opens a stored index; undefined when the folder holds no finished build of this format. */
export function openStoredIndex(dir: string): StoredIndex | undefined {
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file)) return undefined;
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    if (manifest.format !== INDEX_FORMAT) return undefined;
    return new StoredIndex(dir, manifest);
  } catch {
    return undefined;
  }
}

export class StoredIndex implements CorpusIndex {
  private readonly techniqueRules = new Map<string, IndexedRule[]>();
  private readonly reachShards = new Map<number, Record<string, number>>();
  private readonly buckets = new Map<number, IndexedRule[]>();

  constructor(
    private readonly dir: string,
    private readonly manifest: Manifest,
  ) {}

  get ruleCount(): number {
    return this.manifest.ruleCount;
  }

  get roots(): readonly string[] {
    return this.manifest.roots;
  }

  get skipped(): number {
    return this.manifest.skipped;
  }

  techniques(): ReadonlyMap<string, number> {
    return new Map(Object.entries(this.manifest.techniques));
  }

  rulesOf(technique: string): readonly IndexedRule[] {
    let list = this.techniqueRules.get(technique);
    if (!list) {
      list = this.manifest.techniques[technique] ? this.readJson<IndexedRule[]>(path.join('t', `${technique}.json`)) : [];
      this.techniqueRules.set(technique, list);
    }
    return list;
  }

  aggregate(technique: string, exclude?: Exclude): TechniqueAggregate {
    return aggregateTechnique(technique, this.rulesOf(technique), (k) => this.reach(k, exclude), exclude);
  }

  aggregateForEvent(technique: string, event: string, exclude?: Exclude): TechniqueEventAggregate {
    return aggregateTechniqueEvent(technique, event, this.rulesOf(technique), exclude);
  }

  reach(key: string, exclude?: Exclude): number {
    const shardNo = reachShard(key);
    let shard = this.reachShards.get(shardNo);
    if (!shard) {
      shard = this.readJson<Record<string, number>>(path.join('reach', `${shardNo}.json`));
      this.reachShards.set(shardNo, shard);
    }
    let n = shard[key] ?? 0;
    if (exclude) {
      for (const ref of exclude) {
        if (this.rule(ref)?.predicates.some((p) => p.key === key && p.role === 'indicator' && !p.negated)) n--;
      }
    }
    return Math.max(0, n);
  }

  selfRefs(rule: RuleModel): Exclude {
    const refs = new Set<number>();
    const abs = path.resolve(rule.file);
    for (const rootPath of this.manifest.rootPaths) {
      const rel = path.relative(rootPath, abs);
      if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
      const key = `${path.basename(rootPath)}/${rel.split(path.sep).join('/')}`;
      for (const ref of this.manifest.paths[key] ?? []) refs.add(ref);
    }
    if (rule.id) for (const ref of this.manifest.ids[`${rule.vendor}:${rule.id.toLowerCase()}`] ?? []) refs.add(ref);
    return refs;
  }

  rule(ref: number): IndexedRule | undefined {
    return this.bucket(ref >> BUCKET_BITS).find((r) => r.ref === ref);
  }

  /** Every rule of the corpus (gaps, site): reads all buckets. */
  allRules(): IndexedRule[] {
    const count = Math.ceil(this.manifest.ruleCount / (1 << BUCKET_BITS));
    const out: IndexedRule[] = [];
    for (let b = 0; b < count; b++) out.push(...this.bucket(b));
    return out;
  }

  private bucket(b: number): IndexedRule[] {
    let bucket = this.buckets.get(b);
    if (!bucket) {
      const rel = path.join('r', `${b}.json`);
      bucket = existsSync(path.join(this.dir, rel)) ? this.readJson<IndexedRule[]>(rel) : [];
      this.buckets.set(b, bucket);
    }
    return bucket;
  }

  private readJson<T>(rel: string): T {
    return JSON.parse(readFileSync(path.join(this.dir, rel), 'utf8')) as T;
  }
}
