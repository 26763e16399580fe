import type { Location, SourceText } from './location.js';
import type { Logic } from './logic.js';

/** The three rule formats lint-rule reads. */
export type Vendor = 'sigma' | 'elastic' | 'splunk';

/** The query language a rule's detection logic is written in. */
export type QueryLanguage = 'sigma' | 'kuery' | 'eql' | 'esql' | 'lucene' | 'spl' | 'none';

/** The operators every vendor's comparisons are mapped onto. */
export const OPERATORS = [
  'eq', 'ne', 'in', 'contains', 'starts_with', 'ends_with', 'wildcard', 'regex_match', 'match',
  'cidr', 'is_null', 'is_not_null', 'lt', 'lte', 'gt', 'gte',
] as const;
export type Operator = (typeof OPERATORS)[number];

/**
 * What a predicate does for the rule:
 * - `indicator`: part of what the rule looks for;
 * - `exclusion`: under a NOT at the top level of the detection logic (a false-positive filter);
 * - `scope`: only selects the telemetry (EventID, Channel, event.category, index, EventCode …).
 */
export type Role = 'indicator' | 'exclusion' | 'scope';

export type PredicateValue = string | number | boolean | null;

/** One comparison of the detection logic: (canonical field, operator, value) with its role and place. */
export interface Predicate {
  /** Canonical field name (ECS-style), e.g. `process.executable`. */
  field: string;
  /** The field as the rule spells it, e.g. `Image`, `Processes.process_path`. Empty for field-less keywords. */
  fieldAsWritten: string;
  operator: Operator;
  /**
   * The literal value, decoded from the query syntax (escapes resolved). Wildcard
   * values keep `*` and `?` (operator `wildcard`); regexes keep their source;
   * `is_null`/`is_not_null` have null.
   */
  value: PredicateValue;
  role: Role;
  /** Where the value sits (or the whole comparison, for query languages). */
  loc: Location;
  /** Where the field name sits, when it is apart from the value (Sigma keys). */
  fieldLoc?: Location;
  /** Whether the comparison is case-sensitive (Sigma `cased`, EQL `==`, …). */
  caseSensitive?: boolean;
  /** Vendor detail kept for checks that need it: Sigma modifiers, EQL function name, … */
  modifiers?: readonly string[];
  /** The named group the predicate sits in: Sigma selection, EQL sequence step, SPL command. */
  group?: string;
  /** Under a NOT that is not a top-level exclusion: the rule wants this comparison to be false. */
  negated?: boolean;
}

/** An ATT&CK technique as the rule names it. */
export interface TechniqueRef {
  /** Upper-cased id as written, e.g. `T1059.001`. */
  id: string;
  /** The text as written (`attack.t1059.001`, `T1059.001`). */
  written: string;
  /** Name as written, where the format carries one (Elastic). */
  name?: string;
  /** Tactics the rule files this technique under, where the format nests them (Elastic threat blocks). */
  tactics?: TacticRef[];
  loc: Location;
}

/** An ATT&CK tactic as the rule names it: by id (TA0005), shortname (`stealth`) or both. */
export interface TacticRef {
  id?: string;
  shortname?: string;
  name?: string;
  written: string;
  loc: Location;
}

/** A telemetry event from the event catalog that the rule reads, e.g. `sysmon:1`. */
export interface EventRef {
  key: string;
  /** What in the rule led to it: `logsource windows/process_creation`, `event.category:process`, `datamodel Endpoint.Processes`. */
  via: string;
}

export type Severity = 'error' | 'warn';

/** A problem found while parsing: bad YAML, an unparseable query, an unknown modifier. */
export interface ParseProblem {
  /** The check id the problem is reported under, e.g. `parse-error`, `sigma-modifier-unknown`. */
  checkId: string;
  message: string;
  loc: Location;
  severity: Severity;
  /** A fatal problem means the file could not be turned into a rule model at all. */
  fatal?: boolean;
}

/**
 * The vendor-neutral form of one rule. Checks read this; vendor-specific
 * checks may also read `doc`, the vendor's own parsed document.
 */
export interface RuleModel<Doc = unknown> {
  vendor: Vendor;
  /** Path as given on the command line (or relative to the corpus root in the index). */
  file: string;
  source: SourceText;
  /** Index of the document in a multi-document file (0 for most files). */
  documentIndex: number;
  id?: string;
  title?: string;
  language: QueryLanguage;
  techniques: TechniqueRef[];
  /** Tactics named by the rule outside technique blocks (Sigma `attack.<tactic>` tags), or all of them. */
  tactics: TacticRef[];
  events: EventRef[];
  predicates: Predicate[];
  /** Where the detection logic sits, for problems about the rule as a whole. */
  detectionLoc: Location;
  /** Where the rule's title/name sits. */
  titleLoc: Location;
  /** The vendor's parsed document (SigmaDocument, ElasticRuleDocument, SplunkDetectionDocument). */
  doc: Doc;
  /** The detection logic the predicates came from, its spans in file offsets (checks that reason about AND/OR/NOT read it). */
  logic?: Logic;
  /** A rule that does not detect on its own (a Sigma global filter): technique and corpus checks skip it, the index leaves it out. */
  meta?: boolean;
  /** The field names valid for what this rule reads (its logsource, index or data source), computed on demand. */
  knownFields?: () => KnownFields | undefined;
}

/** A list of valid field names and where it comes from. */
export interface KnownFields {
  names: readonly string[];
  /** For messages: `the Sigma logsource windows/process_creation`, `ECS 9.5.0`. */
  source: string;
  /** Whether a field is valid, when that is more than membership in `names` (ECS: a shared list plus fields no schema can judge). */
  has?: (name: string) => boolean;
}

/** Everything read from one file: zero or more rules and the parse problems. */
export interface ParsedFile {
  file: string;
  vendor: Vendor | undefined;
  source: SourceText;
  rules: RuleModel[];
  problems: ParseProblem[];
}
