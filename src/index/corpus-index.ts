import type { Operator, Role, RuleModel, Vendor } from '../model/rule.js';
import type { Digest } from './fingerprint.js';

/** One predicate of an indexed rule, deduplicated per rule by (key, role). */
export interface IndexedPredicate {
  /** Normalised row key (src/model/normalize.ts). */
  key: string;
  role: Role;
  /** The canonical field and common operator as the rule maps them, before normalisation (for the "How" column). */
  field: string;
  operator: Operator;
  /** The value as written (decoded), for samples. */
  value: string;
  /** The field as the rule spells it, so snippets can reuse a vendor's own spelling. */
  written: string;
  negated?: boolean;
}

/** A corpus rule as the index keeps it. */
export interface IndexedRule {
  ref: number;
  vendor: Vendor;
  title: string;
  id?: string;
  /** Path relative to its corpus root, prefixed by the root's folder name (`sigma/rules/…`). */
  file: string;
  techniques: string[];
  events: string[];
  predicates: IndexedPredicate[];
}

export interface RuleSummary {
  ref: number;
  vendor: Vendor;
  title: string;
  id?: string;
  file: string;
  events: string[];
}

export interface EventRow {
  key: string;
  rules: number;
}

export interface FieldRow {
  field: string;
  rules: number;
  /** Operator → number of rules using it on this field. */
  operators: Partial<Record<Operator, number>>;
  samples: string[];
}

export interface ValueRow {
  key: string;
  field: string;
  operator: Operator;
  value: string;
  /** Rules under the technique (and event, where asked) with this row. */
  rules: number;
  /** Rules across the whole corpus using it as an indicator (set where the caller asked for it). */
  reach?: number;
  refs: number[];
  /** The row as one rule of each vendor writes it (canonical field, operator, value with its casing), for snippets. */
  examples: Partial<Record<Vendor, RowExample>>;
}

export interface RowExample {
  field: string;
  /** The field as that vendor's rule spells it (`ImageLoaded`, `Processes.process_name`). */
  written: string;
  operator: Operator;
  value: string;
}

/** What the catalog page shows for one technique. */
export interface TechniqueAggregate {
  technique: string;
  ruleCount: number;
  rules: RuleSummary[];
  events: EventRow[];
  fields: FieldRow[];
  indicators: ValueRow[];
  exclusions: ValueRow[];
}

/** Exclusions shared by rules of one technique that read one event. */
export interface TechniqueEventAggregate {
  technique: string;
  event: string;
  ruleCount: number;
  /** The rules counted. */
  refs: number[];
  exclusions: ValueRow[];
}

/** Refs of corpus rules to leave out of the aggregates (the linted rule's own entries). */
export type Exclude = ReadonlySet<number>;

/** A rule's title and file, for what needs every rule's but not their predicates (the stored index's names.json). */
export type RuleName = Pick<IndexedRule, 'ref' | 'vendor' | 'title' | 'file'>;

/** A corpus rule's predicates as rule similarity compares them: its distinct indicator keys and exclusion keys (scope left out). */
export interface SimilarityKeys {
  ref: number;
  vendor: Vendor;
  indicators: readonly string[];
  exclusions: readonly string[];
}

export interface CorpusIndex {
  readonly ruleCount: number;
  /** Folder names of the corpus roots, e.g. ['sigma', 'elastic']. */
  readonly roots: readonly string[];
  /** Techniques with at least one rule, with rule counts. */
  techniques(): ReadonlyMap<string, number>;
  /** The corpus rules under a technique. */
  rulesOf(technique: string): readonly IndexedRule[];
  /** Each rule's indicator keys (not negated) under a technique: what rules use together, cheaply. */
  indicatorKeys(technique: string): ReadonlyArray<{ ref: number; keys: readonly string[] }>;
  /** Each rule's similarity keys under a technique, in the order of `rulesOf`, without the rules' bodies. */
  similarityKeys(technique: string): readonly SimilarityKeys[];
  aggregate(technique: string, exclude?: Exclude): TechniqueAggregate;
  aggregateForEvent(technique: string, event: string, exclude?: Exclude): TechniqueEventAggregate;
  /** The indicators the technique's rules use with `key` and that narrow it, most used first (see StoredIndex). */
  companions(technique: string, key: string, exclude?: Exclude): Array<[string, number]> | undefined;
  /** Refs of the technique's rules whose detection fingerprint has this digest (`detectionDigest` in src/index/fingerprint.ts). */
  sameFingerprint(technique: string, digest: Digest): number[];
  /** Corpus reach of a normalised predicate key: rules using it as an indicator. */
  reach(key: string, exclude?: Exclude): number;
  /** The corpus entries that are this rule (same file, or same vendor and rule id). */
  selfRefs(rule: RuleModel): Exclude;
  /** The corpus entries stored from the rule's own file. */
  fileRefs(rule: RuleModel): readonly number[];
  /** The corpus rules of a vendor with this id (case-insensitive). */
  idRefs(vendor: Vendor, id: string): readonly number[];
  rule(ref: number): IndexedRule | undefined;
  /** Every rule's title and file, without its predicates (duplicate titles and file names). */
  ruleNames(): readonly RuleName[];
}
