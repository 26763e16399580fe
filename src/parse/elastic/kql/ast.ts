import type { Span } from '../../../model/location.js';

/** A field name or value as written: quoted (a phrase) or unquoted. */
export interface KqlLiteral {
  kind: 'literal';
  /** The text with escapes resolved; unquoted text is trimmed, as Kibana does. */
  value: string;
  quoted: boolean;
  /** Unquoted and holding at least one unescaped `*` (kept as `*` in `value`). */
  wildcard: boolean;
  span: Span;
}

export interface KqlOr<T> {
  kind: 'or';
  items: T[];
  span: Span;
}

export interface KqlAnd<T> {
  kind: 'and';
  items: T[];
  span: Span;
}

export interface KqlNot<T> {
  kind: 'not';
  item: T;
  span: Span;
}

/** The value side of `field:…`: one value or a parenthesised list combined with or/and/not. */
export type KqlValueList = KqlLiteral | KqlOr<KqlValueList> | KqlAnd<KqlValueList> | KqlNot<KqlValueList>;

/** `field:value` or `field:(a or b)`. */
export interface KqlFieldValue {
  kind: 'field';
  field: KqlLiteral;
  value: KqlValueList;
  span: Span;
}

export type KqlRangeOperator = 'lt' | 'lte' | 'gt' | 'gte';

/** `field > value`, `field <= value` … */
export interface KqlRange {
  kind: 'range';
  field: KqlLiteral;
  operator: KqlRangeOperator;
  value: KqlLiteral;
  span: Span;
}

/** `field:{ query }` over a nested field. */
export interface KqlNested {
  kind: 'nested';
  field: KqlLiteral;
  query: KqlNode;
  span: Span;
}

/** A value without a field: searched in the default fields. */
export interface KqlFreeText {
  kind: 'text';
  value: KqlLiteral;
  span: Span;
}

export type KqlNode = KqlOr<KqlNode> | KqlAnd<KqlNode> | KqlNot<KqlNode> | KqlFieldValue | KqlRange | KqlNested | KqlFreeText;
