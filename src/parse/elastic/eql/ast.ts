import type { Span } from '../../../model/location.js';

/**
 * The syntax tree of an EQL query. Every node carries the span it covers in
 * the query text (half-open UTF-16 offsets). Parentheses are not nodes: a
 * parenthesised expression's span takes in its parentheses.
 */
export type EqlQuery = EqlEventQuery | EqlSequenceQuery | EqlSampleQuery | EqlJoinQuery;

interface EqlQueryBase {
  span: Span;
  /** `| head 5`, `| filter …`, in the order written. */
  pipes: EqlPipe[];
}

/** `process where …` */
export interface EqlEventQuery extends EqlQueryBase {
  kind: 'event';
  event: EqlEventFilter;
}

/** `sequence [by …] [with maxspan=…] [step] [step] … [until [step]]` */
export interface EqlSequenceQuery extends EqlQueryBase {
  kind: 'sequence';
  /** Join keys shared by every step (`sequence by host.id`). */
  by: EqlExpr[];
  maxspan: EqlTimeSpan | null;
  steps: EqlStep[];
  until: EqlStep | null;
}

/** `sample by … [step] [step] …` */
export interface EqlSampleQuery extends EqlQueryBase {
  kind: 'sample';
  by: EqlExpr[];
  steps: EqlStep[];
}

/** Legacy `join [by …] [step] [step] … [until [step]]` (python-eql). */
export interface EqlJoinQuery extends EqlQueryBase {
  kind: 'join';
  by: EqlExpr[];
  steps: EqlStep[];
  until: EqlStep | null;
}

/** One bracketed subquery of a sequence, sample or join, with its own join keys. */
export interface EqlStep {
  kind: 'step';
  event: EqlEventFilter;
  by: EqlExpr[];
  /** `![…]`: a missing event, the sequence matches only when no such event occurs. */
  missing: boolean;
  /** `with runs=N`: the step must match N consecutive events. */
  runs: { value: number; span: Span } | null;
  /** From the opening bracket through the last `by`/`with` clause. */
  span: Span;
}

/** `<category> where <condition>` */
export interface EqlEventFilter {
  kind: 'filter';
  category: EqlCategory;
  where: EqlExpr;
  span: Span;
}

export interface EqlCategory {
  /** `process`, `network`, `any`, … (unquoted). */
  name: string;
  /** Written as a string (`"process" where …`). */
  quoted: boolean;
  span: Span;
}

/** `maxspan=5m` */
export interface EqlTimeSpan {
  value: number;
  /** `ms`, `s`, `m`, `h`, `d`, or '' when none was written. */
  unit: string;
  /** The duration in milliseconds, or null for an unknown unit. */
  milliseconds: number | null;
  span: Span;
}

export interface EqlPipe {
  kind: 'pipe';
  /** `head`, `tail`, `filter`, `unique`, `unique_count`, `count`, `sort`, … */
  name: string;
  nameSpan: Span;
  args: EqlExpr[];
  /** From the `|` through the last argument. */
  span: Span;
}

export type EqlExpr =
  | EqlLogical
  | EqlNot
  | EqlComparison
  | EqlMatch
  | EqlIn
  | EqlCall
  | EqlField
  | EqlArithmetic
  | EqlNegation
  | EqlRelationship
  | EqlLiteral;

export type EqlLiteral = EqlString | EqlNumber | EqlBoolean | EqlNull;

export interface EqlLogical {
  kind: 'and' | 'or';
  /** Two or more operands; a chain `a and b and c` is one node. */
  items: EqlExpr[];
  span: Span;
}

export interface EqlNot {
  kind: 'not';
  operand: EqlExpr;
  span: Span;
}

export type EqlComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';

export interface EqlComparison {
  kind: 'compare';
  operator: EqlComparisonOperator;
  operatorSpan: Span;
  left: EqlExpr;
  right: EqlExpr;
  span: Span;
}

export type EqlMatchOperator = ':' | 'like' | 'like~' | 'regex' | 'regex~';

/** `f : "x"`, `f like~ ("a*", "b*")`, `f regex """…"""`: the right side is always literal. */
export interface EqlMatch {
  kind: 'match';
  operator: EqlMatchOperator;
  operatorSpan: Span;
  left: EqlExpr;
  values: EqlLiteral[];
  /** Written as a parenthesised list, even of one value. */
  list: boolean;
  span: Span;
}

/** `f in ("a", "b")`, `f in~ (…)`, `f not in (…)` */
export interface EqlIn {
  kind: 'in';
  operator: 'in' | 'in~';
  operatorSpan: Span;
  negated: boolean;
  left: EqlExpr;
  values: EqlExpr[];
  span: Span;
}

export interface EqlCall {
  kind: 'call';
  /** As written, without the `~`. */
  name: string;
  /** `startsWith~(…)`: the case-insensitive variant. */
  caseInsensitive: boolean;
  nameSpan: Span;
  args: EqlExpr[];
  span: Span;
}

export interface EqlField {
  kind: 'field';
  /** The field path without `?` and backquotes: `process.args[0]`, `kubernetes.audit.user.extra.x/y`. */
  name: string;
  /** `?field`: absent in some data sources, compared as null there. */
  optional: boolean;
  span: Span;
}

export interface EqlArithmetic {
  kind: 'arith';
  operator: '+' | '-' | '*' | '/' | '%';
  left: EqlExpr;
  right: EqlExpr;
  span: Span;
}

/** Unary minus on anything but a number literal (which is folded into the literal). */
export interface EqlNegation {
  kind: 'negate';
  operand: EqlExpr;
  span: Span;
}

/** python-eql process relationships: `descendant of [process where …]`, `child of`, `event of`. */
export interface EqlRelationship {
  kind: 'relationship';
  relation: string;
  event: EqlEventFilter;
  span: Span;
}

/** How a string literal was written; `raw` and `triple` keep backslashes as they are. */
export type EqlStringStyle = 'double' | 'single' | 'triple' | 'raw';

export interface EqlString {
  kind: 'string';
  /** Decoded: escapes resolved, quotes removed. */
  value: string;
  style: EqlStringStyle;
  span: Span;
}

export interface EqlNumber {
  kind: 'number';
  value: number;
  span: Span;
}

export interface EqlBoolean {
  kind: 'boolean';
  value: boolean;
  span: Span;
}

export interface EqlNull {
  kind: 'null';
  span: Span;
}
