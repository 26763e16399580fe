import type { SourceText, Location, Span } from '../model/location.js';

/** How the raw text of a string in the file relates to its decoded value. */
export type StringStyle = 'literal' | 'escaped';

/**
 * A query or other text embedded in a file as a string value (a TOML `query`,
 * a YAML `search` or `condition`). Parsers work on `text`; `locate` maps their
 * offsets back to the file so problems point at the right line and column.
 */
export class EmbeddedText {
  readonly text: string;
  /** File offset of each offset of `text`; undefined when they are `shift` plus the offset. */
  private readonly map: Int32Array | undefined;
  private readonly shift: number;
  private readonly source: SourceText;

  constructor(source: SourceText, text: string, map: Int32Array | undefined, shift = 0) {
    this.source = source;
    this.text = text;
    this.map = map;
    this.shift = shift;
  }

  /** File offset of an offset in the decoded text. */
  fileOffset(offset: number): number {
    const i = Math.max(0, Math.min(offset, this.text.length));
    return this.map === undefined ? this.shift + i : (this.map[i] as number);
  }

  fileSpan(span: Span): Span {
    const start = this.fileOffset(span.start);
    // The end maps through its last character so that a range never runs on
    // into the closing quote or the next line's indentation.
    const end = span.end > span.start ? this.fileOffset(span.end - 1) + 1 : start;
    return { start, end: Math.max(start, end) };
  }

  locate(span: Span): Location {
    return this.source.location(this.fileSpan(span));
  }

  /** Text whose characters sit at the same offsets in the file (tests, synthetic input). */
  static identity(source: SourceText, start: number, text: string): EmbeddedText {
    // No offset table: most conditions are written as is, and a table per condition was a typed array each.
    return new EmbeddedText(source, text, undefined, start);
  }

  /**
   * Aligns a decoded string value with its raw form in the file, from
   * `rawStart` (at or before the first character of the value) to `rawEnd`.
   * Works for quoted, block and multi-line strings of YAML and TOML: raw
   * characters that do not appear in the value (quotes, indentation, escape
   * introducers, line folding) are skipped.
   */
  static align(source: SourceText, rawStart: number, rawEnd: number, decoded: string, style: StringStyle): EmbeddedText {
    const raw = source.text;
    const map = new Int32Array(decoded.length + 1);
    let j = rawStart;
    for (let i = 0; i < decoded.length; i++) {
      const want = decoded[i] as string;
      if (style === 'escaped' && raw[j] === '\\' && j + 1 < rawEnd) {
        const len = escapeLength(raw, j);
        if (len === 0) {
          // TOML line-ending backslash: the break and leading whitespace vanish.
          j = skipLineContinuation(raw, j);
          i--;
          continue;
        }
        map[i] = j;
        j += len;
        // A \U escape outside the BMP decodes to two UTF-16 units.
        if (len === 10 && i + 1 < decoded.length && isLowSurrogate(decoded.charCodeAt(i + 1))) {
          map[++i] = j - 1;
        }
        continue;
      }
      if (raw[j] === want) {
        map[i] = j++;
        continue;
      }
      if (isSpace(want)) {
        if (j < rawEnd && isSpace(raw[j] as string)) {
          map[i] = j++;
        } else {
          map[i] = j; // synthetic whitespace (folded line)
        }
        continue;
      }
      const found = raw.indexOf(want, j);
      if (found >= 0 && found < rawEnd) {
        map[i] = found;
        j = found + 1;
      } else {
        map[i] = Math.min(j, rawEnd);
      }
    }
    map[decoded.length] = Math.min(j, rawEnd);
    return new EmbeddedText(source, decoded, map);
  }
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\r';
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function escapeLength(raw: string, j: number): number {
  const c = raw[j + 1];
  if (c === 'u') return 6;
  if (c === 'U') return 10;
  if (c === 'x') return 4;
  if (c === '\n' || c === '\r' || c === ' ' || c === '\t') {
    let k = j + 1;
    while (raw[k] === ' ' || raw[k] === '\t') k++;
    if (raw[k] === '\n' || raw[k] === '\r') return 0;
  }
  return 2;
}

function skipLineContinuation(raw: string, j: number): number {
  let k = j + 1;
  while (k < raw.length && isSpace(raw[k] as string)) k++;
  return k;
}
