import type { Span } from '../../../model/location.js';
import { tooDeepError, type QueryParseResult, type QuerySyntaxError } from '../../query-error.js';
import type { KqlLiteral, KqlNode, KqlRangeOperator, KqlValueList } from './ast.js';

/**
 * Parses a KQL query into a tree with spans, following Kibana's grammar
 * (`kuery.peg`) including its quirks: unquoted values may hold spaces, `or`
 * and `and` are keywords only between whitespace, `not` only before it.
 * An unquoted `\` that escapes nothing is an error, as in Kibana, but it is
 * reported and parsing goes on; any other error stops the parse.
 */
export function parseKql(text: string): QueryParseResult<KqlNode> {
  const p = new KqlParser(text);
  try {
    const ast = p.parseQuery();
    return { ast, errors: p.errors };
  } catch (err) {
    if (err instanceof KqlFatal) return { ast: null, errors: [...p.errors, err.error] };
    if (err instanceof RangeError) return { ast: null, errors: [...p.errors, tooDeepError(text)] };
    // A parser bug must not take the linter down: report it at the start of the query.
    return { ast: null, errors: [...p.errors, { message: `KQL parser failure: ${(err as Error).message}`, span: { start: 0, end: 0 } }] };
  }
}

class KqlFatal {
  readonly error: QuerySyntaxError;
  constructor(message: string, span: Span) {
    this.error = { message, span };
  }
}

// Kibana's SpecialCharacter: these end an unquoted literal unless escaped.
const SPECIAL = new Set(['\\', '(', ')', ':', '<', '>', '"', '*', '{', '}']);
const SPECIAL_CODES = new Uint8Array(128);
for (const c of SPECIAL) SPECIAL_CODES[c.charCodeAt(0)] = 1;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}

function isHex(c: string | undefined): boolean {
  if (c === undefined || c.length !== 1) return false;
  const code = c.charCodeAt(0) | 0x20;
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 102);
}

class KqlParser {
  readonly text: string;
  pos = 0;
  readonly errors: QuerySyntaxError[] = [];
  /** The last unquoted literal read, for the hint when a value runs on into the next `field:`. */
  private lastUnquoted: KqlLiteral | undefined;

  constructor(text: string) {
    this.text = text;
  }

  parseQuery(): KqlNode | null {
    this.skipSpaces();
    if (this.pos >= this.text.length) {
      throw new KqlFatal('the query is empty', { start: 0, end: this.text.length });
    }
    const q = this.parseOr();
    this.skipSpaces();
    if (this.pos < this.text.length) this.unexpected();
    return q;
  }

  private unexpected(): never {
    const c = this.text[this.pos] as string;
    const span = { start: this.pos, end: this.pos + 1 };
    if (c === ')') throw new KqlFatal("unexpected ')' without a matching '('", span);
    if (c === '}') throw new KqlFatal("unexpected '}' without a matching '{'", span);
    const hint = this.runOnHint();
    if (hint) throw new KqlFatal(hint, span);
    if (isNotAt(this.text, this.pos)) {
      throw new KqlFatal(
        "unexpected 'not': a value that contains the word 'not' followed by a space must be quoted",
        { start: this.pos, end: this.pos + 3 },
      );
    }
    throw new KqlFatal(`expected 'and', 'or' or the end of the query, found '${c}'`, span);
  }

  /** `a:b c:d` reads as the value `b c` followed by a stray `:`; say what probably happened. */
  private runOnHint(): string | undefined {
    const last = this.lastUnquoted;
    if (this.text[this.pos] !== ':' || !last || !/\s/.test(last.value)) return undefined;
    if (this.text.slice(last.span.end, this.pos).trim() !== '') return undefined;
    return `unexpected ':' after the value '${last.value}': is an 'and' or 'or' missing between two comparisons?`;
  }

  // ---- boolean structure -------------------------------------------------

  private parseOr(): KqlNode {
    const first = this.parseAnd();
    const items = [first];
    while (this.keyword('or')) items.push(this.parseAnd('or'));
    return items.length === 1 ? first : { kind: 'or', items, span: spanOver(items) };
  }

  private parseAnd(after?: string): KqlNode {
    const first = this.parseNot(after);
    const items = [first];
    while (this.keyword('and')) items.push(this.parseNot('and'));
    return items.length === 1 ? first : { kind: 'and', items, span: spanOver(items) };
  }

  private parseNot(after?: string): KqlNode {
    const start = this.pos;
    if (this.notKeyword()) {
      const item = this.parseSub('not');
      // `this.pos` rather than the item's end, to take in the `)` of `not (…)`.
      return { kind: 'not', item, span: { start, end: this.pos } };
    }
    return this.parseSub(after);
  }

  private parseSub(after?: string): KqlNode {
    const open = this.pos;
    if (this.text[open] === '(') {
      this.pos++;
      this.skipSpaces();
      const q = this.parseOr();
      this.skipSpaces();
      this.close(')', open);
      return q;
    }
    return this.parseExpression(after);
  }

  private parseExpression(after?: string): KqlNode {
    const start = this.pos;
    const field = this.parseLiteral();
    if (!field) this.expected(after ? `a query after '${after}'` : 'a field or a value');
    const afterField = this.pos;
    this.skipSpaces();
    const range = this.rangeOperator();
    if (range) {
      const opText = range.text;
      this.skipSpaces();
      const value = this.parseLiteral();
      if (!value) this.expected(`a value after '${opText}'`);
      return { kind: 'range', field, operator: range.op, value, span: { start, end: value.span.end } };
    }
    if (this.text[this.pos] === ':') {
      this.pos++;
      this.skipSpaces();
      const brace = this.pos;
      if (this.text[brace] === '{') {
        this.pos++;
        this.skipSpaces();
        if (this.text[this.pos] === '}') this.expected("a query inside '{ }'");
        const query = this.parseOr();
        this.skipSpaces();
        this.close('}', brace);
        return { kind: 'nested', field, query, span: { start, end: this.pos } };
      }
      const value = this.parseListOfValues("':'");
      return { kind: 'field', field, value, span: { start, end: Math.max(value.span.end, this.pos) } };
    }
    this.pos = afterField;
    return { kind: 'text', value: field, span: field.span };
  }

  // ---- value lists -------------------------------------------------------

  private parseListOfValues(after: string): KqlValueList {
    const open = this.pos;
    if (this.text[open] === '(') {
      this.pos++;
      this.skipSpaces();
      if (this.text[this.pos] === ')') this.expected("a value inside '( )'");
      const list = this.parseOrValues();
      this.skipSpaces();
      this.close(')', open);
      return list;
    }
    const value = this.parseLiteral();
    if (!value) this.expected(`a value after ${after}`);
    return value;
  }

  private parseOrValues(): KqlValueList {
    const first = this.parseAndValues("'('");
    const items = [first];
    while (this.keyword('or')) items.push(this.parseAndValues("'or'"));
    return items.length === 1 ? first : { kind: 'or', items, span: spanOver(items) };
  }

  private parseAndValues(after: string): KqlValueList {
    const first = this.parseNotValues(after);
    const items = [first];
    while (this.keyword('and')) items.push(this.parseNotValues("'and'"));
    return items.length === 1 ? first : { kind: 'and', items, span: spanOver(items) };
  }

  private parseNotValues(after: string): KqlValueList {
    const start = this.pos;
    if (this.notKeyword()) {
      const item = this.parseListOfValues("'not'");
      return { kind: 'not', item, span: { start, end: this.pos } };
    }
    return this.parseListOfValues(after);
  }

  // ---- tokens ------------------------------------------------------------

  private skipSpaces(): void {
    while (this.pos < this.text.length && isSpace(this.text.charCodeAt(this.pos))) this.pos++;
  }

  private expected(what: string): never {
    const c = this.text[this.pos];
    const found = c === undefined ? 'the end of the query' : `'${c}'`;
    throw new KqlFatal(`expected ${what}, found ${found}`, { start: this.pos, end: Math.min(this.text.length, this.pos + 1) });
  }

  private close(ch: ')' | '}', open: number): void {
    if (this.text[this.pos] === ch) {
      this.pos++;
      return;
    }
    const openCh = ch === ')' ? '(' : '{';
    if (this.pos >= this.text.length) throw new KqlFatal(`unclosed '${openCh}'`, { start: open, end: open + 1 });
    const c = this.text[this.pos] as string;
    const message = this.runOnHint() ?? `expected 'and', 'or' or '${ch}' to close the '${openCh}', found '${c}'`;
    throw new KqlFatal(message, { start: this.pos, end: this.pos + 1 });
  }

  /** Kibana's `Or`/`And`: whitespace, the word (any case), whitespace. Consumes it when present. */
  private keyword(word: 'or' | 'and'): boolean {
    const end = this.keywordEnd(this.pos, word);
    if (end < 0) return false;
    this.pos = end;
    this.skipSpaces();
    return true;
  }

  private keywordEnd(at: number, word: string): number {
    const t = this.text;
    let j = at;
    if (!isSpace(t.charCodeAt(j))) return -1;
    while (j < t.length && isSpace(t.charCodeAt(j))) j++;
    if (!matchWord(t, j, word)) return -1;
    j += word.length;
    return isSpace(t.charCodeAt(j)) ? j : -1;
  }

  /** Kibana's `Not`: the word, then whitespace (no whitespace needed before it). */
  private notKeyword(): boolean {
    if (!isNotAt(this.text, this.pos)) return false;
    this.pos += 3;
    this.skipSpaces();
    return true;
  }

  private rangeOperator(): { op: KqlRangeOperator; text: string } | undefined {
    const t = this.text;
    const c = t[this.pos];
    if (c !== '<' && c !== '>') return undefined;
    const eq = t[this.pos + 1] === '=';
    this.pos += eq ? 2 : 1;
    if (c === '<') return eq ? { op: 'lte', text: '<=' } : { op: 'lt', text: '<' };
    return eq ? { op: 'gte', text: '>=' } : { op: 'gt', text: '>' };
  }

  private parseLiteral(): KqlLiteral | null {
    const c = this.text[this.pos];
    if (c === undefined) return null;
    if (c === '"') return this.parseQuoted();
    return this.parseUnquoted();
  }

  private parseQuoted(): KqlLiteral {
    const t = this.text;
    const start = this.pos;
    let close = start + 1;
    while (close < t.length && t.charCodeAt(close) !== 34 && t.charCodeAt(close) !== 92) close++;
    if (t.charCodeAt(close) === 34) {
      // No escapes: the value is the text between the quotes.
      this.pos = close + 1;
      return { kind: 'literal', value: t.slice(start + 1, close), quoted: true, wildcard: false, span: { start, end: close + 1 } };
    }
    let out = '';
    let i = start + 1;
    for (;;) {
      const c = t[i];
      if (c === undefined) throw new KqlFatal(`unclosed '"'`, { start, end: start + 1 });
      if (c === '"') {
        i++;
        break;
      }
      if (c === '\\') {
        const n = t[i + 1];
        if (n === 't' || n === 'r' || n === 'n') {
          out += n === 't' ? '\t' : n === 'r' ? '\r' : '\n';
          i += 2;
          continue;
        }
        if (n === '\\' || n === '"') {
          out += n;
          i += 2;
          continue;
        }
        if (n === 'u' && isHex(t[i + 2]) && isHex(t[i + 3]) && isHex(t[i + 4]) && isHex(t[i + 5])) {
          out += String.fromCharCode(parseInt(t.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        // Inside quotes Kibana keeps any other backslash as it is.
      }
      out += c;
      i++;
    }
    this.pos = i;
    return { kind: 'literal', value: out, quoted: true, wildcard: false, span: { start, end: i } };
  }

  private parseUnquoted(): KqlLiteral | null {
    const t = this.text;
    const start = this.pos;
    let i = start;
    // The decoded text is built from slices of plain characters between escapes.
    let out = '';
    let run = start;
    let wildcard = false;
    let lastEnd = start;
    while (i < t.length) {
      const code = t.charCodeAt(i);
      if (code === 92 /* \ */) {
        out += t.slice(run, i);
        const esc = unquotedEscape(t, i);
        if (esc) {
          out += esc.value;
          i += esc.length;
        } else {
          this.errors.push({
            message: `'\\${t[i + 1] ?? ''}' is not a KQL escape: write '\\\\' for a backslash, or quote the value`,
            span: { start: i, end: Math.min(t.length, i + 2) },
          });
          out += '\\';
          i++;
        }
        run = i;
        lastEnd = i;
        continue;
      }
      if (code === 42 /* * */) {
        wildcard = true;
        lastEnd = ++i;
        continue;
      }
      if (SPECIAL_CODES[code] === 1) break;
      if (isSpace(code)) {
        if (this.keywordEnd(i, 'or') >= 0 || this.keywordEnd(i, 'and') >= 0) break;
        i++;
        continue;
      }
      if ((code === 110 || code === 78) /* n N */ && isNotAt(t, i)) break;
      lastEnd = ++i;
    }
    if (lastEnd === start) return null;
    out += t.slice(run, lastEnd);
    this.pos = lastEnd;
    const lit: KqlLiteral = { kind: 'literal', value: out.trim(), quoted: false, wildcard, span: { start, end: lastEnd } };
    this.lastUnquoted = lit;
    return lit;
  }
}

function matchWord(t: string, at: number, word: string): boolean {
  if (at + word.length > t.length) return false;
  for (let k = 0; k < word.length; k++) {
    if ((t.charCodeAt(at + k) | 0x20) !== word.charCodeAt(k)) return false;
  }
  return true;
}

function isNotAt(t: string, at: number): boolean {
  return matchWord(t, at, 'not') && isSpace(t.charCodeAt(at + 3));
}

/** Kibana's escapes outside quotes: `\t \r \n`, `\uXXXX`, a special character, or a keyword. */
function unquotedEscape(t: string, i: number): { value: string; length: number } | undefined {
  const n = t[i + 1];
  if (n === undefined) return undefined;
  if (n === 't') return { value: '\t', length: 2 };
  if (n === 'r') return { value: '\r', length: 2 };
  if (n === 'n') {
    // `\not` is the escaped keyword, `\n` a newline: Kibana tries the newline first.
    return { value: '\n', length: 2 };
  }
  if (SPECIAL.has(n)) return { value: n, length: 2 };
  if (n === 'u' && isHex(t[i + 2]) && isHex(t[i + 3]) && isHex(t[i + 4]) && isHex(t[i + 5])) {
    return { value: String.fromCharCode(parseInt(t.slice(i + 2, i + 6), 16)), length: 6 };
  }
  // `\n` was taken above, so only `\NOT`-style spellings reach the keyword here.
  for (const word of ['or', 'and', 'not']) {
    if (matchWord(t, i + 1, word)) return { value: t.slice(i + 1, i + 1 + word.length), length: 1 + word.length };
  }
  return undefined;
}

function spanOver(items: readonly { span: Span }[]): Span {
  const first = items[0] as { span: Span };
  const last = items[items.length - 1] as { span: Span };
  return { start: first.span.start, end: last.span.end };
}
