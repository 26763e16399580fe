import type { Span } from '../../model/location.js';
import type { RuleModel } from '../../model/rule.js';
import type { EmbeddedText } from '../../parse/embedded.js';
import { filterMacroName, splunkDocOf } from './splunk-doc.js';

export interface FilterMacroUse {
  search: EmbeddedText;
  /** The macro the detection's name asks for (`<stem>_filter`). */
  expected: string;
  /** Where `` `<expected>` `` is written in the search (the last time, if more than once). */
  call?: Span;
  /** Other `` `*_filter` `` macro calls of the search (a stale name after a rename). */
  others: { name: string; span: Span }[];
}

/** A backtick macro call without arguments whose name ends in `_filter`. */
const FILTER_CALL = /`([A-Za-z0-9_]+_filter)`/g;

/**
 * The filter macro calls of a detection's search, found in its text as
 * contentctl finds them (a substring test, not the SPL parser's view: a
 * quoting slip earlier in the search must not hide the macro).
 */
export function filterMacroUse(rule: RuleModel): FilterMacroUse | undefined {
  const doc = splunkDocOf(rule);
  const name = doc?.name?.value;
  const search = doc?.search;
  if (!doc || name === undefined || !search) return undefined;
  const expected = filterMacroName(name);
  const use: FilterMacroUse = { search, expected, others: [] };
  for (const m of search.text.matchAll(FILTER_CALL)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (m[1] === expected) use.call = span;
    else use.others.push({ name: m[1] as string, span });
  }
  return use;
}
