import type { Span } from './location.js';
import type { Operator, PredicateValue } from './rule.js';

/**
 * The detection logic of any rule as a boolean tree of comparisons. Every
 * query parser (Sigma condition + detection, KQL, EQL, ES|QL, SPL) lowers its
 * own syntax tree into this, and `predicatesFromLogic` assigns roles, so the
 * meaning of "exclusion" is decided in one place for all vendors.
 */
export type Logic = LogicAnd | LogicOr | LogicNot | LogicCompare | LogicOpaque;

export interface LogicAnd {
  kind: 'and';
  items: Logic[];
}

export interface LogicOr {
  kind: 'or';
  items: Logic[];
}

export interface LogicNot {
  kind: 'not';
  item: Logic;
}

/** A comparison of one field (or, for free-text/keywords, no field) with one value. */
export interface LogicCompare {
  kind: 'cmp';
  /** Field as written in the query; '' for field-less keywords and free text. */
  field: string;
  operator: Operator;
  value: PredicateValue;
  /** Where the comparison sits, in the coordinates of the text that was parsed. */
  span: Span;
  /** Where the field name sits, when it is apart from the value (a Sigma key). */
  fieldSpan?: Span;
  caseSensitive?: boolean;
  modifiers?: readonly string[];
  group?: string;
}

/** A part of the logic that is not a field comparison (a function over two fields, a lookup, …). */
export interface LogicOpaque {
  kind: 'opaque';
  span: Span;
  description: string;
}

export function and(items: Logic[]): Logic {
  const flat: Logic[] = [];
  for (const it of items) {
    if (it.kind === 'and') flat.push(...it.items);
    else flat.push(it);
  }
  return flat.length === 1 ? (flat[0] as Logic) : { kind: 'and', items: flat };
}

export function or(items: Logic[]): Logic {
  const flat: Logic[] = [];
  for (const it of items) {
    if (it.kind === 'or') flat.push(...it.items);
    else flat.push(it);
  }
  return flat.length === 1 ? (flat[0] as Logic) : { kind: 'or', items: flat };
}

export function not(item: Logic): Logic {
  return { kind: 'not', item };
}
