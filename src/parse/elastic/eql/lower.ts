import type { Span } from '../../../model/location.js';
import { and, not, or, type Logic, type LogicCompare } from '../../../model/logic.js';
import type { Operator, PredicateValue } from '../../../model/rule.js';
import type { EqlCall, EqlComparison, EqlExpr, EqlField, EqlIn, EqlLiteral, EqlMatch, EqlQuery } from './ast.js';
import { formatEqlExpr } from './format.js';
import { stepGroup } from './outline.js';

/**
 * Lowers an EQL query to the vendor-neutral logic tree.
 *
 * - A plain event query lowers to its `where` condition (the category is
 *   exposed by `eqlOutline`, not turned into a comparison).
 * - A sequence, sample or join lowers to an `and` of its steps' conditions, so
 *   a `not` at the top of a step stays at the top of the whole; each
 *   comparison's `group` names its step (`sequence[1]`). A missing event
 *   `![…]` lowers to `not(condition)`: the rule requires its absence.
 *   `until` steps are left out.
 * - `modifiers` hold the EQL operator or function as written (`:`, `like~`,
 *   `startsWith~`), plus `?` when the field was written `?field`.
 * - A list (`in`, `: (…)`, `like (…)`, `wildcard(f, a, b)`) lowers to an `or`
 *   with one comparison per value, each spanning its value; a single
 *   comparison spans the whole test.
 * - Whatever is not a field tested against literals (arithmetic, field-to-field
 *   comparisons, `length(…) > 3`) is `opaque`.
 */
export function eqlToLogic(q: EqlQuery): Logic {
  if (q.kind === 'event') return lowerExpr(q.event.where, undefined);
  return and(
    q.steps.map((step, i) => {
      const logic = lowerExpr(step.event.where, stepGroup(q.kind, i));
      return step.missing ? not(logic) : logic;
    }),
  );
}

function lowerExpr(e: EqlExpr, group: string | undefined): Logic {
  switch (e.kind) {
    case 'and':
      return and(e.items.map((it) => lowerExpr(it, group)));
    case 'or':
      return or(e.items.map((it) => lowerExpr(it, group)));
    case 'not':
      return not(lowerExpr(e.operand, group));
    case 'compare':
      return lowerComparison(e, group);
    case 'match':
      return lowerMatch(e, group);
    case 'in':
      return lowerIn(e, group);
    case 'call':
      return lowerCall(e, group);
    default:
      return opaque(e);
  }
}

const COMPARISON: Record<EqlComparison['operator'], Operator> = {
  '==': 'eq',
  '!=': 'ne',
  '<': 'lt',
  '<=': 'lte',
  '>': 'gt',
  '>=': 'gte',
};

/** The operator seen from the other side: `5 < x` is `x > 5`. */
const MIRRORED: Record<EqlComparison['operator'], EqlComparison['operator']> = {
  '==': '==',
  '!=': '!=',
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
};

function lowerComparison(e: EqlComparison, group: string | undefined): Logic {
  let { left, right, operator } = e;
  if (isLiteral(left) && right.kind === 'field') {
    [left, right] = [right, left];
    operator = MIRRORED[operator];
  }
  if (left.kind !== 'field' || !isLiteral(right)) return opaque(e);
  const value = literalValue(right);
  if (value === null) {
    if (operator === '==') return compare(left, 'is_null', null, e.span, undefined, '==', group);
    if (operator === '!=') return compare(left, 'is_not_null', null, e.span, undefined, '!=', group);
    return opaque(e);
  }
  const exact = operator === '==' || operator === '!=';
  return compare(left, COMPARISON[operator], value, e.span, exact ? true : undefined, operator, group);
}

function lowerMatch(e: EqlMatch, group: string | undefined): Logic {
  const field = e.left;
  if (field.kind !== 'field') return opaque(e);
  const op = e.operator;
  const items = e.values.map((v) => {
    const value = literalValue(v);
    const span = e.list ? v.span : e.span;
    if (value === null) return compare(field, 'is_null', null, span, undefined, op, group);
    if (op === 'like' || op === 'like~') return compare(field, 'wildcard', value, span, op === 'like', op, group);
    if (op === 'regex' || op === 'regex~') return compare(field, 'regex_match', value, span, op === 'regex', op, group);
    // `:` is case-insensitive equality, a wildcard match when the value has `*` or `?`.
    const operator: Operator = hasWildcard(value) ? 'wildcard' : e.list ? 'in' : 'match';
    return compare(field, operator, value, span, false, op, group);
  });
  return or(items);
}

function lowerIn(e: EqlIn, group: string | undefined): Logic {
  const field = e.left;
  if (field.kind !== 'field') return opaque(e);
  const caseSensitive = e.operator === 'in';
  const items = e.values.map((v) => {
    if (!isLiteral(v)) return opaque(v);
    const value = literalValue(v);
    if (value === null) return compare(field, 'is_null', null, v.span, undefined, e.operator, group);
    return compare(field, 'in', value, v.span, caseSensitive, e.operator, group);
  });
  const any = or(items);
  return e.negated ? not(any) : any;
}

/** Functions that test a field against literal arguments, by lower-cased name. */
const FUNCTION_OPERATORS: Readonly<Record<string, Operator>> = {
  startswith: 'starts_with',
  endswith: 'ends_with',
  stringcontains: 'contains',
  wildcard: 'wildcard',
  cidrmatch: 'cidr',
};

function lowerCall(e: EqlCall, group: string | undefined): Logic {
  const operator = FUNCTION_OPERATORS[e.name.toLowerCase()];
  const [field, ...patterns] = e.args;
  if (operator === undefined || field?.kind !== 'field' || patterns.length === 0) return opaque(e);
  if (!patterns.every((p) => p.kind === 'string')) return opaque(e);
  const written = e.caseInsensitive ? e.name + '~' : e.name;
  // python-eql's wildcard() ignores case; the Elasticsearch string functions
  // are case-sensitive unless called with `~`; CIDR blocks have no case.
  const caseSensitive = operator === 'cidr' ? undefined : operator === 'wildcard' ? false : !e.caseInsensitive;
  const several = patterns.length > 1;
  return or(
    patterns.map((p) =>
      compare(field, operator, literalValue(p as EqlLiteral), several ? p.span : e.span, caseSensitive, written, group),
    ),
  );
}

function compare(
  field: EqlField,
  operator: Operator,
  value: PredicateValue,
  span: Span,
  caseSensitive: boolean | undefined,
  written: string,
  group: string | undefined,
): LogicCompare {
  const c: LogicCompare = {
    kind: 'cmp',
    field: field.name,
    operator,
    value,
    span,
    modifiers: field.optional ? [written, '?'] : [written],
  };
  // Case only means something for text.
  if (caseSensitive !== undefined && typeof value === 'string') c.caseSensitive = caseSensitive;
  if (group !== undefined) c.group = group;
  return c;
}

const MAX_DESCRIPTION = 160;

function opaque(e: EqlExpr): Logic {
  const text = formatEqlExpr(e);
  const description = text.length > MAX_DESCRIPTION ? text.slice(0, MAX_DESCRIPTION - 1) + '…' : text;
  return { kind: 'opaque', span: e.span, description };
}

function isLiteral(e: EqlExpr): e is EqlLiteral {
  return e.kind === 'string' || e.kind === 'number' || e.kind === 'boolean' || e.kind === 'null';
}

function literalValue(e: EqlLiteral): PredicateValue {
  return e.kind === 'null' ? null : e.value;
}

function hasWildcard(value: PredicateValue): boolean {
  return typeof value === 'string' && (value.includes('*') || value.includes('?'));
}
