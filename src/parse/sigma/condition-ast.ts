import type { Span } from '../../model/location.js';

/** The syntax tree of a Sigma condition. Spans are offsets into the condition text. */
export type ConditionNode = ConditionAnd | ConditionOr | ConditionNot | ConditionRef | ConditionOf | ConditionAggregation;

export interface ConditionAnd {
  kind: 'and';
  items: ConditionNode[];
  span: Span;
}

export interface ConditionOr {
  kind: 'or';
  items: ConditionNode[];
  span: Span;
}

export interface ConditionNot {
  kind: 'not';
  item: ConditionNode;
  span: Span;
}

/** A search identifier named directly: `selection`. */
export interface ConditionRef {
  kind: 'ref';
  name: string;
  span: Span;
}

/** `1 of sel*`, `all of them`, `any of filter_*`. */
export interface ConditionOf {
  kind: 'of';
  /** `1` and `any` mean OR over the matches, `all` means AND. */
  quantifier: '1' | 'any' | 'all';
  /** The pattern as written (`*` matches any run of characters); `them` for all identifiers. */
  pattern: string;
  them: boolean;
  patternSpan: Span;
  span: Span;
}

/**
 * The deprecated aggregation after a pipe: `sel | count(field) by group > 5`
 * or `sel | near other`. Recognised so the rule still parses; Sigma
 * correlations replaced it.
 */
export interface ConditionAggregation {
  kind: 'aggregation';
  /** The search before the pipe. */
  search: ConditionNode;
  /** count, min, max, avg, sum or near. */
  fn: string;
  field?: string;
  groupBy?: string;
  operator?: string;
  threshold?: number;
  /** For `near`: the searches that must appear near the first. */
  near?: ConditionNode;
  /** The part from the pipe on. */
  aggregationSpan: Span;
  span: Span;
}

/** Whether a search identifier matches an `of` pattern (glob with `*`, whole name). */
export function matchesPattern(name: string, pattern: string): boolean {
  const star = pattern.indexOf('*');
  if (star < 0) return name === pattern;
  // The usual pattern is a prefix (`selection_*`): no need to split it for every name.
  if (star === pattern.length - 1) return name.startsWith(pattern.slice(0, star));
  const parts = pattern.split('*');
  const first = parts[0] as string;
  const last = parts[parts.length - 1] as string;
  if (!name.startsWith(first) || name.length < first.length + last.length || !name.endsWith(last)) return false;
  let at = first.length;
  const stop = name.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i] as string;
    const found = name.indexOf(part, at);
    if (found < 0 || found + part.length > stop) return false;
    at = found + part.length;
  }
  return true;
}

/**
 * The selections an `of` node covers, in the order given. `them` and
 * patterns leave out names starting with `_` (unless the pattern itself
 * starts with `_`), as the specification excludes them by convention.
 */
export function selectionsMatching(node: ConditionOf, names: Iterable<string>): string[] {
  const out: string[] = [];
  const includeHidden = node.pattern.startsWith('_');
  for (const name of names) {
    if (name.startsWith('_') && !includeHidden) continue;
    if (node.them || matchesPattern(name, node.pattern)) out.push(name);
  }
  return out;
}
