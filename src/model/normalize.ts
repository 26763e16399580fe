import { nameFieldOf } from './fields.js';
import type { Operator, Predicate, PredicateValue } from './rule.js';

/**
 * A predicate reduced to what it means, so that the same check written in
 * different syntaxes counts as one row in the aggregates. The equivalences
 * (documented in docs/equivalences.md):
 * - values compare case-insensitively (Sigma, KQL `:`, EQL `:` and SPL `=` all do);
 * - `eq`, `match` and `in` with a plain value are all equality;
 * - a wildcard value that is only `*x*`, `*x` or `x*` is contains / ends_with / starts_with;
 * - ends_with `\name` (or `/name`) on a path field whose last component has a
 *   name field of its own is equality on that name field: Sigma
 *   `Image|endswith: '\x.exe'` = ECS `process.name: "x.exe"` = CIM
 *   `Processes.process_name=x.exe`.
 */
export interface NormalPredicate {
  field: string;
  operator: Operator;
  value: string;
}

const EQUALITY: ReadonlySet<Operator> = new Set(['eq', 'match', 'in']);

export function normalizePredicate(p: Pick<Predicate, 'field' | 'operator' | 'value'>): NormalPredicate {
  let field = p.field;
  let operator: Operator = EQUALITY.has(p.operator) ? 'eq' : p.operator;
  let value = valueText(p.value);
  if (operator === 'eq' && hasWildcard(value)) operator = 'wildcard';
  if (operator === 'wildcard') {
    const simple = simplifyWildcard(value);
    if (simple) ({ operator, value } = simple);
  }
  if (operator === 'ends_with') {
    const nameField = nameFieldOf(field);
    const name = lastComponent(value);
    if (nameField && name !== undefined) {
      field = nameField;
      operator = 'eq';
      value = name;
    }
  }
  return { field, operator, value };
}

/** The row key of a predicate in the index: `field\u0000operator\u0000value`. */
const keys = new WeakMap<object, string>();

/** The row key of a predicate; remembered per predicate object, since several checks and the index ask. */
export function predicateKey(p: Pick<Predicate, 'field' | 'operator' | 'value'>): string {
  let key = keys.get(p);
  if (key === undefined) {
    key = keyOf(normalizePredicate(p));
    keys.set(p, key);
  }
  return key;
}

export function keyOf(n: NormalPredicate): string {
  return `${n.field}\u0000${n.operator}\u0000${n.value}`;
}

/** The field of a row key, without splitting the whole key (hot when decoding the index). */
export function fieldOfKey(key: string): string {
  const end = key.indexOf('\u0000');
  return end < 0 ? key : key.slice(0, end);
}

export function parseKey(key: string): NormalPredicate {
  const [field = '', operator = 'eq', value = ''] = key.split('\u0000');
  return { field, operator: operator as Operator, value };
}

function valueText(v: PredicateValue): string {
  if (v === null) return '';
  return String(v).toLowerCase();
}

function hasWildcard(v: string): boolean {
  return /[*?]/.test(v);
}

function simplifyWildcard(v: string): { operator: Operator; value: string } | undefined {
  const lead = v.startsWith('*');
  const trail = v.endsWith('*') && v.length > 1;
  const inner = v.slice(lead ? 1 : 0, trail ? -1 : undefined);
  if (inner === '' || /[*?]/.test(inner)) return undefined;
  if (lead && trail) return { operator: 'contains', value: inner };
  if (lead) return { operator: 'ends_with', value: inner };
  if (trail) return { operator: 'starts_with', value: inner };
  return { operator: 'eq', value: inner };
}

/** `\x.exe` or `/x` → `x.exe`/`x`; anything with more path, wildcards or nothing after the separator → undefined. */
function lastComponent(v: string): string | undefined {
  const first = v[0];
  if (first !== '\\' && first !== '/') return undefined;
  const name = v.slice(1);
  if (name === '' || /[\\/*?]/.test(name)) return undefined;
  return name;
}
