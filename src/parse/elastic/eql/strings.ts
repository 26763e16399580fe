import type { QuerySyntaxError } from '../../query-error.js';
import type { EqlStringStyle } from './ast.js';

/** A string literal read from the query text. */
export interface ScannedString {
  value: string;
  style: EqlStringStyle;
  /** Offset just past the closing quote (or the end of the unterminated literal). */
  end: number;
  /** The literal does not end: what follows cannot be read. */
  errors: QuerySyntaxError[];
  /** Bad escapes: the engine rejects them, but the rest of the literal reads fine. */
  escapeErrors: QuerySyntaxError[];
}

const QUOTE = 34; // "
const APOS = 39; // '
const BACKSLASH = 92;
const LF = 10;
const CR = 13;

/**
 * Reads the string literal that starts at `start`: `"…"` and `'…'` with
 * escapes, `"""…"""` raw, and python-eql's `?"…"` raw. The caller has seen
 * the opening quote (or `?` and quote).
 */
export function scanString(text: string, start: number): ScannedString {
  const c0 = text.charCodeAt(start);
  if (c0 === 63 /* ? */) return scanRawString(text, start);
  if (c0 === QUOTE && text.charCodeAt(start + 1) === QUOTE && text.charCodeAt(start + 2) === QUOTE) {
    return scanTripleString(text, start);
  }
  return scanEscapedString(text, start, c0);
}

function scanTripleString(text: string, start: number): ScannedString {
  const close = text.indexOf('"""', start + 3);
  if (close < 0) {
    return {
      value: text.slice(start + 3),
      style: 'triple',
      end: text.length,
      errors: [{ message: "unterminated raw string: missing closing '\"\"\"'", span: { start, end: start + 3 } }],
      escapeErrors: [],
    };
  }
  // Like Elasticsearch's lexer, up to two quotes right before the closing
  // triple belong to the value: `"""say "hi""""` is `say "hi"`.
  let end = close + 3;
  let extra = 0;
  while (extra < 2 && text.charCodeAt(end) === QUOTE) {
    end++;
    extra++;
  }
  return { value: text.slice(start + 3, end - 3), style: 'triple', end, errors: [], escapeErrors: [] };
}

function scanRawString(text: string, start: number): ScannedString {
  const quote = text.charCodeAt(start + 1);
  let i = start + 2;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH && text.charCodeAt(i + 1) === quote) {
      i += 2;
      continue;
    }
    if (c === quote) {
      return { value: text.slice(start + 2, i), style: 'raw', end: i + 1, errors: [], escapeErrors: [] };
    }
    if (c === LF || c === CR) break;
    i++;
  }
  return {
    value: text.slice(start + 2, i),
    style: 'raw',
    end: i,
    errors: [{ message: 'unterminated string: missing closing quote before the end of the line', span: { start, end: i } }],
    escapeErrors: [],
  };
}

function scanEscapedString(text: string, start: number, quote: number): ScannedString {
  const style: EqlStringStyle = quote === APOS ? 'single' : 'double';
  const escapeErrors: QuerySyntaxError[] = [];
  let value = '';
  let chunkStart = start + 1;
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === quote) {
      value += text.slice(chunkStart, i);
      return { value, style, end: i + 1, errors: [], escapeErrors };
    }
    if (c === LF || c === CR) break;
    if (c !== BACKSLASH) {
      i++;
      continue;
    }
    value += text.slice(chunkStart, i);
    const escape = decodeEscape(text, i);
    if (escape.error) escapeErrors.push({ message: escape.error, span: { start: i, end: escape.end } });
    value += escape.value;
    i = escape.end;
    chunkStart = i;
  }
  value += text.slice(chunkStart, i);
  const unterminated = { message: 'unterminated string: missing closing quote before the end of the line', span: { start, end: i } };
  return { value, style, end: i, errors: [unterminated], escapeErrors };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  b: '\b',
  t: '\t',
  n: '\n',
  f: '\f',
  r: '\r',
  '"': '"',
  "'": "'",
  '\\': '\\',
};

/** Decodes the escape at `at` (a backslash), per the Elasticsearch EQL lexer. */
function decodeEscape(text: string, at: number): { value: string; end: number; error?: string } {
  const c = text[at + 1];
  if (c === undefined) return { value: '\\', end: at + 1, error: 'unterminated escape at the end of the query' };
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) return { value: simple, end: at + 2 };
  if (c === 'u' && text[at + 2] === '{') {
    const close = text.indexOf('}', at + 3);
    const hex = close < 0 ? '' : text.slice(at + 3, close);
    if (close > 0 && hex.length >= 2 && hex.length <= 8 && /^[0-9a-fA-F]+$/.test(hex)) {
      const code = parseInt(hex, 16);
      if (code <= 0x10ffff) return { value: String.fromCodePoint(code), end: close + 1 };
    }
    const end = close < 0 ? at + 3 : close + 1;
    return { value: '', end, error: 'invalid unicode escape: use \\u{XXXX} with 2 to 8 hex digits' };
  }
  if (c === '\n' || c === '\r') return { value: '', end: at + 1, error: 'unterminated escape at the end of the line' };
  return {
    value: c,
    end: at + 2,
    error: `unknown escape sequence '\\${c}': use '\\\\' for a backslash, or a """raw""" string`,
  };
}
