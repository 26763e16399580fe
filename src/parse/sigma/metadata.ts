import type { Location, SourceText, Span } from '../../model/location.js';
import type { BuildContext } from './build-context.js';
import type { Located, SigmaCorrelation, SigmaCorrelationCondition, SigmaLogsource, SigmaRelated, SigmaScalar } from './document-types.js';
import { keyText, uniquePairList, uniquePairs } from '../yaml/nodes.js';
import type { YMap, YNode, YPair, YScalar } from '../yaml/nodes.js';

/**
 * A value with its place, whose lines and columns are worked out on first
 * use: a document has a few dozen of these (title, tags, logsource …) and a
 * run reads the places of few of them, only where it reports.
 */
class LocatedValue<T> implements Located<T> {
  readonly value: T;
  readonly span: Span;
  readonly #source: SourceText;
  /** Where the key is written; undefined for a list item, whose keyLoc is its loc. */
  readonly #key: Span | undefined;
  #loc: Location | undefined = undefined;
  #keyLoc: Location | undefined = undefined;

  constructor(value: T, node: YNode, key: YScalar | undefined, source: SourceText) {
    this.value = value;
    this.span = { start: node.start, end: node.end };
    this.#key = key ? { start: key.start, end: key.end } : undefined;
    this.#source = source;
  }

  get loc(): Location {
    return (this.#loc ??= this.#source.location(this.span));
  }

  get keyLoc(): Location {
    // A list item has no key of its own: its keyLoc is its loc (one object; locations are never mutated).
    return (this.#keyLoc ??= this.#key ? this.#source.location(this.#key) : this.loc);
  }
}

/** A scalar as a Located string (numbers and booleans as text); undefined for null and collections. */
export function locatedString(node: YNode | undefined, key: YScalar | undefined, ctx: BuildContext): Located<string> | undefined {
  if (!node || node.kind !== 'scalar' || node.value === null) return undefined;
  return new LocatedValue(String(node.value), node, key, ctx.source);
}

/** A list of strings; a single scalar counts as a one-element list (as Sigma tools accept it). */
export function locatedStrings(pair: YPair | undefined, ctx: BuildContext): Located<string>[] {
  if (!pair) return [];
  const v = pair.value;
  if (v.kind === 'scalar') {
    const one = locatedString(v, pair.key, ctx);
    return one ? [one] : [];
  }
  if (v.kind !== 'seq') return [];
  const out: Located<string>[] = [];
  for (const item of v.items) {
    const s = locatedString(item, undefined, ctx);
    if (s) out.push(s);
  }
  return out;
}

export function stringField(pairs: Map<string, YPair>, key: string, ctx: BuildContext): Located<string> | undefined {
  const pair = pairs.get(key);
  return pair ? locatedString(pair.value, pair.key, ctx) : undefined;
}

export function buildLogsource(map: YMap, ctx: BuildContext): SigmaLogsource {
  const out: SigmaLogsource = { other: {}, loc: ctx.loc(map) };
  for (const pair of uniquePairList(map)) {
    const value = locatedString(pair.value, pair.key, ctx);
    if (!value) continue;
    // Named stores: a store under a computed key went through V8's slow generic path for every logsource.
    const key = keyText(pair.key);
    switch (key) {
      case 'product': out.product = value; break;
      case 'category': out.category = value; break;
      case 'service': out.service = value; break;
      case 'definition': out.definition = value; break;
      default: out.other[key] = value;
    }
  }
  return out;
}

export function buildRelated(node: YNode, ctx: BuildContext): SigmaRelated[] {
  if (node.kind !== 'seq') return [];
  const out: SigmaRelated[] = [];
  for (const item of node.items) {
    if (item.kind !== 'map') continue;
    const pairs = uniquePairs(item);
    const entry: SigmaRelated = { loc: ctx.loc(item) };
    const id = stringField(pairs, 'id', ctx);
    const type = stringField(pairs, 'type', ctx);
    if (id) entry.id = id;
    if (type) entry.type = type;
    out.push(entry);
  }
  return out;
}

function located<T>(value: T, node: YNode, key: YScalar | undefined, ctx: BuildContext): Located<T> {
  return new LocatedValue(value, node, key, ctx.source);
}

const CORRELATION_OPERATORS = new Set(['gt', 'gte', 'lt', 'lte', 'eq', 'neq']);

export function buildCorrelation(map: YMap, ctx: BuildContext): SigmaCorrelation {
  const pairs = uniquePairs(map);
  const out: SigmaCorrelation = {
    rules: locatedStrings(pairs.get('rules'), ctx),
    groupBy: locatedStrings(pairs.get('group-by'), ctx),
    aliases: {},
    loc: ctx.loc(map),
  };
  const type = stringField(pairs, 'type', ctx);
  const timespan = stringField(pairs, 'timespan', ctx) ?? stringField(pairs, 'timeframe', ctx);
  if (type) out.type = type;
  if (timespan) out.timespan = timespan;
  const gen = pairs.get('generate');
  if (gen && gen.value.kind === 'scalar' && typeof gen.value.value === 'boolean') out.generate = located(gen.value.value, gen.value, gen.key, ctx);
  const cond = pairs.get('condition');
  if (cond && cond.value.kind === 'map') out.condition = buildCorrelationCondition(cond.value, ctx);
  const aliases = pairs.get('aliases');
  if (aliases && aliases.value.kind === 'map') {
    for (const [alias, p] of uniquePairs(aliases.value)) {
      if (p.value.kind !== 'map') continue;
      const byRule: Record<string, Located<string>> = {};
      for (const [rule, rp] of uniquePairs(p.value)) {
        const field = locatedString(rp.value, rp.key, ctx);
        if (field) byRule[rule] = field;
      }
      out.aliases[alias] = byRule;
    }
  }
  return out;
}

function buildCorrelationCondition(map: YMap, ctx: BuildContext): SigmaCorrelationCondition {
  const out: SigmaCorrelationCondition = { criteria: [], loc: ctx.loc(map) };
  for (const pair of map.pairs) {
    const key = keyText(pair.key);
    if (key === 'field') {
      const field = locatedString(pair.value, pair.key, ctx);
      if (field) out.field = field;
    } else if (CORRELATION_OPERATORS.has(key) && pair.value.kind === 'scalar') {
      out.criteria.push({ operator: located(key, pair.key, pair.key, ctx), value: located<SigmaScalar>(pair.value.value, pair.value, pair.key, ctx) });
    }
  }
  return out;
}
