import type { Span } from '../../model/location.js';
import { and, not, or, type Logic, type LogicCompare } from '../../model/logic.js';
import type { Operator, PredicateValue } from '../../model/rule.js';
import type { EvalExpr, SearchExpr, SplCommand, SplQuery, SplWord } from './spl-ast.js';

/*
 * Lowers the filtering part of an SPL search to the Logic tree: the base
 * search, the tstats `where` clause, and the `search`, `where` and `regex`
 * commands that run before the first aggregation. Filters after an
 * aggregation test computed fields (counts, thresholds), not the telemetry.
 */

/** Commands after which events are no longer the telemetry the rule reads. */
const AGGREGATING_COMMANDS: ReadonlySet<string> = new Set([
  'stats', 'eventstats', 'streamstats', 'chart', 'timechart', 'sistats', 'tstats', 'mstats',
  'top', 'rare', 'transaction', 'geostats', 'anomalydetection', 'cluster', 'xyseries', 'untable',
]);

export function splToLogic(q: SplQuery): Logic {
  const items: Logic[] = [];
  for (const cmd of q.pipeline.commands) {
    const lowered = lowerCommand(cmd, q.text);
    if (lowered) items.push(lowered);
    if (isAggregation(cmd)) break;
  }
  return and(items);
}

export function isAggregation(cmd: SplCommand): boolean {
  return cmd.kind === 'stats' || cmd.kind === 'tstats' || AGGREGATING_COMMANDS.has(cmd.name);
}

function lowerCommand(cmd: SplCommand, text: string): Logic | null {
  switch (cmd.kind) {
    case 'search':
      return cmd.expr ? lowerSearch(cmd.expr, 'search') : null;
    case 'tstats':
      return cmd.where ? lowerSearch(cmd.where, cmd.name) : null;
    case 'where':
      return cmd.expr ? lowerEval(cmd.expr, text) : null;
    case 'regex': {
      if (!cmd.regex) return null;
      const c = compare(cmd.field?.text ?? '_raw', 'regex_match', cmd.regex.text, cmd.span, 'regex');
      return cmd.negated ? not(c) : c;
    }
    case 'macro':
      return opaque(cmd.span, `macro \`${cmd.macro.name}\``);
    default:
      return null;
  }
}

function compare(field: string, operator: Operator, value: PredicateValue, span: Span, group: string, caseSensitive?: boolean): LogicCompare {
  const c: LogicCompare = { kind: 'cmp', field, operator, value, span, group };
  if (caseSensitive !== undefined) c.caseSensitive = caseSensitive;
  return c;
}

function opaque(span: Span, description: string): Logic {
  return { kind: 'opaque', span, description };
}

// ---------------------------------------------------------------- search language

const SEARCH_OPS: Readonly<Record<string, Operator>> = { '!=': 'ne', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte' };

function lowerSearch(e: SearchExpr, group: string): Logic {
  switch (e.kind) {
    case 'and':
      return and(e.items.map((i) => lowerSearch(i, group)));
    case 'or':
      return or(e.items.map((i) => lowerSearch(i, group)));
    case 'not':
      return not(lowerSearch(e.item, group));
    case 'compare': {
      if (e.value.macro) return opaque(e.span, `${e.field.text}${e.op}\`${e.value.macro.name}\``);
      const value = searchValue(e.value);
      const operator: Operator = e.op === '=' ? (hasWildcard(e.value) ? 'wildcard' : 'match') : (SEARCH_OPS[e.op] as Operator);
      return compare(e.field.text, operator, value, e.span, group, false);
    }
    case 'in':
      return or(
        e.values.map((v) =>
          v.macro ? opaque(v.span, `\`${v.macro.name}\``) : compare(e.field.text, 'in', searchValue(v), v.span, group, false),
        ),
      );
    case 'term':
      return compare('', hasWildcard(e.value) ? 'wildcard' : 'match', searchValue(e.value), e.span, group, false);
    case 'macro':
      return opaque(e.span, `macro \`${e.macro.name}\``);
    case 'subsearch':
      return opaque(e.span, 'subsearch');
  }
}

function hasWildcard(w: SplWord): boolean {
  return w.text.includes('*');
}

/** Unquoted integers are numbers (`EventCode=4688`); everything else stays text. */
function searchValue(w: SplWord): PredicateValue {
  if (!w.quoted && /^-?(0|[1-9][0-9]{0,14})$/.test(w.text)) return Number(w.text);
  return w.text;
}

// ---------------------------------------------------------------- eval language

const EVAL_OPS: Readonly<Record<string, Operator>> = {
  '=': 'eq', '==': 'eq', '!=': 'ne', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte',
};
const FLIPPED: Readonly<Record<string, Operator>> = { lt: 'gt', lte: 'gte', gt: 'lt', gte: 'lte', eq: 'eq', ne: 'ne' };

function lowerEval(e: EvalExpr, text: string): Logic {
  const group = 'where';
  switch (e.kind) {
    case 'binary': {
      if (e.op === 'AND') return and([lowerEval(e.left, text), lowerEval(e.right, text)]);
      if (e.op === 'OR') return or([lowerEval(e.left, text), lowerEval(e.right, text)]);
      const op = EVAL_OPS[e.op];
      if (op) {
        const l = fieldOf(e.left);
        const rv = literalOf(e.right);
        if (l && rv !== undefined) return compare(l.name, op, rv, e.span, group, !l.folded);
        const r = fieldOf(e.right);
        const lv = literalOf(e.left);
        if (r && lv !== undefined) return compare(r.name, FLIPPED[op] as Operator, lv, e.span, group, !r.folded);
      }
      if (e.op === 'LIKE') {
        const f = fieldOf(e.left);
        const pattern = literalOf(e.right);
        if (f && typeof pattern === 'string') return compare(f.name, 'wildcard', likeToWildcard(pattern), e.span, group, false);
      }
      break;
    }
    case 'unary':
      if (e.op === 'NOT') return not(lowerEval(e.operand, text));
      break;
    case 'in': {
      const f = fieldOf(e.operand);
      const lowered = f ? inList(f, e.values, group) : null;
      if (lowered) return e.negated ? not(lowered) : lowered;
      break;
    }
    case 'call': {
      const lowered = lowerCall(e, group);
      if (lowered) return lowered;
      break;
    }
    default:
      break;
  }
  return opaque(e.span, text.slice(e.span.start, e.span.end));
}

function lowerCall(e: Extract<EvalExpr, { kind: 'call' }>, group: string): Logic | null {
  const [a, b] = e.args;
  switch (e.name) {
    case 'like': {
      const f = a && fieldOf(a);
      const pattern = b && literalOf(b);
      if (f && typeof pattern === 'string' && e.args.length === 2) return compare(f.name, 'wildcard', likeToWildcard(pattern), e.span, group, false);
      return null;
    }
    case 'match': {
      const f = a && fieldOf(a);
      const re = b && literalOf(b);
      if (f && typeof re === 'string' && e.args.length === 2) return compare(f.name, 'regex_match', re, e.span, group, true);
      return null;
    }
    case 'isnull':
    case 'isnotnull': {
      const f = a && fieldOf(a);
      if (f && e.args.length === 1) return compare(f.name, e.name === 'isnull' ? 'is_null' : 'is_not_null', null, e.span, group);
      return null;
    }
    case 'cidrmatch': {
      const cidr = a && literalOf(a);
      const f = b && fieldOf(b);
      if (f && typeof cidr === 'string' && e.args.length === 2) return compare(f.name, 'cidr', cidr, e.span, group);
      return null;
    }
    case 'in': {
      const f = a && fieldOf(a);
      return f ? inList(f, e.args.slice(1), group) : null;
    }
    default:
      return null;
  }
}

function inList(f: { name: string; folded: boolean }, values: readonly EvalExpr[], group: string): Logic | null {
  const items: Logic[] = [];
  for (const v of values) {
    const lit = literalOf(v);
    if (lit === undefined) return null;
    items.push(compare(f.name, 'in', lit, v.span, group, !f.folded));
  }
  return items.length > 0 ? or(items) : null;
}

/** The field an operand reads: `f`, `'f'`, or `lower(f)` / `upper(f)` (case folded). */
function fieldOf(e: EvalExpr): { name: string; folded: boolean } | null {
  if (e.kind === 'field') return { name: e.name, folded: false };
  if (e.kind === 'call' && (e.name === 'lower' || e.name === 'upper') && e.args.length === 1) {
    const inner = e.args[0] as EvalExpr;
    if (inner.kind === 'field') return { name: inner.name, folded: true };
  }
  return null;
}

function literalOf(e: EvalExpr): PredicateValue | undefined {
  if (e.kind === 'string') return e.value;
  if (e.kind === 'number') return e.value;
  if (e.kind === 'unary' && e.op === '-' && e.operand.kind === 'number') return -e.operand.value;
  return undefined;
}

/** SQL LIKE to the wildcard form the model uses: `%` → `*`, `_` → `?`. */
export function likeToWildcard(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    out += ch === '%' ? '*' : ch === '_' ? '?' : ch;
  }
  return out;
}
