import type { Span } from '../../model/location.js';
import type { EvalBinaryOp, EvalExpr } from './spl-ast.js';
import { isSpace, isWordChar, type SplScanner } from './spl-scanner.js';

/*
 * The eval expression language of `eval`, `where`, and `eval(…)` inside
 * aggregations. Precedence, loosest first: XOR, OR, AND, NOT, comparisons
 * (incl. LIKE and IN), `+ - .`, `* / %`, unary minus. Keywords are accepted in
 * any case, as Splunk does in eval.
 */

type TokenType = 'num' | 'str' | 'qfield' | 'ident' | 'op' | '(' | ')' | ',' | '[' | 'macro' | 'end' | 'bad';

interface Token {
  type: TokenType;
  start: number;
  end: number;
  /** Decoded text: the string's value, the identifier, the operator. */
  text: string;
}

const PREC_XOR = 1;
const PREC_OR = 2;
const PREC_AND = 3;
const PREC_NOT = 4;
const PREC_CMP = 5;
const PREC_ADD = 6;
const PREC_MUL = 7;
const PREC_UNARY = 8;

const COMPARE_OPS: ReadonlySet<string> = new Set(['=', '==', '!=', '<', '<=', '>', '>=']);

export function parseEvalExpr(s: SplScanner): EvalExpr | null {
  return new EvalParser(s).parseExpr(0);
}

class EvalParser {
  private peeked: Token | null = null;
  /** The cursor position after `peeked` was read (lexing skips the spaces before a token). */
  private peekedFrom = -1;

  constructor(private readonly s: SplScanner) {}

  private peek(): Token {
    if (this.peeked && this.peekedFrom === this.s.pos) return this.peeked;
    this.peeked = this.lex();
    this.peekedFrom = this.s.pos;
    return this.peeked;
  }

  private next(): Token {
    const t = this.peek();
    this.s.pos = t.end;
    this.peeked = null;
    return t;
  }

  private lex(): Token {
    const s = this.s;
    s.skipWs();
    const t = s.text;
    const start = s.pos;
    const c = s.code();
    if (c === -1 || c === 124 || (c === 93 && s.depth > 0)) return { type: 'end', start, end: start, text: '' };
    if (c === 40) return { type: '(', start, end: start + 1, text: '(' };
    if (c === 41) return { type: ')', start, end: start + 1, text: ')' };
    if (c === 44) return { type: ',', start, end: start + 1, text: ',' };
    if (c === 91) return { type: '[', start, end: start + 1, text: '[' };
    if (c === 34 || c === 39) {
      const { value, end } = readQuotedAt(s, start, c);
      return { type: c === 34 ? 'str' : 'qfield', start, end, text: value };
    }
    if (c === 96) return { type: 'macro', start, end: start, text: '`' };
    const n = s.code(1);
    if (c === 61) return n === 61 ? op(start, '==') : op(start, '=');
    if (c === 33 && n === 61) return op(start, '!=');
    if (c === 60) return n === 61 ? op(start, '<=') : op(start, '<');
    if (c === 62) return n === 61 ? op(start, '>=') : op(start, '>');
    if (c === 43 || c === 45 || c === 42 || c === 47 || c === 37) return op(start, t[start] as string);
    if (c === 46 && !isDigit(n)) return op(start, '.');
    if (isDigit(c) || (c === 46 && isDigit(n))) {
      let i = start;
      while (isDigit(t.charCodeAt(i))) i++;
      if (t.charCodeAt(i) === 46 && isDigit(t.charCodeAt(i + 1))) {
        i++;
        while (isDigit(t.charCodeAt(i))) i++;
      }
      if ((t.charCodeAt(i) === 101 || t.charCodeAt(i) === 69) && (isDigit(t.charCodeAt(i + 1)) || ((t.charCodeAt(i + 1) === 45 || t.charCodeAt(i + 1) === 43) && isDigit(t.charCodeAt(i + 2))))) {
        i += 2;
        while (isDigit(t.charCodeAt(i))) i++;
      }
      // `3cx_domains` is a name, not a number followed by a name.
      if (!isIdentChar(t.charCodeAt(i))) return { type: 'num', start, end: i, text: t.slice(start, i) };
    }
    if (isIdentChar(c)) {
      let i = start;
      for (;;) {
        const d = t.charCodeAt(i);
        if (isIdentChar(d)) i++;
        else if (d === 46 && isIdentChar(t.charCodeAt(i + 1))) i++;
        else break;
      }
      return { type: 'ident', start, end: i, text: t.slice(start, i) };
    }
    return { type: 'bad', start, end: start + 1, text: t[start] as string };
  }

  /** Binary operator at the cursor, with its precedence, or null. */
  private binaryOp(tok: Token): { op: EvalBinaryOp | 'IN' | 'NOT IN'; prec: number } | null {
    if (tok.type === 'op') {
      const o = tok.text;
      if (COMPARE_OPS.has(o)) return { op: o as EvalBinaryOp, prec: PREC_CMP };
      if (o === '+' || o === '-' || o === '.') return { op: o, prec: PREC_ADD };
      if (o === '*' || o === '/' || o === '%') return { op: o, prec: PREC_MUL };
      return null;
    }
    if (tok.type === 'ident') {
      const u = tok.text.toUpperCase();
      if (u === 'AND') return { op: 'AND', prec: PREC_AND };
      if (u === 'OR') return { op: 'OR', prec: PREC_OR };
      if (u === 'XOR') return { op: 'XOR', prec: PREC_XOR };
      if (u === 'LIKE') return { op: 'LIKE', prec: PREC_CMP };
      if (u === 'IN') return { op: 'IN', prec: PREC_CMP };
      if (u === 'NOT' && this.notInFollows(tok.end)) return { op: 'NOT IN', prec: PREC_CMP };
    }
    return null;
  }

  private notInFollows(from: number): boolean {
    const t = this.s.text;
    let i = from;
    while (isSpace(t.charCodeAt(i))) i++;
    return (t[i] === 'I' || t[i] === 'i') && (t[i + 1] === 'N' || t[i + 1] === 'n') && !isIdentChar(t.charCodeAt(i + 2));
  }

  parseExpr(minPrec: number): EvalExpr | null {
    let left = this.parseUnary();
    if (!left) return null;
    for (;;) {
      const tok = this.peek();
      const bin = this.binaryOp(tok);
      if (!bin || bin.prec < minPrec) break;
      this.next();
      if (bin.op === 'IN' || bin.op === 'NOT IN') {
        if (bin.op === 'NOT IN') this.next();
        left = this.parseInList(left, bin.op === 'NOT IN');
        continue;
      }
      const right = this.parseExpr(bin.prec + 1);
      if (!right) {
        this.s.error(`expected an expression after '${tok.text}'`, tok.start, tok.end);
        return left;
      }
      left = { kind: 'binary', op: bin.op, left, right, span: { start: left.span.start, end: right.span.end } };
    }
    return left;
  }

  private parseInList(operand: EvalExpr, negated: boolean): EvalExpr {
    const open = this.peek();
    const values: EvalExpr[] = [];
    if (open.type !== '(') {
      this.s.error("expected '(' after IN", open.start, open.end);
      return { kind: 'in', operand, values, negated, span: { start: operand.span.start, end: this.s.pos } };
    }
    this.next();
    const end = this.parseArgs(values, open);
    return { kind: 'in', operand, values, negated, span: { start: operand.span.start, end } };
  }

  /** Reads comma-separated expressions up to `)`; returns the end offset. */
  private parseArgs(into: EvalExpr[], open: Token): number {
    if (this.peek().type === ')') return this.next().end;
    for (;;) {
      const arg = this.parseExpr(0);
      if (arg) into.push(arg);
      const tok = this.peek();
      if (tok.type === ',') {
        this.next();
        continue;
      }
      if (tok.type === ')') return this.next().end;
      if (tok.type === 'end') {
        this.s.error("missing ')' for this '('", open.start, open.end);
        return tok.start;
      }
      this.s.error(`unexpected '${this.s.text.slice(tok.start, Math.max(tok.end, tok.start + 1))}'`, tok.start, Math.max(tok.end, tok.start + 1));
      this.next();
      if (tok.type === 'macro') this.s.readMacro();
      if (!arg && tok.end === tok.start) return tok.start;
    }
  }

  private parseUnary(): EvalExpr | null {
    const tok = this.peek();
    if (tok.type === 'ident' && tok.text.toUpperCase() === 'NOT') {
      this.next();
      const operand = this.parseExpr(PREC_NOT + 1);
      if (!operand) {
        this.s.error("expected an expression after 'NOT'", tok.start, tok.end);
        return null;
      }
      return { kind: 'unary', op: 'NOT', operand, span: { start: tok.start, end: operand.span.end } };
    }
    if (tok.type === 'op' && (tok.text === '-' || tok.text === '+')) {
      this.next();
      const operand = this.parseExpr(PREC_UNARY);
      if (!operand) {
        this.s.error(`expected an expression after '${tok.text}'`, tok.start, tok.end);
        return null;
      }
      return { kind: 'unary', op: tok.text as '-' | '+', operand, span: { start: tok.start, end: operand.span.end } };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): EvalExpr | null {
    const s = this.s;
    const tok = this.peek();
    const span: Span = { start: tok.start, end: tok.end };
    switch (tok.type) {
      case 'num':
        this.next();
        return { kind: 'number', value: Number(tok.text), raw: tok.text, span };
      case 'str':
        this.next();
        return { kind: 'string', value: tok.text, span };
      case 'qfield':
        this.next();
        return { kind: 'field', name: tok.text, quoted: true, span };
      case 'macro': {
        const macro = s.readMacro();
        this.peeked = null;
        return { kind: 'macro', macro, span: macro.span };
      }
      case '[': {
        const pipeline = s.parseSubsearch();
        this.peeked = null;
        if (!pipeline) return null;
        return { kind: 'subsearch', pipeline, span: { start: tok.start, end: s.pos } };
      }
      case '(': {
        this.next();
        const inner = this.parseExpr(0);
        const close = this.peek();
        if (close.type === ')') this.next();
        else s.error("missing ')' for this '('", tok.start, tok.end);
        if (!inner) {
          s.error('empty parentheses', tok.start, s.pos);
          return null;
        }
        return { ...inner, span: { start: tok.start, end: s.pos } } as EvalExpr;
      }
      case 'ident': {
        const upper = tok.text.toUpperCase();
        this.next();
        const open = this.peek();
        // `LIKE(f, "a%")` is the like() function; a bare LIKE here is a misplaced operator.
        if ((upper === 'AND' || upper === 'OR' || upper === 'XOR' || upper === 'LIKE') && open.type !== '(') {
          s.error(`unexpected '${tok.text}'`, tok.start, tok.end);
          return null;
        }
        if (open.type === '(') {
          this.next();
          const args: EvalExpr[] = [];
          const end = this.parseArgs(args, open);
          return { kind: 'call', name: tok.text.toLowerCase(), nameSpan: span, args, span: { start: tok.start, end } };
        }
        return { kind: 'field', name: tok.text, quoted: false, span };
      }
      case 'end':
      case ')':
      case ',':
        return null;
      default:
        s.error(`unexpected '${s.text.slice(tok.start, tok.end)}'`, tok.start, tok.end);
        return null;
    }
  }
}

function op(start: number, text: string): Token {
  return { type: 'op', start, end: start + text.length, text };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isIdentChar(c: number): boolean {
  // `{}` for multivalue JSON paths (`user.groups{}`), `:` for `tag::eventtype`, `$` for tokens.
  return isWordChar(c) || c === 123 || c === 125 || c === 58 || c === 36 || c === 64;
}

/** Reads a `"…"` string or `'…'` field name starting at `start`, resolving backslash escapes of the quote and backslash. */
function readQuotedAt(s: SplScanner, start: number, quote: number): { value: string; end: number } {
  const t = s.text;
  let i = start + 1;
  let out = '';
  let from = i;
  for (;;) {
    if (i >= t.length) {
      s.error(quote === 34 ? 'unclosed quote' : "unclosed single quote (field name)", start, t.length);
      return { value: out + t.slice(from), end: t.length };
    }
    const c = t.charCodeAt(i);
    if (c === quote) return { value: out + t.slice(from, i), end: i + 1 };
    if (c === 92 && i + 1 < t.length) {
      const n = t.charCodeAt(i + 1);
      if (n === quote || n === 92) {
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
