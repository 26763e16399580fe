import { asPattern, NUMBER, PATTERN_OPERATORS, termGroups, type TermGroup } from './elastic-terms.js';
import type { ExclusionSnippetWriter } from './types.js';

/** An EQL double-quoted string. */
function str(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

function hasWildcardChar(value: string): boolean {
  return value.includes('*') || value.includes('?');
}

function list(values: readonly string[]): string {
  return values.length === 1 ? (values[0] as string) : `(${values.join(', ')})`;
}

const FUNCTION: Record<string, string> = { contains: 'stringContains~', starts_with: 'startsWith~', ends_with: 'endsWith~' };

/**
 * One group as an EQL test. `:` is EQL's case-insensitive match, a wildcard
 * match when the value holds `*` or `?`, so plain values, wildcards and
 * prefix/suffix/substring tests all fit one `field : (…)` list; a value that
 * itself holds `*` or `?` goes through `in~` or a `startsWith~`-style function
 * instead, where they are literal.
 */
function clauses(g: TermGroup): string[] {
  const { field, operator, values } = g;
  if (PATTERN_OPERATORS.has(operator) || operator === 'eq' || operator === 'match' || operator === 'in') {
    const patterns: string[] = [];
    const out: string[] = [];
    const literalEq: string[] = [];
    for (const v of values) {
      if (operator === 'wildcard' || !hasWildcardChar(v)) patterns.push(str(asPattern(operator, v, (t) => t, (t) => t)));
      else if (FUNCTION[operator]) out.push(`${FUNCTION[operator]}(${field}, ${str(v)})`);
      else literalEq.push(str(v));
    }
    if (patterns.length > 0) out.unshift(`${field} : ${list(patterns)}`);
    if (literalEq.length > 0) out.push(`${field} in~ (${literalEq.join(', ')})`);
    return out;
  }
  switch (operator) {
    case 'regex_match':
      return [`${field} regex~ ${list(values.map(str))}`];
    case 'cidr':
      return [`cidrMatch(${field}, ${values.map(str).join(', ')})`];
    case 'ne':
      return values.map((v) => `${field} != ${str(v)}`);
    case 'is_null':
      return [`${field} == null`];
    case 'is_not_null':
      return [`${field} != null`];
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const op = { lt: '<', lte: '<=', gt: '>', gte: '>=' }[operator];
      return values.map((v) => `${field} ${op} ${NUMBER.test(v) ? v : str(v)}`);
    }
    default:
      return [];
  }
}

/** `and not field : ("a", "b*")` lines: to append to the rule's (or the step's) `where` condition. */
export const eqlSnippet: ExclusionSnippetWriter = (rule, rows) => {
  const lines: string[] = [];
  for (const g of termGroups(rule, rows)) {
    const parts = clauses(g);
    if (parts.length === 0) continue;
    lines.push(`and not ${parts.length === 1 ? parts[0] : `(${parts.join(' or ')})`}`);
  }
  return lines.join('\n');
};
