import type { Span } from '../../../model/location.js';
import { and, not, or } from '../../../model/logic.js';
import type { Logic, LogicCompare } from '../../../model/logic.js';
import type { Operator, PredicateValue } from '../../../model/rule.js';
import { kqlToLogic } from '../kql/lower.js';
import { parseKql } from '../kql/parser.js';
import type { EsqlCall, EsqlCommand, EsqlExpr, EsqlQuery } from './ast.js';
import { createdFields } from './query-info.js';

/**
 * Lowers the filtering part of an ES|QL query to the logic tree: the WHERE
 * commands before the first STATS / INLINE STATS, ANDed. Later WHEREs
 * filter aggregates, not events, so they are not detection logic.
 *
 * A comparison of a field with a constant becomes a `cmp`: `==` eq
 * (case-sensitive), `!=` ne, `=~` eq (case-insensitive), LIKE wildcard (its
 * `\` escapes resolved, so values read like other vendors'), RLIKE
 * regex_match, IN one `in` per value, IS [NOT] NULL, `<`…`>=`,
 * STARTS_WITH, ENDS_WITH, CONTAINS, CIDR_MATCH (one `cidr` per block),
 * MV_CONTAINS (eq), `:` and MATCH() match, and KQL("…") through the KQL
 * parser. TO_LOWER/TO_UPPER around the field make it case-insensitive; type
 * conversions (TO_STRING, TO_IP …) and casts leave the field as it is. Anything
 * else (two fields, computed values, fields made by EVAL/GROK/DISSECT/…)
 * is opaque.
 */
export function esqlToLogic(q: EsqlQuery): Logic {
  const parts: Logic[] = [];
  const created = new Set<string>();
  for (const cmd of q.commands) {
    if (cmd.kind === 'stats') break;
    if (cmd.kind === 'where') parts.push(lowerBool(cmd.condition, created));
    noteCreated(cmd, created);
  }
  if (parts.length === 0) {
    return { kind: 'opaque', span: q.span, description: 'no WHERE before the first aggregation' };
  }
  return and(parts);
}

function noteCreated(cmd: EsqlCommand, created: Set<string>): void {
  for (const f of createdFields(cmd)) created.add(f);
}

/** A field the comparison is about, and whether TO_LOWER/TO_UPPER made it case-insensitive. */
interface Subject {
  field: string;
  caseSensitive: boolean;
}

function subjectOf(e: EsqlExpr, created: ReadonlySet<string>): Subject | undefined {
  if (e.kind === 'field') return created.has(e.name) ? undefined : { field: e.name, caseSensitive: true };
  if (e.kind === 'cast') return subjectOf(e.value, created);
  if (e.kind === 'call' && e.args.length === 1) {
    const fn = e.name.toUpperCase();
    if (fn === 'TO_LOWER' || fn === 'TO_UPPER') {
      const inner = subjectOf(e.args[0] as EsqlExpr, created);
      return inner ? { field: inner.field, caseSensitive: false } : undefined;
    }
    // A type conversion compares the same field's value.
    if (CONVERSIONS.has(fn)) return subjectOf(e.args[0] as EsqlExpr, created);
  }
  return undefined;
}

const CONVERSIONS = new Set(['TO_STRING', 'TO_IP', 'TO_LONG', 'TO_INTEGER', 'TO_DOUBLE', 'TO_VERSION', 'TO_BOOLEAN', 'TO_DATETIME']);

/** The constant an expression stands for, if it is one a predicate can hold. */
function constantOf(e: EsqlExpr): { value: PredicateValue } | undefined {
  if (e.kind === 'literal') {
    if (e.type === 'string' || e.type === 'number' || e.type === 'boolean') return { value: e.value };
    return undefined;
  }
  if (e.kind === 'unary' && e.operand.kind === 'literal' && e.operand.type === 'number') {
    const n = e.operand.value as number;
    return { value: e.operator === '-' ? -n : n };
  }
  if (e.kind === 'cast') return constantOf(e.value);
  return undefined;
}

function cmp(subject: Subject, operator: Operator, value: PredicateValue, span: Span, modifiers?: string[]): LogicCompare {
  const c: LogicCompare = { kind: 'cmp', field: subject.field, operator, value, span };
  // A full-text match is analysed by the field's mapping: case is not the query's to decide.
  if (operator !== 'match') c.caseSensitive = subject.caseSensitive;
  if (modifiers) c.modifiers = modifiers;
  return c;
}

function opaque(e: EsqlExpr, description: string): Logic {
  return { kind: 'opaque', span: e.span, description };
}

const FLIPPED: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=', '=~': '=~' };

const COMPARE_OPERATOR: Record<string, Operator> = {
  '==': 'eq', '=~': 'eq', '!=': 'ne', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte',
};

function lowerBool(e: EsqlExpr, created: ReadonlySet<string>): Logic {
  switch (e.kind) {
    case 'and':
      return and(e.items.map((x) => lowerBool(x, created)));
    case 'or':
      return or(e.items.map((x) => lowerBool(x, created)));
    case 'not':
      return not(lowerBool(e.operand, created));
    case 'compare': {
      if (isNullLiteral(e.left) || isNullLiteral(e.right)) return opaque(e, 'comparison with null (always null in ES|QL; use IS NULL)');
      let subject = subjectOf(e.left, created);
      let constant = constantOf(e.right);
      let op: string = e.operator;
      if (!subject || !constant) {
        // `"x" == field` reads the same as `field == "x"`, with the order flipped.
        const s2 = subjectOf(e.right, created);
        const c2 = constantOf(e.left);
        if (s2 && c2) {
          subject = s2;
          constant = c2;
          op = FLIPPED[op] as string;
        }
      }
      if (!subject || !constant) return opaque(e, describeUnlowered(e, created));
      const s = op === '=~' ? { field: subject.field, caseSensitive: false } : subject;
      return cmp(s, COMPARE_OPERATOR[op] as Operator, constant.value, e.span);
    }
    case 'in': {
      const subject = subjectOf(e.value, created);
      if (!subject) return opaque(e, describeUnlowered(e.value, created));
      const items = e.list.map((item): Logic => {
        const c = constantOf(item);
        return c ? cmp(subject, 'in', c.value, item.span) : opaque(item, 'IN value that is not a constant');
      });
      const list = or(items);
      return e.negated ? not(list) : list;
    }
    case 'like': {
      const subject = subjectOf(e.value, created);
      if (!subject) return opaque(e, describeUnlowered(e.value, created));
      const items = e.patterns.map((p): Logic => {
        if (p.type !== 'string') return opaque(p, `${e.operator.toUpperCase()} pattern given as a parameter`);
        const value = p.value as string;
        const span = e.patterns.length === 1 ? e.span : p.span;
        return e.operator === 'like' ? cmp(subject, 'wildcard', unescapeLike(value), span) : cmp(subject, 'regex_match', value, span);
      });
      const list = or(items);
      return e.negated ? not(list) : list;
    }
    case 'is_null': {
      const subject = subjectOf(e.value, created);
      if (!subject) return opaque(e, describeUnlowered(e.value, created));
      return cmp(subject, e.negated ? 'is_not_null' : 'is_null', null, e.span);
    }
    case 'match': {
      const subject = subjectOf(e.field, created);
      const c = constantOf(e.query);
      if (!subject || !c) return opaque(e, describeUnlowered(e.field, created));
      return cmp(subject, 'match', c.value, e.span);
    }
    case 'call':
      return lowerCall(e, created);
    case 'field': {
      // A boolean field on its own: true when the field is true.
      const subject = subjectOf(e, created);
      if (!subject) return opaque(e, describeUnlowered(e, created));
      return cmp(subject, 'eq', true, e.span);
    }
    default:
      return opaque(e, describeUnlowered(e, created));
  }
}

const CALL_OPERATOR: Record<string, Operator> = {
  STARTS_WITH: 'starts_with',
  ENDS_WITH: 'ends_with',
  CONTAINS: 'contains',
  MATCH: 'match',
  MV_CONTAINS: 'eq',
};

function lowerCall(e: EsqlCall, created: ReadonlySet<string>): Logic {
  const fn = e.name.toUpperCase();
  if (fn === 'KQL') return lowerKqlCall(e);
  const first = e.args[0];
  const subject = first ? subjectOf(first, created) : undefined;
  if (fn === 'CIDR_MATCH' && subject && e.args.length > 1) {
    const blocks = e.args.slice(1).map((arg): Logic => {
      const c = constantOf(arg);
      const span = e.args.length === 2 ? e.span : arg.span;
      return c ? cmp(subject, 'cidr', c.value, span) : opaque(arg, 'CIDR block that is not a constant');
    });
    return or(blocks);
  }
  const operator = CALL_OPERATOR[fn];
  const second = e.args[1];
  if (operator && subject && second) {
    const c = constantOf(second);
    if (c) return cmp(subject, operator, c.value, e.span, fn === 'MV_CONTAINS' ? ['mv_contains'] : undefined);
  }
  return opaque(e, `${fn}(…)`);
}

/**
 * `KQL("…")` filters with a KQL query: lowered by the KQL parser. Its spans
 * are moved into the ES|QL text when the string has no escapes (always for
 * `"""`), else they all point at the call.
 */
function lowerKqlCall(e: EsqlCall): Logic {
  const arg = e.args[0];
  if (!arg || arg.kind !== 'literal' || arg.type !== 'string') return opaque(e, 'KQL(…) with a query that is not a string');
  const text = arg.value as string;
  const parsed = parseKql(text);
  if (!parsed.ast || parsed.errors.length > 0) return opaque(e, 'KQL(…) whose query does not parse');
  const logic = kqlToLogic(parsed.ast);
  const quote = arg.triple ? 3 : 1;
  const direct = arg.triple || arg.span.end - arg.span.start === text.length + 2;
  return moveSpans(logic, direct ? (s) => ({ start: s.start + arg.span.start + quote, end: s.end + arg.span.start + quote }) : () => e.span);
}

function moveSpans(l: Logic, move: (s: Span) => Span): Logic {
  switch (l.kind) {
    case 'and':
    case 'or':
      return { kind: l.kind, items: l.items.map((x) => moveSpans(x, move)) };
    case 'not':
      return { kind: 'not', item: moveSpans(l.item, move) };
    case 'cmp':
    case 'opaque':
      return { ...l, span: move(l.span) };
  }
}

function isNullLiteral(e: EsqlExpr): boolean {
  return e.kind === 'literal' && e.type === 'null';
}

function describeUnlowered(e: EsqlExpr, created: ReadonlySet<string>): string {
  const fields = new Set<string>();
  collectFields(e, fields);
  for (const f of fields) {
    if (created.has(f)) return `uses ${f}, a field computed by the query`;
  }
  if (e.kind === 'compare') {
    const l = e.left.kind === 'field' || subjectOf(e.left, created) !== undefined;
    const r = e.right.kind === 'field' || subjectOf(e.right, created) !== undefined;
    if (l && r) return 'compares two fields';
  }
  return 'computed condition';
}

function collectFields(e: EsqlExpr, out: Set<string>): void {
  switch (e.kind) {
    case 'field':
      out.add(e.name);
      return;
    case 'literal':
      return;
    case 'array':
    case 'and':
    case 'or':
      for (const x of e.items) collectFields(x, out);
      return;
    case 'map':
      for (const x of e.entries) collectFields(x.value, out);
      return;
    case 'call':
      for (const x of e.args) collectFields(x, out);
      return;
    case 'unary':
    case 'not':
      collectFields(e.operand, out);
      return;
    case 'arithmetic':
    case 'compare':
      collectFields(e.left, out);
      collectFields(e.right, out);
      return;
    case 'in':
      collectFields(e.value, out);
      for (const x of e.list) collectFields(x, out);
      return;
    case 'like':
    case 'is_null':
    case 'cast':
      collectFields(e.value, out);
      return;
    case 'match':
      collectFields(e.field, out);
      collectFields(e.query, out);
      return;
  }
}

/**
 * LIKE's own escapes: `\\` is a backslash, `\*` and `\?` a literal star or
 * question mark. Resolved so that `C:\\Windows\\*` reads `C:\Windows\*` as
 * in other vendors' wildcard values (a literal `*` then looks like a
 * wildcard: rare, and the price of comparable values).
 */
export function unescapeLike(pattern: string): string {
  if (!pattern.includes('\\')) return pattern;
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\' && i + 1 < pattern.length) {
      out += pattern[++i];
      continue;
    }
    out += c;
  }
  return out;
}

