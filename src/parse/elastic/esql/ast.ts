import type { Span } from '../../../model/location.js';

/** A field (qualified name) as written; in KEEP/DROP/RENAME it may hold `*`. */
export interface EsqlField {
  kind: 'field';
  /** Backquotes resolved: `` `a.b` `` and `a.b` are both `a.b`. */
  name: string;
  span: Span;
}

export type EsqlLiteralType = 'string' | 'number' | 'boolean' | 'null' | 'timespan' | 'param';

export interface EsqlLiteral {
  kind: 'literal';
  type: EsqlLiteralType;
  /** string: decoded; number: the number; timespan: the text (`1 minute`); param: `?name`. */
  value: string | number | boolean | null;
  span: Span;
  /** string: written with `"""` (no escapes inside). */
  triple?: boolean;
}

/** `[a, b, c]` */
export interface EsqlArray {
  kind: 'array';
  items: EsqlExpr[];
  span: Span;
}

/** `{"key": value, …}`: named options of a function or command. */
export interface EsqlMap {
  kind: 'map';
  entries: { key: EsqlLiteral; value: EsqlExpr }[];
  span: Span;
}

export interface EsqlCall {
  kind: 'call';
  /** As written (`TO_LOWER`, `to_lower`). */
  name: string;
  args: EsqlExpr[];
  /** `COUNT(*)` */
  star: boolean;
  span: Span;
  nameSpan: Span;
}

export interface EsqlUnary {
  kind: 'unary';
  operator: '-' | '+';
  operand: EsqlExpr;
  span: Span;
}

export interface EsqlArithmetic {
  kind: 'arithmetic';
  operator: '+' | '-' | '*' | '/' | '%';
  left: EsqlExpr;
  right: EsqlExpr;
  span: Span;
}

export type EsqlComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | '=~';

export interface EsqlComparison {
  kind: 'compare';
  operator: EsqlComparisonOperator;
  left: EsqlExpr;
  right: EsqlExpr;
  span: Span;
}

export interface EsqlLogical {
  kind: 'and' | 'or';
  items: EsqlExpr[];
  span: Span;
}

export interface EsqlNot {
  kind: 'not';
  operand: EsqlExpr;
  span: Span;
}

/** `x [NOT] IN (a, b)` */
export interface EsqlIn {
  kind: 'in';
  negated: boolean;
  value: EsqlExpr;
  list: EsqlExpr[];
  span: Span;
}

/** `x [NOT] LIKE "p"`, `x [NOT] RLIKE "r"`, `x LIKE ("p1", "p2")` */
export interface EsqlLike {
  kind: 'like';
  operator: 'like' | 'rlike';
  negated: boolean;
  value: EsqlExpr;
  patterns: EsqlLiteral[];
  span: Span;
}

/** `x IS [NOT] NULL` */
export interface EsqlIsNull {
  kind: 'is_null';
  negated: boolean;
  value: EsqlExpr;
  span: Span;
}

/** `field : "query"` (full-text match operator) */
export interface EsqlMatch {
  kind: 'match';
  field: EsqlExpr;
  query: EsqlExpr;
  span: Span;
}

/** `x::type` */
export interface EsqlCast {
  kind: 'cast';
  value: EsqlExpr;
  type: string;
  span: Span;
}

export type EsqlExpr =
  | EsqlField
  | EsqlLiteral
  | EsqlArray
  | EsqlMap
  | EsqlCall
  | EsqlUnary
  | EsqlArithmetic
  | EsqlComparison
  | EsqlLogical
  | EsqlNot
  | EsqlIn
  | EsqlLike
  | EsqlIsNull
  | EsqlMatch
  | EsqlCast;

/** `name = value` or a bare value (EVAL, ROW, STATS … BY, DISSECT options). */
export interface EsqlAssignment {
  target?: EsqlField;
  value: EsqlExpr;
  span: Span;
}

/** One aggregate of STATS: `[name =] agg(…) [WHERE condition]`. */
export interface EsqlAggregate extends EsqlAssignment {
  filter?: EsqlExpr;
}

/** An index pattern, enrich policy or lookup index as written. */
export interface EsqlSource {
  /** Quotes removed. */
  name: string;
  quoted: boolean;
  span: Span;
}

interface CommandBase {
  /** The command name as written, words joined by one space: `where`, `INLINE STATS`, `LOOKUP JOIN`. */
  name: string;
  span: Span;
  nameSpan: Span;
}

export interface EsqlFrom extends CommandBase {
  kind: 'from';
  sources: EsqlSource[];
  metadata: EsqlField[];
}

export interface EsqlRow extends CommandBase {
  kind: 'row';
  fields: EsqlAssignment[];
}

export interface EsqlWhere extends CommandBase {
  kind: 'where';
  condition: EsqlExpr;
}

export interface EsqlEval extends CommandBase {
  kind: 'eval';
  fields: EsqlAssignment[];
}

export interface EsqlStats extends CommandBase {
  kind: 'stats';
  /** INLINESTATS / INLINE STATS: adds the aggregates to each row instead of replacing the rows. */
  inline: boolean;
  aggregates: EsqlAggregate[];
  groupings: EsqlAssignment[];
}

export interface EsqlKeep extends CommandBase {
  kind: 'keep';
  fields: EsqlField[];
}

export interface EsqlDrop extends CommandBase {
  kind: 'drop';
  fields: EsqlField[];
}

export interface EsqlRename extends CommandBase {
  kind: 'rename';
  renames: { from: EsqlField; to: EsqlField; span: Span }[];
}

export interface EsqlMvExpand extends CommandBase {
  kind: 'mv_expand';
  field: EsqlField;
}

export interface EsqlSortOrder {
  value: EsqlExpr;
  direction?: 'asc' | 'desc';
  nulls?: 'first' | 'last';
  span: Span;
}

export interface EsqlSort extends CommandBase {
  kind: 'sort';
  orders: EsqlSortOrder[];
}

export interface EsqlLimit extends CommandBase {
  kind: 'limit';
  count: EsqlExpr;
}

export interface EsqlDissect extends CommandBase {
  kind: 'dissect';
  input: EsqlExpr;
  pattern: EsqlLiteral;
  options: EsqlAssignment[];
}

export interface EsqlGrok extends CommandBase {
  kind: 'grok';
  input: EsqlExpr;
  patterns: EsqlLiteral[];
}

export interface EsqlEnrich extends CommandBase {
  kind: 'enrich';
  policy: EsqlSource;
  on?: EsqlField;
  with: { target?: EsqlField; field: EsqlField; span: Span }[];
}

export interface EsqlLookupJoin extends CommandBase {
  kind: 'lookup_join';
  index: EsqlSource;
  on: EsqlExpr[];
}

export interface EsqlChangePoint extends CommandBase {
  kind: 'change_point';
  value: EsqlField;
  key?: EsqlField;
  outputs: EsqlField[];
}

export interface EsqlSample extends CommandBase {
  kind: 'sample';
  probability: EsqlExpr;
}

export interface EsqlFork extends CommandBase {
  kind: 'fork';
  branches: EsqlCommand[][];
}

/** A command this parser does not read (COMPLETION, RERANK, SHOW …): skipped to the next `|`. */
export interface EsqlOther extends CommandBase {
  kind: 'other';
}

export type EsqlCommand =
  | EsqlFrom
  | EsqlRow
  | EsqlWhere
  | EsqlEval
  | EsqlStats
  | EsqlKeep
  | EsqlDrop
  | EsqlRename
  | EsqlMvExpand
  | EsqlSort
  | EsqlLimit
  | EsqlDissect
  | EsqlGrok
  | EsqlEnrich
  | EsqlLookupJoin
  | EsqlChangePoint
  | EsqlSample
  | EsqlFork
  | EsqlOther;

export interface EsqlQuery {
  commands: EsqlCommand[];
  span: Span;
}
