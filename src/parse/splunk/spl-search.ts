import type { Span } from '../../model/location.js';
import type { Logic } from '../../model/logic.js';
import type { QueryParseResult, QuerySyntaxError } from '../query-error.js';
import { expandMacros, type MacroExpansion } from './macro-expand.js';
import type { MacroTable } from './macros.js';
import type { SplQuery } from './spl-ast.js';
import { parseSpl } from './spl-parser.js';

/** A detection's search, macro-expanded and parsed. */
export interface SplunkSearchParse {
  expansion: MacroExpansion;
  /** The tree and errors in the coordinates of `expansion.text`. */
  result: QueryParseResult<SplQuery>;
  /**
   * Syntax errors and macro problems (cycles, runaway nesting) in the
   * coordinates of the original search: an error inside a macro's expansion
   * points at the macro call.
   */
  errors: QuerySyntaxError[];
}

/** Expands the macros of a search, parses it, and maps the errors back to the search as written. */
export function parseSplunkSearch(search: string, macros: MacroTable): SplunkSearchParse {
  const expansion = expandMacros(search, macros);
  const result = parseSpl(expansion.text);
  const errors: QuerySyntaxError[] = expansion.problems.map((p) => ({ message: p.message, span: p.span }));
  for (const e of result.errors) errors.push({ message: e.message, span: expansion.toOriginalSpan(e.span) });
  return { expansion, result, errors };
}

/** A copy of a logic tree with every span passed through `map` (e.g. `expansion.toOriginalSpan`). */
export function mapLogicSpans(logic: Logic, map: (span: Span) => Span): Logic {
  switch (logic.kind) {
    case 'and':
    case 'or':
      return { kind: logic.kind, items: logic.items.map((i) => mapLogicSpans(i, map)) };
    case 'not':
      return { kind: 'not', item: mapLogicSpans(logic.item, map) };
    case 'cmp':
    case 'opaque':
      return { ...logic, span: map(logic.span) };
  }
}
