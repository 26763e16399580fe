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
