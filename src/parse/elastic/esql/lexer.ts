import type { Span } from '../../../model/location.js';

export type EsqlTokenKind = 'name' | 'number' | 'string' | 'param' | 'op' | 'eof' | 'error';

export interface EsqlToken {
  kind: EsqlTokenKind;
  start: number;
  end: number;
  /**
   * name: the qualified name with backquotes resolved (`a.b`, `Esql.*`);
   * string: the decoded value; number: its text; op: the operator; param: `?x`;
   * error: the message of a lexical error (the parser reports it where it meets it).
   */
  text: string;
  /** string: written with `"""`. */
  triple?: boolean;
  /** name: some part was backquoted (so it is never a keyword). */
  quoted?: boolean;
}

export class EsqlLexError {
  readonly message: string;
  readonly span: Span;
  constructor(message: string, span: Span) {
    this.message = message;
    this.span = span;
  }
}

const TWO_CHAR_OPS = new Set(['==', '!=', '<=', '>=', '=~', '::']);
const ONE_CHAR_OPS = new Set(['<', '>', '=', '+', '-', '*', '/', '%', ':', '(', ')', '[', ']', '{', '}', ',', '|', '.']);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 95 || c === 64;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 64;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/**
 * ES|QL tokens, read on demand so the parser can switch to the other
 * lexical modes of the language (index patterns after FROM, name patterns
 * with `*` after KEEP) at any point: it sets `pos` and calls the reader
 * for the mode it needs.
 */
export class EsqlLexer {
  readonly text: string;
  pos = 0;

  constructor(text: string) {
    this.text = text;
  }

  /** Skips whitespace and `//` / `/* … *\/` comments (which may nest, as in ES|QL). */
  skipTrivia(): void {
    const t = this.text;
    for (;;) {
      while (this.pos < t.length && isSpace(t.charCodeAt(this.pos))) this.pos++;
      if (t.charCodeAt(this.pos) !== 47) return;
      const n = t.charCodeAt(this.pos + 1);
      if (n === 47) {
        while (this.pos < t.length && t.charCodeAt(this.pos) !== 10 && t.charCodeAt(this.pos) !== 13) this.pos++;
      } else if (n === 42) {
        const open = this.pos;
        let depth = 0;
        let i = this.pos;
        for (;;) {
          if (i >= t.length) throw new EsqlLexError("unclosed '/*' comment", { start: open, end: open + 2 });
          if (t.charCodeAt(i) === 47 && t.charCodeAt(i + 1) === 42) {
            depth++;
            i += 2;
          } else if (t.charCodeAt(i) === 42 && t.charCodeAt(i + 1) === 47) {
            depth--;
            i += 2;
            if (depth === 0) break;
          } else i++;
        }
        this.pos = i;
      } else return;
    }
  }

  /** The next token of an expression; a lexical error comes back as an `error` token. */
  next(): EsqlToken {
    try {
      return this.read();
    } catch (err) {
      if (!(err instanceof EsqlLexError)) throw err;
      // Resume after the bad character; an unclosed string or comment runs to the end.
      this.pos = err.message.startsWith('unclosed') ? this.text.length : err.span.end;
      return { kind: 'error', start: err.span.start, end: err.span.end, text: err.message };
    }
  }

  private read(): EsqlToken {
    this.skipTrivia();
    const t = this.text;
    const start = this.pos;
    if (start >= t.length) return { kind: 'eof', start, end: start, text: '' };
    const c = t.charCodeAt(start);
    if (c === 34) return this.string();
    if (isDigit(c) || (c === 46 && isDigit(t.charCodeAt(start + 1)))) return this.number();
    if (isNameStart(c) || c === 96) return this.name(false);
    if (c === 63) return this.param();
    const two = t.substring(start, start + 2);
    if (two.length === 2 && TWO_CHAR_OPS.has(two)) {
      this.pos += 2;
      return { kind: 'op', start, end: this.pos, text: two };
    }
    const one = t[start] as string;
    if (ONE_CHAR_OPS.has(one)) {
      this.pos++;
      return { kind: 'op', start, end: this.pos, text: one };
    }
    throw new EsqlLexError(`unexpected character '${one}'`, { start, end: start + 1 });
  }

  /** A (qualified) name; with `pattern`, `*` may stand for any part (`Esql.*`, `*`). */
  name(pattern: boolean): EsqlToken {
    const t = this.text;
    const start = this.pos;
    let text = '';
    let quoted = false;
    let i = start;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 96) {
        // Backquoted part: `` doubles a backquote.
        let j = i + 1;
        for (;;) {
          if (j >= t.length) throw new EsqlLexError("unclosed '`'", { start: i, end: i + 1 });
          if (t.charCodeAt(j) === 96) {
            if (t.charCodeAt(j + 1) === 96) {
              text += '`';
              j += 2;
              continue;
            }
            break;
          }
          text += t[j];
          j++;
        }
        quoted = true;
        i = j + 1;
      } else if (isNameChar(c) || (pattern && c === 42)) {
        const from = i;
        while (i < t.length && (isNameChar(t.charCodeAt(i)) || (pattern && t.charCodeAt(i) === 42))) i++;
        text += t.slice(from, i);
      } else {
        break;
      }
      // A dot continues the name only when a part follows it.
      const d = t.charCodeAt(i + 1);
      if (t.charCodeAt(i) === 46 && (isNameChar(d) || d === 96 || (pattern && d === 42))) {
        text += '.';
        i++;
        continue;
      }
      // In a pattern, quoted and unquoted pieces may touch: `` `a.b`* ``.
      const e = t.charCodeAt(i);
      if (pattern && (e === 96 || e === 42 || isNameChar(e))) continue;
      break;
    }
    this.pos = i;
    return quoted ? { kind: 'name', start, end: i, text, quoted } : { kind: 'name', start, end: i, text };
  }

  private number(): EsqlToken {
    const t = this.text;
    const start = this.pos;
    let i = start;
    while (isDigit(t.charCodeAt(i))) i++;
    if (t.charCodeAt(i) === 46 && isDigit(t.charCodeAt(i + 1))) {
      i++;
      while (isDigit(t.charCodeAt(i))) i++;
    } else if (t.charCodeAt(i) === 46 && !isNameStart(t.charCodeAt(i + 1))) {
      i++; // `1.` is a decimal
    }
    const e = t.charCodeAt(i);
    if (e === 101 || e === 69) {
      let j = i + 1;
      if (t[j] === '+' || t[j] === '-') j++;
      if (isDigit(t.charCodeAt(j))) {
        while (isDigit(t.charCodeAt(j))) j++;
        i = j;
      }
    }
    this.pos = i;
    return { kind: 'number', start, end: i, text: t.slice(start, i) };
  }

  private param(): EsqlToken {
    const t = this.text;
    const start = this.pos;
    let i = start + 1;
    if (t[i] === '?') i++;
    while (i < t.length && isNameChar(t.charCodeAt(i))) i++;
    this.pos = i;
    return { kind: 'param', start, end: i, text: t.slice(start, i) };
  }

  private string(): EsqlToken {
    const t = this.text;
    const start = this.pos;
    if (t.startsWith('"""', start)) {
      const close = t.indexOf('"""', start + 3);
      if (close < 0) throw new EsqlLexError('unclosed \'"""\' string', { start, end: start + 3 });
      // Up to two more quotes right before the end belong to the string, as in the ES|QL lexer.
      let end = close + 3;
      while (end < t.length && t[end] === '"' && end - close < 5) end++;
      this.pos = end;
      return { kind: 'string', start, end, text: t.slice(start + 3, end - 3), triple: true };
    }
    let i = start + 1;
    while (i < t.length) {
      const c = t.charCodeAt(i);
      if (c === 34 || c === 92 || c === 10 || c === 13) break;
      i++;
    }
    if (t.charCodeAt(i) === 34) {
      // No escapes: the value is the text between the quotes.
      this.pos = i + 1;
      return { kind: 'string', start, end: i + 1, text: t.slice(start + 1, i) };
    }
    let out = t.slice(start + 1, i);
    for (;;) {
      const c = t[i];
      if (c === undefined || c === '\n' || c === '\r') {
        throw new EsqlLexError("unclosed '\"' string", { start, end: start + 1 });
      }
      if (c === '"') break;
      if (c === '\\') {
        const n = t[i + 1];
        if (n === 't') out += '\t';
        else if (n === 'n') out += '\n';
        else if (n === 'r') out += '\r';
        else if (n === '"' || n === '\\') out += n;
        else throw new EsqlLexError(`'\\${n ?? ''}' is not an ES|QL string escape (use '\\\\' for a backslash)`, { start: i, end: i + 2 });
        i += 2;
        continue;
      }
      out += c;
      i++;
    }
    this.pos = i + 1;
    return { kind: 'string', start, end: i + 1, text: out };
  }

  /**
   * An index pattern after FROM (or a policy name after ENRICH, an index
   * after LOOKUP JOIN): unquoted it runs to whitespace, `,` or `|`, keeping
   * `-`, `*`, `.`, `:` (remote clusters, `::failures` selectors).
   */
  source(): EsqlToken | undefined {
    const t = this.text;
    let start: number;
    try {
      this.skipTrivia();
      start = this.pos;
      if (t[start] === '"') return this.string();
    } catch (err) {
      if (!(err instanceof EsqlLexError)) throw err;
      return { kind: 'error', start: err.span.start, end: err.span.end, text: err.message };
    }
    let i = start;
    while (i < t.length) {
      const c = t.charCodeAt(i);
      if (isSpace(c) || c === 44 || c === 124 || c === 34 || c === 91 || c === 93 || c === 40 || c === 41) break;
      if (c === 47 && (t.charCodeAt(i + 1) === 47 || t.charCodeAt(i + 1) === 42)) break;
      i++;
    }
    if (i === start) return undefined;
    this.pos = i;
    return { kind: 'name', start, end: i, text: t.slice(start, i) };
  }
}
