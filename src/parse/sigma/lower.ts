import { not } from '../../model/logic.js';
import type { Logic, LogicCompare } from '../../model/logic.js';
import type { Span } from '../../model/location.js';
import type { Operator, PredicateValue } from '../../model/rule.js';
import { selectionsMatching } from './condition-ast.js';
import type { ConditionNode } from './condition-ast.js';
import type { SigmaCondition, SigmaDetectionItem, SigmaDocument, SigmaModifier, SigmaSelection, SigmaValue } from './document-types.js';
import { REGEX_FLAG_MODIFIERS } from './modifiers.js';
import { hasUnescapedWildcard, impliedPattern, literalCore, unescapeSigma } from './sigma-string.js';

/**
 * A Sigma comparison, with the document parts that know its places: the rule
 * model's predicates read their locations from these, when asked, instead of
 * working them out from the spans a second time.
 */
export interface SigmaCompare extends LogicCompare {
  /** The value compared; undefined for a test of the field's presence, which sits at the item's key. */
  at: SigmaValue | undefined;
  /** The detection item; undefined for a keyword of a keyword list. */
  item: SigmaDetectionItem | undefined;
}

/**
 * Lowers a rule's (or filter's) detection into the shared Logic tree, spans
 * in file offsets. `x of pattern` expands to the matching selections; a map
 * is an AND of its items, a list of maps an OR; an item's values are ORed
 * (ANDed under `all`); keywords are field-less `contains`. Correlations have
 * no detection of their own: undefined. Conditions that failed to parse, and
 * references to missing selections, are left out.
 */
export function sigmaToLogic(doc: SigmaDocument): Logic | undefined {
  const source = doc.kind === 'filter' ? doc.filter : doc.kind === 'rule' ? doc.detection : undefined;
  if (!source) return undefined;
  const lowerer = new Lowerer(source.selections);
  return combine('or', source.condition.map((c) => lowerer.condition(c)));
}

function combine(kind: 'and' | 'or', parts: (Logic | undefined)[]): Logic | undefined {
  // and()/or() of the present parts, in one array: filtering first and then
  // flattening made two arrays per node. A plain loop, not `filter`: V8
  // inlines filter with a check of the array's elements kind, and an empty
  // `parts` (still a small-integer array) failed that check on every call.
  const flat: Logic[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p === undefined) continue;
    if (p.kind === kind) {
      for (const it of p.items) flat.push(it);
    } else flat.push(p);
  }
  if (flat.length === 0) return undefined;
  return flat.length === 1 ? (flat[0] as Logic) : { kind, items: flat };
}

class Lowerer {
  private readonly selections: Map<string, SigmaSelection>;
  private readonly cache = new Map<string, Logic | undefined>();

  constructor(selections: Map<string, SigmaSelection>) {
    this.selections = selections;
  }

  condition(c: SigmaCondition): Logic | undefined {
    return c.ast ? this.node(c.ast) : undefined;
  }

  private node(n: ConditionNode): Logic | undefined {
    switch (n.kind) {
      case 'and':
      case 'or':
        return combine(n.kind, n.items.map((i) => this.node(i)));
      case 'not': {
        const inner = this.node(n.item);
        return inner ? not(inner) : undefined;
      }
      case 'ref':
        return this.selection(n.name);
      case 'of': {
        const names = selectionsMatching(n, this.selections.keys());
        return combine(n.quantifier === 'all' ? 'and' : 'or', names.map((name) => this.selection(name)));
      }
      case 'aggregation':
        // The count/near part is about many events; the search before the pipe is the detection logic.
        return this.node(n.search);
    }
  }

  private selection(name: string): Logic | undefined {
    if (this.cache.has(name)) return this.cache.get(name);
    const sel = this.selections.get(name);
    const logic = sel ? lowerSelection(sel) : undefined;
    this.cache.set(name, logic);
    return logic;
  }
}

function lowerSelection(sel: SigmaSelection): Logic | undefined {
  const parts: (Logic | undefined)[] = [];
  for (const group of sel.groups) parts.push(combine('and', group.map((item) => lowerItem(item, sel.name))));
  for (const kw of sel.keywords) parts.push(keywordCompare(kw, sel.name));
  return combine('or', parts);
}

function keywordCompare(v: SigmaValue, group: string): SigmaCompare | undefined {
  if (v.value === null) return undefined;
  const s = String(v.value);
  const wild = hasUnescapedWildcard(s);
  return {
    kind: 'cmp',
    field: '',
    operator: wild ? 'wildcard' : 'contains',
    value: wild ? s : unescapeSigma(s),
    span: v.span,
    fieldSpan: undefined,
    caseSensitive: undefined,
    modifiers: undefined,
    group,
    at: v,
    item: undefined,
  };
}

/** Lowers one detection item: a comparison per value, linked by its linkage (negated under `neq`). */
export function lowerItem(item: SigmaDetectionItem, group: string): Logic | undefined {
  const mods = modifierNames(item);
  if (mods?.includes('fieldref')) {
    // A comparison of two fields is not a (field, value) predicate.
    return { kind: 'opaque', span: spanOfItem(item), description: `${item.key}: field reference to ${item.values.map((v) => String(v.value)).join(', ')}` };
  }
  const negate = mods !== undefined && mods.includes('neq');
  // Most items have one value: its comparison is the item's logic, with no arrays to combine.
  if (!negate && item.values.length === 1) return compareFor(item, item.values[0] as SigmaValue, mods, group);
  const parts: Logic[] = [];
  for (const v of item.values) {
    const c = compareFor(item, v, mods, group);
    if (!c) continue;
    if (!negate) parts.push(c);
    else if (c.operator === 'eq') parts.push({ ...c, operator: 'ne' });
    else if (c.operator === 'is_null') parts.push({ ...c, operator: 'is_not_null' });
    else parts.push(not(c));
  }
  // not(a or b) = not a and not b: under neq the values link the other way.
  const linkOr = item.linkage === 'or' ? !negate : negate;
  return combine(linkOr ? 'or' : 'and', parts);
}

/** The item's modifier names (one array, shared by its comparisons); undefined when it has none. */
function modifierNames(item: SigmaDetectionItem): string[] | undefined {
  const n = item.modifiers.length;
  if (n === 0) return undefined;
  const names = new Array<string>(n);
  for (let i = 0; i < n; i++) names[i] = (item.modifiers[i] as SigmaModifier).name;
  return names;
}

function spanOfItem(item: SigmaDetectionItem): Span {
  let end = item.keySpan.end;
  for (const v of item.values) end = Math.max(end, v.span.end);
  return { start: item.keySpan.start, end };
}

/**
 * A comparison with every optional property present (undefined when it does
 * not apply), so all comparisons share one object shape and the checks that
 * read them stay monomorphic. It sits at the value `at`, or at the key when
 * it tests the field's presence.
 */
function cmp(item: SigmaDetectionItem, operator: Operator, value: PredicateValue, at: SigmaValue | undefined, group: string, mods: readonly string[] | undefined, caseSensitive: boolean | undefined): SigmaCompare {
  return {
    kind: 'cmp',
    field: item.field ?? '',
    operator,
    value,
    span: at ? at.span : item.keySpan,
    fieldSpan: item.field !== null ? item.fieldSpan : undefined,
    caseSensitive,
    modifiers: mods,
    group,
    at,
    item,
  };
}

function compareFor(item: SigmaDetectionItem, v: SigmaValue, mods: string[] | undefined, group: string): SigmaCompare | undefined {
  if (v.value === null && !mods?.includes('exists')) return cmp(item, 'is_null', null, undefined, group, mods, undefined);
  if (!mods) return plainCompare(item, v, group);
  const cased = mods.includes('cased') ? true : undefined;
  if (mods.includes('exists')) {
    const b = v.value === true || v.value === 'true' ? true : v.value === false || v.value === 'false' ? false : undefined;
    if (b === undefined) return undefined;
    return cmp(item, b ? 'is_not_null' : 'is_null', null, undefined, group, mods, undefined);
  }
  if (mods.includes('re')) {
    const pattern = String(v.value);
    const insensitive = mods.some((m) => REGEX_FLAG_MODIFIERS[m] === 'i') || /^\(\?[a-zA-Z]*i[a-zA-Z]*\)/.test(pattern);
    return cmp(item, 'regex_match', pattern, v, group, mods, !insensitive);
  }
  if (mods.includes('cidr')) return cmp(item, 'cidr', String(v.value), v, group, mods, undefined);
  for (const m of mods) {
    if (m === 'lt' || m === 'lte' || m === 'gt' || m === 'gte') return cmp(item, m, v.value, v, group, mods, undefined);
  }
  const contains = mods.includes('contains');
  const leading = contains || mods.includes('endswith');
  const trailing = contains || mods.includes('startswith');
  if (leading || trailing) {
    const s = String(v.value);
    const core = literalCore(s, leading, trailing);
    if (core === undefined) return cmp(item, 'wildcard', impliedPattern(s, leading, trailing), v, group, mods, cased);
    return cmp(item, contains ? 'contains' : leading ? 'ends_with' : 'starts_with', core, v, group, mods, cased);
  }
  const c = plainCompare(item, v, group);
  c.modifiers = mods;
  if (cased) c.caseSensitive = true;
  return c;
}

/** A value without modifiers: equality, or a wildcard pattern when it has unescaped `*`/`?`. */
function plainCompare(item: SigmaDetectionItem, v: SigmaValue, group: string): SigmaCompare {
  let value: PredicateValue = v.value;
  let operator: Operator = 'eq';
  if (typeof value === 'string') {
    if (hasUnescapedWildcard(value)) operator = 'wildcard';
    else value = unescapeSigma(value);
  }
  // A field-less value is a keyword: a full-text match, like a keyword list entry.
  if (item.field === null && operator === 'eq') {
    operator = 'contains';
    value = String(value);
  }
  return cmp(item, operator, value, v, group, undefined, undefined);
}
