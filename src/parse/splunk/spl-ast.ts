import type { Span } from '../../model/location.js';

/*
 * The syntax tree of an SPL search. Every node carries its span in the
 * coordinates of the text given to `parseSpl` (after macro expansion, when the
 * caller expanded macros first).
 */

/** A field name, value or other word as written: `decoded` has quotes and escapes resolved. */
export interface SplWord {
  text: string;
  span: Span;
  /** Whether any part of the word was in double quotes. */
  quoted: boolean;
  /** Set when the word is an unexpanded backtick macro call (its text is the call as written). */
  macro?: SplMacroRef;
}

/** A `key=value` option such as `summariesonly=t` or `span=1h`. */
export interface SplOption {
  name: string;
  value: SplWord;
  span: Span;
}

/** A backtick macro call left in the text because no definition was found for it. */
export interface SplMacroRef {
  name: string;
  args: string[];
  span: Span;
}

// ---------------------------------------------------------------- search expressions

export type SearchCompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type SearchExpr =
  | SearchAnd
  | SearchOr
  | SearchNot
  | SearchCompare
  | SearchIn
  | SearchTerm
  | SearchMacro
  | SearchSubsearch;

export interface SearchAnd {
  kind: 'and';
  items: SearchExpr[];
  span: Span;
}

export interface SearchOr {
  kind: 'or';
  items: SearchExpr[];
  span: Span;
}

export interface SearchNot {
  kind: 'not';
  item: SearchExpr;
  span: Span;
}

/** `field=value`, `field!=value`, `field<value` … */
export interface SearchCompare {
  kind: 'compare';
  field: SplWord;
  op: SearchCompareOp;
  value: SplWord;
  span: Span;
}

/** `field IN (a, b, "c")` */
export interface SearchIn {
  kind: 'in';
  field: SplWord;
  values: SplWord[];
  span: Span;
}

/** A free-text keyword or quoted phrase. */
export interface SearchTerm {
  kind: 'term';
  value: SplWord;
  span: Span;
}

export interface SearchMacro {
  kind: 'macro';
  macro: SplMacroRef;
  span: Span;
}

/** `[ search … ]` inside a search expression. */
export interface SearchSubsearch {
  kind: 'subsearch';
  pipeline: SplPipeline;
  span: Span;
}

// ---------------------------------------------------------------- eval expressions

export type EvalBinaryOp =
  | 'OR' | 'XOR' | 'AND'
  | '=' | '==' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE'
  | '+' | '-' | '.' | '*' | '/' | '%';

export type EvalExpr =
  | EvalBinary
  | EvalUnary
  | EvalCall
  | EvalIn
  | EvalField
  | EvalString
  | EvalNumber
  | EvalMacro
  | EvalSubsearch;

export interface EvalBinary {
  kind: 'binary';
  op: EvalBinaryOp;
  left: EvalExpr;
  right: EvalExpr;
  span: Span;
}

export interface EvalUnary {
  kind: 'unary';
  op: 'NOT' | '-' | '+';
  operand: EvalExpr;
  span: Span;
}

/** A function call: `like(f, "a%")`, `isnull(x)`, `if(c, a, b)`. `name` is lower-cased. */
export interface EvalCall {
  kind: 'call';
  name: string;
  nameSpan: Span;
  args: EvalExpr[];
  span: Span;
}

/** `f IN ("a", "b")` or `f NOT IN (…)`. */
export interface EvalIn {
  kind: 'in';
  operand: EvalExpr;
  values: EvalExpr[];
  negated: boolean;
  span: Span;
}

export interface EvalField {
  kind: 'field';
  name: string;
  /** Written in single quotes (`'my field'`). */
  quoted: boolean;
  span: Span;
}

export interface EvalString {
  kind: 'string';
  value: string;
  span: Span;
}

export interface EvalNumber {
  kind: 'number';
  value: number;
  raw: string;
  span: Span;
}

export interface EvalMacro {
  kind: 'macro';
  macro: SplMacroRef;
  span: Span;
}

export interface EvalSubsearch {
  kind: 'subsearch';
  pipeline: SplPipeline;
  span: Span;
}

// ---------------------------------------------------------------- commands

/** An aggregation of stats/tstats/chart…: `count`, `values(Processes.process) as process`, `count(eval(x>1))`. */
export interface SplAggregation {
  /** Function name, lower-cased (`count`, `values`, `dc`, `min`, `perc95` …). */
  fn: string;
  fnSpan: Span;
  /** The field argument, when it is a field (possibly with `*`). */
  field?: SplWord;
  /** The argument when it is `eval(…)`. */
  evalArg?: EvalExpr;
  as?: SplWord;
  span: Span;
}

/** A `by` field; `span=` and other options between the fields are kept on the command. */
export type SplByField = SplWord;

export interface SplFieldAlias {
  field: SplWord;
  as?: SplWord;
  span: Span;
}

interface CommandBase {
  /** The command as written, lower-cased (`search` for the implicit base search). */
  name: string;
  /** Span of the command name; empty for the implicit base search. */
  nameSpan: Span;
  span: Span;
}

export interface SearchCommand extends CommandBase {
  kind: 'search';
  /** The implicit search at the start of a pipeline (no `search` keyword). */
  implicit: boolean;
  expr: SearchExpr | null;
}

export interface TstatsCommand extends CommandBase {
  kind: 'tstats';
  options: SplOption[];
  aggregations: SplAggregation[];
  /** `from datamodel=Model.Dataset` (dataset also taken from `where nodename=…`). */
  datamodel?: SplDatamodelRef;
  /** `from <namespace>` that is not a data model. */
  fromNamespace?: SplWord;
  where: SearchExpr | null;
  by: SplByField[];
}

export interface SplDatamodelRef {
  model: string;
  modelSpan: Span;
  dataset?: string;
  datasetSpan?: Span;
  /** The whole `Model.Dataset` word. */
  span: Span;
}

export interface FromCommand extends CommandBase {
  kind: 'from';
  datamodel?: SplDatamodelRef;
  dataset?: SplWord;
}

export interface WhereCommand extends CommandBase {
  kind: 'where';
  expr: EvalExpr | null;
}

export interface EvalAssignment {
  field: SplWord;
  expr: EvalExpr | null;
  span: Span;
}

export interface EvalCommand extends CommandBase {
  kind: 'eval';
  assignments: EvalAssignment[];
}

/** stats, eventstats, streamstats, chart, timechart, sistats … */
export interface StatsCommand extends CommandBase {
  kind: 'stats';
  options: SplOption[];
  aggregations: SplAggregation[];
  /** chart's `over` field. */
  over?: SplWord;
  by: SplByField[];
}

export interface RenameCommand extends CommandBase {
  kind: 'rename';
  pairs: { from: SplWord; to: SplWord; span: Span }[];
}

/** table, fields */
export interface FieldListCommand extends CommandBase {
  kind: 'fields';
  /** `fields - a b` */
  remove: boolean;
  fields: SplWord[];
}

export interface LookupCommand extends CommandBase {
  kind: 'lookup';
  options: SplOption[];
  table?: SplWord;
  inputs: SplFieldAlias[];
  outputMode?: 'OUTPUT' | 'OUTPUTNEW';
  outputs: SplFieldAlias[];
}

export interface InputlookupCommand extends CommandBase {
  kind: 'inputlookup';
  options: SplOption[];
  table?: SplWord;
  where: SearchExpr | null;
}

export interface DedupCommand extends CommandBase {
  kind: 'dedup';
  options: SplOption[];
  count?: number;
  fields: SplWord[];
  sortby: { field: SplWord; descending: boolean }[];
}

export interface SortCommand extends CommandBase {
  kind: 'sort';
  limit?: number;
  fields: { field: SplWord; descending: boolean; fn?: string }[];
}

export interface HeadCommand extends CommandBase {
  kind: 'head';
  options: SplOption[];
  limit?: number;
  expr: EvalExpr | null;
}

export interface RexCommand extends CommandBase {
  kind: 'rex';
  options: SplOption[];
  /** The `field=` option, `_raw` when absent. */
  field?: SplWord;
  regex?: SplWord;
  /** Named groups `(?<name>…)` of the regex: fields the command creates (not in sed mode). */
  groups: { name: string; span: Span }[];
}

export interface RegexCommand extends CommandBase {
  kind: 'regex';
  field?: SplWord;
  negated: boolean;
  regex?: SplWord;
}

export interface BinCommand extends CommandBase {
  kind: 'bin';
  options: SplOption[];
  field?: SplWord;
  as?: SplWord;
}

export interface JoinCommand extends CommandBase {
  kind: 'join';
  options: SplOption[];
  fields: SplWord[];
  subsearch: SplPipeline | null;
}

/** append, appendpipe, appendcols */
export interface AppendCommand extends CommandBase {
  kind: 'append';
  options: SplOption[];
  subsearch: SplPipeline | null;
}

export interface MakemvCommand extends CommandBase {
  kind: 'makemv';
  options: SplOption[];
  field?: SplWord;
}

export interface MvexpandCommand extends CommandBase {
  kind: 'mvexpand';
  options: SplOption[];
  field?: SplWord;
}

export interface FillnullCommand extends CommandBase {
  kind: 'fillnull';
  options: SplOption[];
  fields: SplWord[];
}

export interface ConvertCommand extends CommandBase {
  kind: 'convert';
  options: SplOption[];
  conversions: { fn: string; field: SplWord; as?: SplWord; span: Span }[];
}

export interface SpathCommand extends CommandBase {
  kind: 'spath';
  options: SplOption[];
  /** The path given positionally or as `path=`. */
  path?: SplWord;
}

/** A macro call standing as a whole command (`| \`drop_dm_object_name(Processes)\``). */
export interface MacroCommand extends CommandBase {
  kind: 'macro';
  macro: SplMacroRef;
}

/** Any other command: skipped to the next top-level `|`, its subsearches parsed where they are searches. */
export interface OtherCommand extends CommandBase {
  kind: 'other';
  /** The arguments as written. */
  args: string;
  argsSpan: Span;
}

export type SplCommand =
  | SearchCommand
  | TstatsCommand
  | FromCommand
  | WhereCommand
  | EvalCommand
  | StatsCommand
  | RenameCommand
  | FieldListCommand
  | LookupCommand
  | InputlookupCommand
  | DedupCommand
  | SortCommand
  | HeadCommand
  | RexCommand
  | RegexCommand
  | BinCommand
  | JoinCommand
  | AppendCommand
  | MakemvCommand
  | MvexpandCommand
  | FillnullCommand
  | ConvertCommand
  | SpathCommand
  | MacroCommand
  | OtherCommand;

export interface SplPipeline {
  commands: SplCommand[];
  span: Span;
}

/** The result of `parseSpl`: the top-level pipeline of a search. */
export interface SplQuery {
  pipeline: SplPipeline;
  /** The text that was parsed (spans index into it). */
  text: string;
}
