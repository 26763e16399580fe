/** A range in a file. Lines and columns are 1-based; columns count UTF-16 code units, as editors and SARIF do. */
export interface Location {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A half-open range of UTF-16 offsets into a file's text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Converts offsets in one file's text into line/column locations.
 * The line index is built on the first lookup (a file that is refused, or
 * served from a cache, never needs it); lookups are a binary search over
 * line starts.
 */
export class SourceText {
  readonly text: string;
  private starts: number[] | undefined;

  constructor(text: string) {
    this.text = text;
  }

  private get lineStarts(): number[] {
    return (this.starts ??= lineStartsOf(this.text));
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 1-based line and column of an offset (clamped into the text). */
  position(offset: number): { line: number; column: number } {
    const off = this.clamp(offset);
    const starts = this.lineStarts;
    const line = lineIndexOf(starts, off, 0);
    return { line: line + 1, column: off - (starts[line] as number) + 1 };
  }

  location(span: Span): Location {
    const starts = this.lineStarts;
    const a = this.clamp(span.start);
    const b = this.clamp(Math.max(span.start, span.end));
    const line = lineIndexOf(starts, a, 0);
    // Most spans end on the line they start on: check that before searching again.
    const next = starts[line + 1];
    const endLine = next === undefined || b < next ? line : lineIndexOf(starts, b, line + 1);
    return { line: line + 1, column: a - (starts[line] as number) + 1, endLine: endLine + 1, endColumn: b - (starts[endLine] as number) + 1 };
  }

  /** Offset of a 1-based line and column. */
  offset(line: number, column: number): number {
    const starts = this.lineStarts;
    const start = starts[Math.max(0, Math.min(line - 1, starts.length - 1))] as number;
    return Math.min(this.text.length, start + Math.max(0, column - 1));
  }

  /** The text of a 1-based line without its line break. */
  lineText(line: number): string {
    const starts = this.lineStarts;
    const start = starts[line - 1];
    if (start === undefined) return '';
    const next = starts[line];
    let end = next === undefined ? this.text.length : next;
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return this.text.slice(start, end);
  }

  private clamp(offset: number): number {
    return Math.max(0, Math.min(offset, this.text.length));
  }
}

/** Offsets where lines start: after each LF, CRLF or lone CR. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    // The common case: indexOf finds line breaks much faster than a loop over every character.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

/** Index of the last line start at or before `offset`, searching from line index `from`. */
function lineIndexOf(starts: readonly number[], offset: number, from: number): number {
  let lo = from;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The location of the whole first line, for problems that have no better place. */
export function fileStart(): Location {
  return { line: 1, column: 1, endLine: 1, endColumn: 1 };
}
