import type { Span } from '../model/location.js';

/**
 * A syntax error in a query or condition, in the coordinates of the query
 * text. The file-level parser maps the span into the file through the
 * query's EmbeddedText.
 */
export interface QuerySyntaxError {
  message: string;
  span: Span;
}

/** What every query parser returns: a tree (possibly partial) and its errors. */
export interface QueryParseResult<Ast> {
  ast: Ast | null;
  errors: QuerySyntaxError[];
}

/** The nesting EQL's parser refuses past (eql/parser.ts); the other parsers say the same when their recursion runs out. */
export const QUERY_TOO_DEEP = 'query is nested too deeply';

/**
 * The error for a query whose nesting overflowed a recursive parser's stack
 * (a RangeError): at the first bracket that opens deeper than any real query
 * goes, found by counting brackets outside double-quoted strings. A rule
 * author sees where, and not the engine's "Maximum call stack size exceeded".
 */
export function tooDeepError(text: string, depthLimit = 200): QuerySyntaxError {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '(' || c === '[' || c === '{') {
      if (++depth > depthLimit) return { message: QUERY_TOO_DEEP, span: { start: i, end: i + 1 } };
    } else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return { message: QUERY_TOO_DEEP, span: { start: 0, end: 0 } };
}
