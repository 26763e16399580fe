import type { Logic, LogicCompare } from '../model/logic.js';
import type { RuleModel } from '../model/rule.js';
import type { SigmaDocument } from '../parse/sigma/document-types.js';
import { sigmaToLogic } from '../parse/sigma/lower.js';

/**
 * Reasoning over the vendor-neutral Logic tree that the logic-* checks share:
 * which comparisons of one field can hold together, and which one implies
 * another. Everything here answers "certainly" or "don't know": a comparison
 * it cannot reason about (regex, CIDR, encoded values, numeric ranges) is
 * never the reason for a report, so the checks have no false positives by
 * construction, only misses.
 */

/** A comparison reduced to what the reasoning needs. Values are lower-cased unless case-sensitive. */
export interface Atom {
  field: string;
  op: 'eq' | 'ne' | 'contains' | 'starts_with' | 'ends_with' | 'is_null' | 'is_not_null';
  value: string;
  cased: boolean;
  cmp: LogicCompare;
}

/** Modifiers that transform the value before it is compared: its text says nothing certain about the event. */
const TRANSFORMING = new Set(['base64', 'base64offset', 'utf16le', 'utf16be', 'utf16', 'wide', 'windash', 'expand', 'fieldref']);

const logicCache = new WeakMap<RuleModel, Logic | null>();

/**
 * The detection logic of a rule, file offsets in its spans. Sigma rules are
 * lowered from their document; other vendors will plug in here once their
 * rule models carry their Logic tree.
 */
export function ruleLogic(rule: RuleModel): Logic | undefined {
  if (rule.vendor !== 'sigma') return undefined;
  const doc = rule.doc as SigmaDocument;
  if (doc.kind !== 'rule') return undefined;
  // The parser lowers rules already; only a model without it needs lowering here (once, cached).
  if (rule.logic) return rule.logic;
  const cached = logicCache.get(rule);
  if (cached !== undefined) return cached ?? undefined;
  const logic = sigmaToLogic(doc);
  logicCache.set(rule, logic ?? null);
  return logic;
}

/** The atom of a comparison, or undefined when it cannot be reasoned about. */
export function atomOf(c: LogicCompare): Atom | undefined {
  if (c.modifiers?.some((m) => TRANSFORMING.has(m))) return undefined;
  const cased = c.caseSensitive === true;
  const text = (v: unknown): string => (cased ? String(v) : String(v).toLowerCase());
  switch (c.operator) {
    case 'is_null':
    case 'is_not_null':
      return { field: c.field, op: c.operator, value: '', cased, cmp: c };
    case 'eq':
    case 'ne':
    case 'contains':
    case 'starts_with':
    case 'ends_with':
      if (c.value === null) return undefined;
      return { field: c.field, op: c.operator, value: text(c.value), cased, cmp: c };
    case 'wildcard': {
      if (typeof c.value !== 'string') return undefined;
      const simple = simpleWildcard(c.value);
      return simple ? { field: c.field, op: simple.op, value: text(simple.value), cased, cmp: c } : undefined;
    }
    default:
      return undefined;
  }
}

/** `*x*`, `x*`, `*x` with no other wildcard or escape in x. */
function simpleWildcard(v: string): { op: 'contains' | 'starts_with' | 'ends_with'; value: string } | undefined {
  const lead = v.startsWith('*');
  const trail = v.endsWith('*') && v.length > 1;
  const inner = v.slice(lead ? 1 : 0, trail ? -1 : undefined);
  if (inner === '' || /[*?\\]/.test(inner)) return undefined;
  if (lead && trail) return { op: 'contains', value: inner };
  if (lead) return { op: 'ends_with', value: inner };
  if (trail) return { op: 'starts_with', value: inner };
  return undefined;
}

function sameCase(a: Atom, b: Atom): [string, string] {
  // Compare case-insensitively unless both are case-sensitive: the weaker reading decides.
  return a.cased && b.cased ? [a.value, b.value] : [a.value.toLowerCase(), b.value.toLowerCase()];
}

/** Whether one value of the field can satisfy both atoms (true when unsure). */
export function compatible(a: Atom, b: Atom): boolean {
  if (a.field !== b.field) return true;
  if (a.op === 'is_null' || b.op === 'is_null') {
    const other = a.op === 'is_null' ? b : a;
    return other.op === 'is_null' || other.op === 'ne';
  }
  if (a.op === 'is_not_null' || b.op === 'is_not_null') return true;
  if (b.op === 'eq' && a.op !== 'eq') return compatible(b, a);
  const [x, y] = sameCase(a, b);
  if (a.op === 'eq') {
    switch (b.op) {
      case 'eq':
        return x === y;
      case 'ne':
        return a.cased !== b.cased || x !== y;
      case 'contains':
        return x.includes(y);
      case 'starts_with':
        return x.startsWith(y);
      case 'ends_with':
        return x.endsWith(y);
    }
  }
  if (a.op === 'starts_with' && b.op === 'starts_with') return x.startsWith(y) || y.startsWith(x);
  if (a.op === 'ends_with' && b.op === 'ends_with') return x.endsWith(y) || y.endsWith(x);
  return true;
}

/** Whether every value satisfying `a` satisfies `b` (false when unsure). */
export function implies(a: Atom, b: Atom): boolean {
  if (a.field !== b.field) return false;
  if (b.op === 'is_not_null') return a.op === 'eq' || a.op === 'contains' || a.op === 'starts_with' || a.op === 'ends_with' || a.op === 'is_not_null';
  if (b.op === 'is_null') return a.op === 'is_null';
  if (a.op === 'is_null' || a.op === 'is_not_null' || a.op === 'ne' || b.op === 'ne') return false;
  // A case-insensitive match does not imply a case-sensitive one (unless the text has no letters).
  if (b.cased && !a.cased && a.value.toLowerCase() !== a.value.toUpperCase()) return false;
  const x = b.cased ? a.value : a.value.toLowerCase();
  const y = b.cased ? b.value : b.value.toLowerCase();
  switch (b.op) {
    case 'eq':
      return a.op === 'eq' && x === y;
    case 'contains':
      return x.includes(y);
    case 'starts_with':
      return (a.op === 'eq' || a.op === 'starts_with') && x.startsWith(y);
    case 'ends_with':
      return (a.op === 'eq' || a.op === 'ends_with') && x.endsWith(y);
  }
}

/**
 * A conjunct that constrains one field: a comparison, or an OR of
 * comparisons of that field (a Sigma value list). `alts` are the
 * alternatives; undefined when the conjunct is anything else.
 */
export interface FieldConstraint {
  field: string;
  alts: Atom[];
  node: Logic;
}

export function fieldConstraint(node: Logic): FieldConstraint | undefined {
  if (node.kind === 'cmp') {
    const a = node.field === '' ? undefined : atomOf(node);
    return a ? { field: a.field, alts: [a], node } : undefined;
  }
  if (node.kind === 'or' && node.items.length > 0) {
    const alts: Atom[] = [];
    for (const item of node.items) {
      if (item.kind !== 'cmp' || item.field === '') return undefined;
      const a = atomOf(item);
      if (!a || (alts.length > 0 && (alts[0] as Atom).field !== a.field)) return undefined;
      alts.push(a);
    }
    return { field: (alts[0] as Atom).field, alts, node };
  }
  return undefined;
}

/** The field `fieldConstraint` would give a node, if it gives one (undefined means it certainly does not). */
function constrainedField(node: Logic): string | undefined {
  const first = node.kind === 'or' ? node.items[0] : node;
  return first?.kind === 'cmp' && first.field !== '' ? first.field : undefined;
}

/** Whether no value can satisfy both constraints (same field, every pair of alternatives incompatible). */
export function contradicts(a: FieldConstraint, b: FieldConstraint): boolean {
  if (a.field !== b.field) return false;
  return a.alts.every((x) => b.alts.every((y) => !compatible(x, y)));
}

/** The first comparison under a node (for a location). */
export function firstCompare(node: Logic): LogicCompare | undefined {
  switch (node.kind) {
    case 'cmp':
      return node;
    case 'not':
      return firstCompare(node.item);
    case 'and':
    case 'or':
      for (const i of node.items) {
        const c = firstCompare(i);
        if (c) return c;
      }
      return undefined;
    case 'opaque':
      return undefined;
  }
}

/** Search-identifier names (groups) under a node, in order. */
export function groupsOf(node: Logic): string[] {
  const out = new Set<string>();
  const walk = (n: Logic): void => {
    if (n.kind === 'cmp') {
      if (n.group) out.add(n.group);
    } else if (n.kind === 'not') walk(n.item);
    else if (n.kind === 'and' || n.kind === 'or') n.items.forEach(walk);
  };
  walk(node);
  return [...out];
}

/** Every AND node of the tree, each once (selections reused in a condition share their node). */
export function andNodes(root: Logic): Logic[] {
  const out: Logic[] = [];
  const seen = new Set<Logic>();
  const walk = (n: Logic): void => {
    // Leaves hold no AND: only inner nodes (which selections may share) need remembering.
    if (n.kind === 'cmp' || n.kind === 'opaque' || seen.has(n)) return;
    seen.add(n);
    if (n.kind === 'and') out.push(n);
    if (n.kind === 'and' || n.kind === 'or') n.items.forEach(walk);
    else if (n.kind === 'not') walk(n.item);
  };
  walk(root);
  return out;
}

/** The AND node whose conjuncts contradict each other, with the pair; undefined when it can match. */
export function contradictionIn(and: Logic): { first: FieldConstraint; second: FieldConstraint } | undefined {
  if (and.kind !== 'and') return undefined;
  // Only a field constrained by two conjuncts can be contradicted: the others need no atoms built.
  const counts = new Map<string, number>();
  for (const item of and.items) {
    const f = constrainedField(item);
    if (f !== undefined) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  // Per field, every constraint so far and those that are not weak (see `isWeak`): a weak one is compared only
  // with the others, in the same order, so the first contradiction found is the same, and a selection with
  // thousands of `contains|all` values is no longer quadratic (20,000 took 24 s).
  const byField = new Map<string, { all: FieldConstraint[]; strong: FieldConstraint[] }>();
  for (const item of and.items) {
    const f = constrainedField(item);
    if (f === undefined || (counts.get(f) as number) < 2) continue;
    const c = fieldConstraint(item);
    if (!c) continue;
    let lists = byField.get(c.field);
    if (!lists) byField.set(c.field, (lists = { all: [], strong: [] }));
    const weak = isWeak(c);
    for (const prev of weak ? lists.strong : lists.all) if (contradicts(prev, c)) return { first: prev, second: c };
    lists.all.push(c);
    if (!weak) lists.strong.push(c);
  }
  return undefined;
}

/** Only `contains` and `is_not_null` alternatives: two such constraints are always compatible (`compatible`). */
function isWeak(c: FieldConstraint): boolean {
  return c.alts.every((a) => a.op === 'contains' || a.op === 'is_not_null');
}

/** Whether a node can never be true (certainly). */
export function neverTrue(n: Logic): boolean {
  switch (n.kind) {
    case 'and':
      return contradictionIn(n) !== undefined || n.items.some(neverTrue);
    case 'or':
      return n.items.every(neverTrue);
    case 'not':
      return alwaysTrue(n.item);
    default:
      return false;
  }
}

/** Whether a node is true for every event (certainly). */
export function alwaysTrue(n: Logic): boolean {
  switch (n.kind) {
    case 'cmp':
      // A keyword that every event's text contains.
      return n.field === '' && ((n.operator === 'contains' && n.value === '') || (n.operator === 'wildcard' && typeof n.value === 'string' && /^\*+$/.test(n.value)));
    case 'and':
      return n.items.every(alwaysTrue);
    case 'or': {
      if (n.items.some(alwaysTrue)) return true;
      const negatives = new Set<string>();
      const nulls = new Map<string, Set<string>>();
      for (const item of n.items) {
        if (item.kind === 'not') negatives.add(shape(item.item));
        if (item.kind === 'cmp' && (item.operator === 'is_null' || item.operator === 'is_not_null')) {
          const s = nulls.get(item.field) ?? new Set<string>();
          s.add(item.operator);
          nulls.set(item.field, s);
        }
      }
      for (const s of nulls.values()) if (s.size === 2) return true;
      // A part and its negation: without a negation no shape (a string of the whole part) is needed.
      if (negatives.size === 0) return false;
      for (const item of n.items) if (item.kind !== 'not' && negatives.has(shape(item))) return true;
      return false;
    }
    case 'not':
      return neverTrue(n.item);
    case 'opaque':
      return false;
  }
}

/** A structural key of a node: equal keys mean the same logic written the same way. */
export function shape(n: Logic): string {
  switch (n.kind) {
    case 'cmp':
      // Values compare as they match: case-insensitively unless case-sensitive.
      return `${n.field}\u0000${n.operator}\u0000${n.caseSensitive ? String(n.value) : String(n.value).toLowerCase()}\u0000${n.caseSensitive ? 1 : 0}\u0000${(n.modifiers ?? []).join('|')}`;
    case 'not':
      return `!(${shape(n.item)})`;
    case 'and':
    case 'or':
      return `${n.kind}(${n.items.map(shape).sort().join(',')})`;
    case 'opaque':
      return `?(${n.description})`;
  }
}
