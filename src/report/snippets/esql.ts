import { asPattern, NUMBER, PATTERN_OPERATORS, termGroups, type TermGroup } from './elastic-terms.js';
import type { ExclusionSnippetWriter } from './types.js';

/**
 * An ES|QL string: `"""…"""` when the text holds a backslash or a quote
 * (nothing is escaped inside triple quotes, so Windows paths read as
 * written), else `"…"`.
 */
function str(value: string): string {
  if ((value.includes('\\') || value.includes('"')) && !value.includes('"""') && !value.endsWith('"')) return `"""${value}"""`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

/** LIKE's own escapes: `\` escapes `*`, `?` and itself. */
function likeLiteral(text: string): string {
  return text.replace(/[\\*?]/g, '\\$&');
}

function likeWildcard(text: string): string {
  return text.replace(/\\/g, '\\\\');
}

function list(values: readonly string[]): string {
  return values.length === 1 ? (values[0] as string) : `(${values.join(', ')})`;
}

function constant(v: string): string {
  return NUMBER.test(v) ? v : str(v);
}

/** One group as ES|QL conditions; each is excluded with its own `AND NOT`. */
function conditions(g: TermGroup): string[] {
  const { field, operator, values } = g;
  if (PATTERN_OPERATORS.has(operator)) {
    return [`${field} LIKE ${list(values.map((v) => str(asPattern(operator, v, likeLiteral, likeWildcard))))}`];
  }
  switch (operator) {
    case 'eq':
    case 'match':
    case 'in':
      return [values.length === 1 ? `${field} == ${constant(values[0] as string)}` : `${field} IN (${values.map(constant).join(', ')})`];
    case 'regex_match':
      return values.map((v) => `${field} RLIKE ${str(v)}`);
    case 'cidr':
      return [`CIDR_MATCH(${field}, ${values.map(str).join(', ')})`];
    case 'ne':
      return values.map((v) => `${field} != ${constant(v)}`);
    case 'is_null':
      return [`${field} IS NULL`];
    case 'is_not_null':
      return [`${field} IS NOT NULL`];
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const op = { lt: '<', lte: '<=', gt: '>', gte: '>=' }[operator];
      return values.map((v) => `${field} ${op} ${constant(v)}`);
    }
    default:
      return [];
  }
}

/**
 * `AND NOT field IN (…)` / `AND NOT field LIKE (…)` lines, to append to the
 * query's first WHERE (before any STATS). Values keep the casing corpus
 * rules write them in: ES|QL compares case-sensitively.
 */
export const esqlSnippet: ExclusionSnippetWriter = (rule, rows) => {
  const lines: string[] = [];
  for (const g of termGroups(rule, rows)) for (const c of conditions(g)) lines.push(`AND NOT ${c}`);
  return lines.join('\n');
};
