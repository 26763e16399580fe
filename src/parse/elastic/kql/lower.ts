import type { Span } from '../../../model/location.js';
import { and, not, or } from '../../../model/logic.js';
import type { Logic, LogicCompare } from '../../../model/logic.js';
import type { KqlLiteral, KqlNode, KqlValueList } from './ast.js';

/**
 * Lowers a KQL tree to the logic tree.
 *
 * Values: a quoted value is a phrase (`match`, `*` inside is literal); an
 * unquoted value with an unescaped `*` is `wildcard` (a `?` there is left in
 * the value, where Elasticsearch's wildcard query also treats it as a
 * wildcard; without a `*`, Kibana searches `?` literally, so it stays
 * `match`); `field:*` is `is_not_null`. Unquoted `true`/`false` become
 * booleans, as Kibana makes them; numbers stay strings because Kibana sends
 * them to Elasticsearch as text and the field mapping decides, except in
 * ranges, where a number is compared as a number.
 */
export function kqlToLogic(ast: KqlNode): Logic {
  return lower(ast, '');
}

function lower(node: KqlNode, prefix: string): Logic {
  switch (node.kind) {
    case 'or':
      return or(node.items.map((n) => lower(n, prefix)));
    case 'and':
      return and(node.items.map((n) => lower(n, prefix)));
    case 'not':
      return not(lower(node.item, prefix));
    case 'field': {
      const field = joinField(prefix, node.field.value);
      // A lone value is located by the whole `field:value`; list members by themselves.
      if (node.value.kind === 'literal') return compare(field, node.value, node.span);
      return lowerValues(field, node.value);
    }
    case 'range':
      return {
        kind: 'cmp',
        field: joinField(prefix, node.field.value),
        operator: node.operator,
        value: rangeValue(node.value),
        span: node.span,
      };
    case 'nested':
      return lower(node.query, joinField(prefix, node.field.value));
    case 'text':
      if (node.value.wildcard && node.value.value === '*') {
        return { kind: 'opaque', span: node.span, description: 'matches every document' };
      }
      return compare('', node.value, node.span);
  }
}

function lowerValues(field: string, v: KqlValueList): Logic {
  switch (v.kind) {
    case 'literal':
      return compare(field, v, v.span);
    case 'or':
      return or(v.items.map((x) => lowerValues(field, x)));
    case 'and':
      return and(v.items.map((x) => lowerValues(field, x)));
    case 'not':
      return not(lowerValues(field, v.item));
  }
}

function compare(field: string, lit: KqlLiteral, span: Span): LogicCompare {
  if (lit.quoted) return { kind: 'cmp', field, operator: 'match', value: lit.value, span };
  if (lit.wildcard) {
    if (lit.value === '*') return { kind: 'cmp', field, operator: 'is_not_null', value: null, span };
    return { kind: 'cmp', field, operator: 'wildcard', value: lit.value, span };
  }
  if (lit.value === 'true' || lit.value === 'false') {
    return { kind: 'cmp', field, operator: 'match', value: lit.value === 'true', span };
  }
  return { kind: 'cmp', field, operator: 'match', value: lit.value, span };
}

const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

function rangeValue(lit: KqlLiteral): string | number {
  if (NUMBER.test(lit.value)) return Number(lit.value);
  return lit.value;
}

function joinField(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix}.${name}`;
}
