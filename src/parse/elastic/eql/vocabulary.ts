/**
 * Fixed words of the EQL language: reserved keywords, functions, pipes and
 * time units, after Elastic's EQL syntax and function references (with the
 * python-eql additions that detection-rules still accepts).
 */

/** Words that cannot be field names or categories unless backquoted. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'and', 'any', 'by', 'false', 'in', 'in~', 'join', 'like', 'like~', 'maxspan', 'not', 'null', 'of', 'or',
  'regex', 'regex~', 'sample', 'sequence', 'true', 'until', 'where', 'with',
]);

/** Function names, lower-cased: Elasticsearch matches them case-insensitively (`startswith~` works). */
export const FUNCTIONS: ReadonlySet<string> = new Set([
  // Elasticsearch EQL
  'add', 'between', 'cidrmatch', 'concat', 'divide', 'endswith', 'indexof', 'length', 'modulo', 'multiply',
  'number', 'startswith', 'string', 'stringcontains', 'substring', 'subtract',
  // python-eql, still seen in older rules
  'arraycontains', 'arraycount', 'arraysearch', 'match', 'matchlite', 'safe', 'wildcard',
]);

export const PIPES: ReadonlySet<string> = new Set([
  'head', 'tail', 'filter', 'unique', 'unique_count', 'count', 'sort', 'window',
]);

/** Milliseconds per `maxspan` unit. */
export const TIME_UNITS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};
