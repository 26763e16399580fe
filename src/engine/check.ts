import type { AttackData } from '../attack/index.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import type { Location } from '../model/location.js';
import type { RuleModel, Vendor } from '../model/rule.js';

export type SeverityName = 'off' | 'warn' | 'error';

/** A JSON schema for a check's options (validated with ajv when the config is loaded). */
export type OptionsSchema = Record<string, unknown>;

/** Everything a check declares about itself; docs pages and SARIF rules are generated from it. */
export interface CheckMeta {
  id: string;
  /** One sentence, shown by `lint-rule rules` and as SARIF shortDescription. */
  description: string;
  /** Severity when the check is on in the `recommended` preset (or `strict` if it is not recommended). */
  defaultSeverity: Exclude<SeverityName, 'off'>;
  /** Part of the `recommended` preset. `strict` turns on every check. */
  recommended: boolean;
  /** Vendors the check applies to; undefined means all (it works on the common model). */
  vendors?: readonly Vendor[];
  /** Options: JSON schema of the options object and its defaults. */
  schema?: OptionsSchema;
  defaultOptions?: Readonly<Record<string, unknown>>;
  /** Markdown body of docs/rules/<id>.md: what it finds, why it matters, how to fix. */
  docs: string;
  /** The check can fix what it reports with `--fix`. */
  fixable?: boolean;
  /** The check offers suggestions (judgement calls) in the JSON output. */
  hasSuggestions?: boolean;
  /** Problems of this id are reported by a parser, not by `check` (parse-time checks). */
  reportedByParser?: boolean;
  /** Reads the corpus index: the CLI opens (or builds) it before linting when such a check is on. */
  usesCorpus?: boolean;
}

/** A text edit: replace the file's text in [start, end) with `text`. */
export interface Fix {
  range: [number, number];
  text: string;
}

export interface Suggestion {
  description: string;
  /** Text to paste (a filter block in the rule's own language). */
  snippet?: string;
  fix?: Fix;
}

export interface ProblemReport {
  message: string;
  loc: Location;
  fix?: Fix | Fix[];
  suggestions?: Suggestion[];
}

/** What a check sees while it runs on one rule. */
export interface CheckContext<Options = Record<string, unknown>> {
  readonly options: Options;
  readonly rule: RuleModel;
  report(problem: ProblemReport): void;
  /** The ATT&CK table (loaded on first use). */
  attack(): AttackData;
  /** The corpus index, or undefined when no corpus is configured or it cannot be read. */
  index(): CorpusIndex | undefined;
  /** Per-vendor settings from the config (`settings:`), e.g. Splunk macro folder. */
  readonly settings: Readonly<Record<string, unknown>>;
}

/**
 * What one rule contributes to a cross-file check (duplicate ids, titles,
 * detections): facts with the same key are compared with each other. Facts
 * are plain data, so files can be linted in worker threads and compared in
 * the main one, without keeping every parsed rule in memory.
 */
export interface ProjectFact {
  key: string;
  loc: Location;
  /** JSON-serialisable detail the comparison needs. */
  data?: unknown;
}

/** A fact with the rule and file it came from. */
export interface CollectedFact extends ProjectFact {
  file: string;
  vendor: Vendor;
  title?: string;
  ruleId?: string;
}

/** What a project-wide pass sees: the facts every linted rule contributed. */
export interface ProjectContext<Options = Record<string, unknown>> {
  readonly options: Options;
  readonly facts: readonly CollectedFact[];
  report(fact: CollectedFact, problem: { message: string; loc?: Location }): void;
  attack(): AttackData;
  index(): CorpusIndex | undefined;
  readonly settings: Readonly<Record<string, unknown>>;
}

/** One check: a module under src/rules/ exporting this as default. */
export interface Check<Options = Record<string, unknown>> {
  meta: CheckMeta;
  /** Runs on one rule. */
  check?(rule: RuleModel, context: CheckContext<Options>): void;
  /** Collects what this rule contributes to the cross-file comparison. */
  collect?(rule: RuleModel, context: CheckContext<Options>): ProjectFact[] | undefined;
  /** Runs once after every file was linted, over the facts `collect` gathered (duplicates across files, …). */
  checkProject?(context: ProjectContext<Options>): void;
}

/** Helps write a check with typed options without casts at the call site. */
export function defineCheck<Options = Record<string, unknown>>(check: Check<Options>): Check<Options> {
  return check;
}
