import type { QuerySyntaxError } from '../../query-error.js';
import type { EqlStringStyle } from './ast.js';
import { scanString } from './strings.js';

export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  /**
   * word: as written, with a trailing `~` if any (`in~`, `startsWith~`);
   * quoted: the name between backquotes; string: the decoded value;
   * number: the source text; punct: the symbol; eof: ''.
   */
  text: string;
  start: number;
  end: number;
  /** For strings. */
  style?: EqlStringStyle;
}

export interface LexResult {
  tokens: Token[];
  /** Text that cannot be read as tokens (unterminated strings, stray characters): the token list is a guess. */
  errors: QuerySyntaxError[];
  /** Problems inside tokens that still read well (single-quoted strings, bad escapes). */
  warnings: QuerySyntaxError[];
}

// Character classes by code unit, built once: the lexer is on the hot path.
const WORD_START = new Uint8Array(128);
const WORD_PART = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const digit = c >= 48 && c <= 57;
  WORD_START[c] = letter || c === 95 || c === 64 ? 1 : 0; // _ and @ (@timestamp)
  WORD_PART[c] = letter || digit || c === 95 ? 1 : 0;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Single-character punctuation that never starts a longer token. */
const SINGLE_PUNCT = new Set(['(', ')', '[', ']', ',', ':', '+', '-', '*', '%', '|']);

/** Splits EQL text into tokens, skipping whitespace and `//` / `/* *\/` comments. */
export function lexEql(text: string): LexResult {
  const tokens: Token[] = [];
  const errors: QuerySyntaxError[] = [];
  const warnings: QuerySyntaxError[] = [];
  const n = text.length;
  let i = 0;

  const push = (kind: TokenKind, tokText: string, start: number, end: number): void => {
    tokens.push({ kind, text: tokText, start, end });
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    if (c < 128 && WORD_START[c] === 1) {
      const start = i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d >= 128 || WORD_PART[d] !== 1) break;
        i++;
      }
      if (text.charCodeAt(i) === 126 /* ~ */) i++;
      push('word', text.slice(start, i), start, i);
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)) && !followsName(tokens))) {
      const start = i;
      i = scanNumber(text, i);
      push('number', text.slice(start, i), start, i);
      continue;
    }
    if (c === 34 /* " */ || c === 39 /* ' */ || (c === 63 /* ? */ && isQuote(text.charCodeAt(i + 1)))) {
      const start = i;
      const s = scanString(text, i);
      errors.push(...s.errors);
      warnings.push(...s.escapeErrors);
      if (s.style === 'single') {
        warnings.push({
          message: 'use double quotes for strings: Elasticsearch rejects single-quoted strings',
          span: { start, end: s.end },
        });
      }
      tokens.push({ kind: 'string', text: s.value, start, end: s.end, style: s.style });
      i = s.end;
      continue;
    }
    if (c === 96 /* ` */) {
      i = scanQuotedName(text, i, tokens, errors);
      continue;
    }
    if (c === 47 /* / */) {
      const d = text.charCodeAt(i + 1);
      if (d === 47) {
        i = skipLineComment(text, i);
        continue;
      }
      if (d === 42) {
        i = skipBlockComment(text, i, errors);
        continue;
      }
      push('punct', '/', i, i + 1);
      i++;
      continue;
    }
    const ch = text[i] as string;
    if (SINGLE_PUNCT.has(ch)) {
      push('punct', ch, i, i + 1);
      i++;
      continue;
    }
    const next = text[i + 1];
    switch (ch) {
      case '=':
      case '<':
      case '>':
        if (next === '=') {
          push('punct', ch + '=', i, i + 2);
          i += 2;
        } else {
          push('punct', ch, i, i + 1);
          i++;
        }
        continue;
      case '!':
        if (next === '=' || next === '[') {
          push('punct', ch + next, i, i + 2);
          i += 2;
        } else {
          errors.push({ message: "unexpected '!': use 'not' for negation and '!=' for inequality", span: { start: i, end: i + 1 } });
          i++;
        }
        continue;
      case '.':
      case '?':
        push('punct', ch, i, i + 1);
        i++;
        continue;
      default: {
        const cp = text.codePointAt(i) as number;
        const width = cp > 0xffff ? 2 : 1;
        errors.push({ message: `unexpected character ${describeChar(cp)}`, span: { start: i, end: i + width } });
        i += width;
      }
    }
  }
  tokens.push({ kind: 'eof', text: '', start: n, end: n });
  return { tokens, errors, warnings };
}

function isQuote(c: number): boolean {
  return c === 34 || c === 39;
}

/** Whether the previous token can be followed by `.name` (so `.5` there is a dot, not a number). */
function followsName(tokens: Token[]): boolean {
  const prev = tokens[tokens.length - 1];
  return prev !== undefined && (prev.kind === 'word' || prev.kind === 'quoted' || prev.text === ']');
}

function scanNumber(text: string, i: number): number {
  const n = text.length;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  // A dot is part of the number only before a digit, so `5.` stays `5` `.`.
  if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
    i++;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    let j = i + 1;
    const sign = text.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    if (isDigit(text.charCodeAt(j))) {
      i = j;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    }
  }
  return i;
}

function scanQuotedName(text: string, start: number, tokens: Token[], errors: QuerySyntaxError[]): number {
  let name = '';
  let i = start + 1;
  for (;;) {
    const close = text.indexOf('`', i);
    if (close < 0) {
      errors.push({ message: "unterminated backquoted name: missing closing '`'", span: { start, end: text.length } });
      tokens.push({ kind: 'quoted', text: name + text.slice(i), start, end: text.length });
      return text.length;
    }
    name += text.slice(i, close);
    // A doubled backquote stands for one backquote inside the name.
    if (text.charCodeAt(close + 1) === 96) {
      name += '`';
      i = close + 2;
      continue;
    }
    tokens.push({ kind: 'quoted', text: name, start, end: close + 1 });
    return close + 1;
  }
}

function skipLineComment(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/** Block comments nest, as in the Elasticsearch grammar. */
function skipBlockComment(text: string, start: number, errors: QuerySyntaxError[]): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      depth++;
      i += 2;
    } else if (c === 42 && text.charCodeAt(i + 1) === 47) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  errors.push({ message: "unterminated comment: missing closing '*/'", span: { start, end: start + 2 } });
  return text.length;
}

function describeChar(cp: number): string {
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  if (cp < 32 || cp === 127 || cp === 0xa0 || cp === 0xfeff || (cp >= 0x2000 && cp <= 0x200f)) return hex;
  return `'${String.fromCodePoint(cp)}' (${hex})`;
}
