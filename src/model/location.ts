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
 * Built once per file; lookups are a binary search over line starts.
 */
export class SourceText {
  readonly text: string;
  private readonly lineStarts: number[];

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) starts.push(i + 1);
      else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 1-based line and column of an offset (clamped into the text). */
  position(offset: number): { line: number; column: number } {
    const off = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= off) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: off - (this.lineStarts[lo] as number) + 1 };
  }

  location(span: Span): Location {
    const a = this.position(span.start);
    const b = this.position(Math.max(span.start, span.end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** Offset of a 1-based line and column. */
  offset(line: number, column: number): number {
    const start = this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))] as number;
    return Math.min(this.text.length, start + Math.max(0, column - 1));
  }

  /** The text of a 1-based line without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line];
    let end = next === undefined ? this.text.length : next;
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return this.text.slice(start, end);
  }
}

/** The location of the whole first line, for problems that have no better place. */
export function fileStart(): Location {
  return { line: 1, column: 1, endLine: 1, endColumn: 1 };
}
