import type { Span } from '../../model/location.js';
import { macroKey, type MacroTable } from './macros.js';
import { splitMacroCall } from './spl-scanner.js';

/** A backtick macro call written in the original search. */
export interface MacroCall {
  name: string;
  /** `name` or `name(N)`. */
  key: string;
  args: string[];
  span: Span;
  /** Whether a definition was found (or it is a generated `*_filter`). */
  known: boolean;
}

export interface MacroExpansion {
  /** The search with macros expanded and ```` ``` ```` comments blanked. */
  text: string;
  /** Offset in the original search of an offset in `text`; text from a macro maps to the start of its call. */
  toOriginal(offset: number): number;
  /** A span of `text` in the original search; a span touching macro text covers the whole call. */
  toOriginalSpan(span: Span): Span;
  /** Macros with no definition, left in `text` as written (the parser keeps them as opaque tokens). */
  unknown: { name: string; span: Span }[];
  /** Every macro call written in the original search, in order. */
  calls: MacroCall[];
  /** Cycles and runaway nesting found while expanding. */
  problems: { message: string; span: Span }[];
}

const MAX_DEPTH = 20;

/**
 * Expands the backtick macros of a search. Backticks inside double-quoted
 * strings are text, not macros. A macro whose expansion does nothing
 * (`search *`, as security_content generates for every `*_filter` macro)
 * disappears together with the `|` before it, so the result stays valid SPL.
 */
export function expandMacros(search: string, macros: MacroTable): MacroExpansion {
  const out = new Output();
  const result: MacroExpansion = {
    text: search,
    toOriginal: (offset) => Math.max(0, Math.min(offset, search.length)),
    toOriginalSpan: (span) => ({ start: span.start, end: span.end }),
    unknown: [],
    calls: [],
    problems: [],
  };
  // Without backticks there is nothing to expand and every offset maps to itself.
  if (search.indexOf('`') < 0) return result;
  expandInto(search, null, 0, [], out, macros, result);
  const { text, starts, ends } = out.finish();
  const len = search.length;
  const at = (offset: number): number => {
    if (offset >= text.length) return len;
    return starts[Math.max(0, offset)] as number;
  };
  result.text = text;
  result.toOriginal = at;
  result.toOriginalSpan = (span) => {
    const start = at(span.start);
    if (span.end <= span.start) return { start, end: start };
    const last = Math.min(span.end, text.length) - 1;
    const end = last >= 0 ? (ends[last] as number) : start;
    return { start, end: Math.max(start, end) };
  };
  return result;
}

/**
 * A run of expanded text and where it came from: `identity` runs are copied
 * from the search (character k at `start + k`); others came from a macro and
 * all map to the call's span.
 */
interface Segment {
  text: string;
  start: number;
  end: number;
  identity: boolean;
}

/** The expanded text as runs, turned into per-character offset maps once at the end. */
class Output {
  private readonly segments: Segment[] = [];

  push(text: string, start: number, end: number, identity: boolean): void {
    if (text.length > 0) this.segments.push({ text, start, end, identity });
  }

  get mark(): number {
    return this.segments.length;
  }

  truncate(mark: number): void {
    this.segments.length = mark;
  }

  textFrom(mark: number): string {
    let s = '';
    for (let i = mark; i < this.segments.length; i++) s += (this.segments[i] as Segment).text;
    return s;
  }

  /** Drops a `|` (and the spaces after it) that ends the output, left dangling by a vanished macro. */
  dropDanglingPipe(): void {
    for (let i = this.segments.length - 1; i >= 0; i--) {
      const seg = this.segments[i] as Segment;
      let k = seg.text.length - 1;
      while (k >= 0 && isBlank(seg.text.charCodeAt(k))) k--;
      if (k < 0) continue;
      if (seg.text.charCodeAt(k) === 124) {
        this.segments.length = i + 1;
        seg.text = seg.text.slice(0, k);
        if (seg.text.length === 0) this.segments.length = i;
      }
      return;
    }
  }

  finish(): { text: string; starts: Int32Array; ends: Int32Array } {
    let total = 0;
    for (const seg of this.segments) total += seg.text.length;
    const starts = new Int32Array(total);
    const ends = new Int32Array(total);
    const parts: string[] = [];
    let o = 0;
    for (const seg of this.segments) {
      parts.push(seg.text);
      for (let k = 0; k < seg.text.length; k++, o++) {
        starts[o] = seg.identity ? seg.start + k : seg.start;
        ends[o] = seg.identity ? seg.start + k + 1 : seg.end;
      }
    }
    return { text: parts.join(''), starts, ends };
  }
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isNoop(expansion: string): boolean {
  const t = expansion.trim();
  if (t === '') return true;
  return /^search\s+\*$/i.test(t);
}

/**
 * Copies `src` into `out`, expanding macros. At the top level (`outer` null)
 * each character keeps its own offset; inside a macro every character maps to
 * the outermost call's span.
 */
function expandInto(
  src: string,
  outer: Span | null,
  depth: number,
  stack: readonly string[],
  out: Output,
  macros: MacroTable,
  result: MacroExpansion,
): void {
  const n = src.length;
  let inQuote = false;
  /** Start of the text not yet copied to `out`. */
  let pending = 0;
  const flush = (to: number): void => {
    if (to > pending) {
      if (outer) out.push(src.slice(pending, to), outer.start, outer.end, false);
      else out.push(src.slice(pending, to), pending, to, true);
    }
  };
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (inQuote) {
      if (c === 92) i++;
      else if (c === 34) inQuote = false;
      i++;
      continue;
    }
    if (c === 34) {
      inQuote = true;
      i++;
      continue;
    }
    if (c === 92) {
      // A backslash escapes the next character in an unquoted term too (`*\"privileged\":true*`).
      i += 2;
      continue;
    }
    if (c !== 96) {
      i++;
      continue;
    }
    flush(i);
    if (src.startsWith('```', i)) {
      // A comment: one space keeps the words on either side apart.
      const close = src.indexOf('```', i + 3);
      const end = close < 0 ? n : close + 3;
      out.push(' ', outer ? outer.start : i, outer ? outer.end : end, false);
      i = pending = end;
      continue;
    }
    const close = src.indexOf('`', i + 1);
    if (close < 0) {
      // Unclosed: left for the parser to report.
      pending = i;
      break;
    }
    const callSpan: Span = outer ?? { start: i, end: close + 1 };
    const { name, args } = splitMacroCall(src.slice(i + 1, close));
    const key = macroKey(name, args.length);
    const def = macros.get(key);
    const generatedFilter = !def && args.length === 0 && name.endsWith('_filter');
    if (!outer) result.calls.push({ name, key, args, span: callSpan, known: Boolean(def) || generatedFilter });
    pending = close + 1;
    if (generatedFilter) {
      out.dropDanglingPipe();
    } else if (!def) {
      result.unknown.push({ name, span: callSpan });
      pending = i;
    } else if (stack.includes(key) || depth >= MAX_DEPTH) {
      const why = depth >= MAX_DEPTH ? `macro nesting deeper than ${MAX_DEPTH}` : `macro '${key}' expands into itself`;
      result.problems.push({ message: why, span: callSpan });
      pending = i;
    } else {
      const mark = out.mark;
      expandInto(substituteArgs(def.definition, def.args, args), callSpan, depth + 1, [...stack, key], out, macros, result);
      if (isNoop(out.textFrom(mark))) {
        out.truncate(mark);
        out.dropDanglingPipe();
      }
    }
    i = close + 1;
  }
  flush(n);
}

function substituteArgs(definition: string, names: readonly string[], values: readonly string[]): string {
  if (names.length === 0) return definition;
  return definition.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
    const k = names.indexOf(name);
    return k >= 0 ? (values[k] ?? '') : whole;
  });
}
