import type { Span } from '../../model/location.js';
import type { QuerySyntaxError } from '../query-error.js';
import type { SplMacroRef, SplOption, SplPipeline, SplWord } from './spl-ast.js';

/*
 * SPL has no context-free token stream: `a=b*c` is a field and a wildcard in a
 * search but a product in an eval. So the scanner is character-level, and each
 * grammar (search expression, eval expression, command arguments) reads the
 * words it needs with its own set of stop characters.
 */

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

export function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** Characters that end a bare word, per context, as a 128-entry table; other non-ASCII never stops. */
export type StopSet = Uint8Array;

export function stopSet(chars: string): StopSet {
  const set = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) set[chars.charCodeAt(i)] = 1;
  set[32] = 1;
  set[9] = 1;
  set[10] = 1;
  set[13] = 1;
  return set;
}

/** Field names and other words in command arguments (`table a, b`, `rename x as y`). */
export const FIELD_STOP = stopSet('|[](),=`');
/** A bare option value (`span=1h`, `type=left`, `timeformat=%Y`). */
export const OPTION_VALUE_STOP = stopSet('|[]),`');

const BACKSLASH = 92;
const QUOTE = 34;
const BACKTICK = 96;

export class SplScanner {
  pos = 0;
  /** Nesting depth of `[ ]` subsearches: `]` ends a command only inside one. */
  depth = 0;
  readonly errors: QuerySyntaxError[] = [];
  /**
   * Set by the pipeline parser so that expression and command parsers can read
   * `[ … ]` subsearches. With `commandsFirst` (appendpipe), the first command
   * in the brackets is a command, not an implicit search.
   */
  parseSubsearch: (commandsFirst?: boolean) => SplPipeline | null = () => null;

  constructor(readonly text: string) {}

  code(ahead = 0): number {
    const i = this.pos + ahead;
    return i < this.text.length ? this.text.charCodeAt(i) : -1;
  }

  get eof(): boolean {
    return this.pos >= this.text.length;
  }

  error(message: string, start: number, end: number = start + 1): void {
    const s = Math.min(start, this.text.length);
    this.errors.push({ message, span: { start: s, end: Math.max(s, Math.min(end, this.text.length)) } });
  }

  /** Skips whitespace and ```` ``` ```` comments. */
  skipWs(): void {
    const t = this.text;
    for (;;) {
      const c = this.code();
      if (isSpace(c)) {
        this.pos++;
        continue;
      }
      if (c === BACKTICK && t.startsWith('```', this.pos)) {
        const close = t.indexOf('```', this.pos + 3);
        this.pos = close < 0 ? t.length : close + 3;
        continue;
      }
      return;
    }
  }

  /** After `skipWs`: at the end of the current command (end of text, `|`, or `]` of the enclosing subsearch). */
  atCommandEnd(): boolean {
    const c = this.code();
    return c === -1 || c === 124 || (c === 93 && this.depth > 0);
  }

  /** Whether the keyword (upper-case) is at the cursor, in any case, not followed by a word character. */
  isKeyword(word: string): boolean {
    const t = this.text;
    const n = word.length;
    if (this.pos + n > t.length) return false;
    for (let i = 0; i < n; i++) {
      let c = t.charCodeAt(this.pos + i);
      if (c >= 97 && c <= 122) c -= 32;
      if (c !== word.charCodeAt(i)) return false;
    }
    return !isWordChar(this.code(n));
  }

  /** Case-sensitive keyword (search-language `AND`, `OR`, `NOT` must be upper-case). */
  isExactKeyword(word: string): boolean {
    return this.text.startsWith(word, this.pos) && !isWordChar(this.code(word.length));
  }

  eatKeyword(word: string): Span | null {
    if (!this.isKeyword(word)) return null;
    const span = { start: this.pos, end: this.pos + word.length };
    this.pos += word.length;
    return span;
  }

  /** Reads `"…"` at the cursor, resolving `\"` and `\\`. */
  readQuoted(): SplWord {
    const start = this.pos;
    const value = this.readQuotedSegment();
    return { text: value, span: { start, end: this.pos }, quoted: true };
  }

  private readQuotedSegment(): string {
    const t = this.text;
    const start = this.pos;
    let i = start + 1;
    let out = '';
    let from = i;
    for (;;) {
      if (i >= t.length) {
        this.error('unclosed quote', start, t.length);
        out += t.slice(from, i);
        this.pos = t.length;
        return out;
      }
      const c = t.charCodeAt(i);
      if (c === QUOTE) {
        out += t.slice(from, i);
        this.pos = i + 1;
        return out;
      }
      if (c === BACKSLASH && i + 1 < t.length) {
        const n = t.charCodeAt(i + 1);
        if (n === QUOTE || n === BACKSLASH) {
          out += t.slice(from, i) + t[i + 1];
          i += 2;
          from = i;
          continue;
        }
        i += 2;
        continue;
      }
      i++;
    }
  }

  /**
   * Reads a word made of adjacent bare and quoted segments (`"Processes".*`
   * reads as `Processes.*`, as Splunk's own tokenizer does). With `balance`,
   * parentheses that open inside the word belong to it and an unmatched `)`
   * ends it. Returns null when no character could be read.
   */
  readWord(stop: StopSet, balance = false): SplWord | null {
    const t = this.text;
    const start = this.pos;
    let out = '';
    let quoted = false;
    let parens = 0;
    let i = start;
    let from = i;
    while (i < t.length) {
      const c = t.charCodeAt(i);
      if (c === QUOTE) {
        out += t.slice(from, i);
        this.pos = i;
        out += this.readQuotedSegment();
        quoted = true;
        i = this.pos;
        from = i;
        continue;
      }
      if (c === BACKSLASH && i + 1 < t.length) {
        const n = t.charCodeAt(i + 1);
        if (n === QUOTE || n === BACKSLASH) {
          out += t.slice(from, i) + t[i + 1];
          i += 2;
          from = i;
        } else {
          i += isSpace(n) ? 1 : 2;
        }
        continue;
      }
      if (balance && c === 40) {
        parens++;
        i++;
        continue;
      }
      if (balance && c === 41) {
        if (parens === 0) break;
        parens--;
        i++;
        continue;
      }
      // `!` only ends a word as part of `!=`.
      if (c === 33 && t.charCodeAt(i + 1) !== 61) {
        i++;
        continue;
      }
      if (c < 128 && stop[c] === 1) break;
      i++;
    }
    out += t.slice(from, i);
    this.pos = i;
    if (i === start) return null;
    return { text: out, span: { start, end: i }, quoted };
  }

  /** Reads a backtick macro call at the cursor: `` `name(arg, …)` ``. */
  readMacro(): SplMacroRef {
    const t = this.text;
    const start = this.pos;
    const close = t.indexOf('`', start + 1);
    if (close < 0) {
      this.error('unclosed macro: missing closing backtick', start, t.length);
      this.pos = t.length;
      return { name: t.slice(start + 1).trim(), args: [], span: { start, end: t.length } };
    }
    this.pos = close + 1;
    const { name, args } = splitMacroCall(t.slice(start + 1, close));
    return { name, args, span: { start, end: close + 1 } };
  }

  /**
   * Reads `name=value` at the cursor when there is one (spaces around `=`
   * allowed); otherwise leaves the cursor where it was and returns null.
   */
  tryOption(): SplOption | null {
    const t = this.text;
    const start = this.pos;
    let i = start;
    while (i < t.length) {
      const c = t.charCodeAt(i);
      if (isWordChar(c) || c === 46 || c === 45) i++;
      else break;
    }
    if (i === start) return null;
    let j = i;
    while (isSpace(t.charCodeAt(j))) j++;
    if (t.charCodeAt(j) !== 61 || t.charCodeAt(j + 1) === 61) return null;
    j++;
    while (isSpace(t.charCodeAt(j))) j++;
    this.pos = j;
    const c = this.code();
    let value: SplWord | null = null;
    if (c === BACKTICK) {
      const m = this.readMacro();
      value = { text: t.slice(m.span.start, m.span.end), span: m.span, quoted: false, macro: m };
    } else if (c !== -1 && c !== 124 && !(c === 93 && this.depth > 0)) {
      value = this.readWord(OPTION_VALUE_STOP, true);
    }
    const name = t.slice(start, i);
    if (!value) {
      this.error(`expected value after '${name}='`, start, j);
      value = { text: '', span: { start: j, end: j }, quoted: false };
    }
    return { name: name.toLowerCase(), value, span: { start, end: value.span.end } };
  }

  /** Skips to the end of the current command, over quotes, parentheses and subsearches. */
  skipToCommandEnd(): void {
    const t = this.text;
    let parens = 0;
    let brackets = 0;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === QUOTE) {
        this.readQuotedSegment();
        continue;
      }
      if (c === BACKTICK) {
        if (t.startsWith('```', this.pos)) {
          this.skipWs();
          continue;
        }
        const close = t.indexOf('`', this.pos + 1);
        this.pos = close < 0 ? t.length : close + 1;
        continue;
      }
      if (c === BACKSLASH) {
        this.pos += 2;
        continue;
      }
      if (c === 40) parens++;
      else if (c === 41 && parens > 0) parens--;
      else if (c === 91) brackets++;
      else if (c === 93) {
        if (brackets > 0) brackets--;
        else if (this.depth > 0) return;
      } else if (c === 124 && brackets === 0 && parens === 0) return;
      this.pos++;
    }
    if (this.pos > t.length) this.pos = t.length;
  }
}

/** Splits the inside of a macro call into its name and arguments (top-level commas, quotes and parentheses respected). */
export function splitMacroCall(inner: string): { name: string; args: string[] } {
  const open = inner.indexOf('(');
  if (open < 0) return { name: inner.trim(), args: [] };
  const name = inner.slice(0, open).trim();
  let close = inner.lastIndexOf(')');
  if (close < open) close = inner.length;
  const body = inner.slice(open + 1, close);
  return { name, args: body.trim() === '' ? [] : splitTopLevelCommas(body) };
}

export function splitTopLevelCommas(body: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let quote = 0;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (quote !== 0) {
      if (c === BACKSLASH) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === QUOTE || c === 39) quote = c;
    else if (c === 40 || c === 91) depth++;
    else if ((c === 41 || c === 93) && depth > 0) depth--;
    else if (c === 44 && depth === 0) {
      args.push(body.slice(from, i).trim());
      from = i + 1;
    }
  }
  args.push(body.slice(from).trim());
  return args;
}
