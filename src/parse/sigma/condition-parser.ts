import type { Span } from '../../model/location.js';
import type { QueryParseResult } from '../query-error.js';
import type { ConditionAggregation, ConditionNode, ConditionOf } from './condition-ast.js';

type TokenType = 'word' | '(' | ')' | '|' | ',' | 'op' | 'bad' | 'eof';

interface Token {
  type: TokenType;
  text: string;
  start: number;
  end: number;
}

const AGGREGATE_FUNCTIONS = new Set(['count', 'min', 'max', 'avg', 'sum']);
/** Beyond this nesting the condition is surely not hand-written; stop before the stack does. */
const MAX_DEPTH = 200;

/**
 * Parses a Sigma condition: `and`, `or`, `not` (binding not > and > or,
 * keywords in any case), parentheses, search identifiers, `1 of` / `any of` /
 * `all of` a pattern or `them`, and the deprecated `| count() by x > n` and
 * `| near` aggregations. Never throws: a syntax error gives a null tree and
 * one error with the span of the offending text.
 */
export function parseSigmaCondition(text: string): QueryParseResult<ConditionNode> {
  const tokens = tokenize(text);
  const parser = new ConditionParser(text, tokens);
  try {
    return { ast: parser.parse(), errors: [] };
  } catch (e) {
    if (e instanceof ConditionSyntaxError) return { ast: null, errors: [{ message: e.message, span: e.span }] };
    throw e;
  }
}

class ConditionSyntaxError extends Error {
  readonly span: Span;
  constructor(message: string, span: Span) {
    super(message);
    this.span = span;
  }
}

function isWordChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ||
    c === 95 /* _ */ || c === 45 /* - */ || c === 46 /* . */ || c === 42 /* * */
  );
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const start = i;
    if (isWordChar(c)) {
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      out.push({ type: 'word', text: text.slice(start, i), start, end: i });
      continue;
    }
    const ch = text[i] as string;
    if (ch === '(' || ch === ')' || ch === '|' || ch === ',') {
      out.push({ type: ch, text: ch, start, end: i + 1 });
      i++;
      continue;
    }
    if (ch === '<' || ch === '>' || ch === '=' || ch === '!') {
      i++;
      if (text[i] === '=') i++;
      out.push({ type: 'op', text: text.slice(start, i), start, end: i });
      continue;
    }
    // One code point, so an emoji is reported whole.
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    out.push({ type: 'bad', text: text.slice(start, i), start, end: i });
  }
  out.push({ type: 'eof', text: '', start: n, end: n });
  return out;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'of']);

class ConditionParser {
  private readonly text: string;
  private readonly tokens: Token[];
  private i = 0;
  private depth = 0;

  constructor(text: string, tokens: Token[]) {
    this.text = text;
    this.tokens = tokens;
  }

  parse(): ConditionNode {
    const first = this.peek();
    if (first.type === 'eof') throw new ConditionSyntaxError('condition is empty', { start: 0, end: this.text.length });
    let node = this.parseOr();
    const t = this.peek();
    if (t.type === '|') node = this.parseAggregation(node);
    const rest = this.peek();
    if (rest.type === 'word') {
      throw new ConditionSyntaxError(`expected 'and' or 'or' before '${rest.text}'`, { start: rest.start, end: rest.end });
    }
    if (rest.type !== 'eof') throw this.unexpected(rest, 'after a complete condition');
    return node;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const t = this.peek();
    if (t.type !== 'eof') this.i++;
    return t;
  }

  private isKeyword(t: Token, kw: string): boolean {
    return t.type === 'word' && t.text.length === kw.length && t.text.toLowerCase() === kw;
  }

  private parseOr(): ConditionNode {
    const first = this.parseAnd();
    if (!this.isKeyword(this.peek(), 'or')) return first;
    const items = [first];
    while (this.isKeyword(this.peek(), 'or')) {
      const op = this.next();
      items.push(this.parseAnd(op));
    }
    return { kind: 'or', items, span: { start: first.span.start, end: (items[items.length - 1] as ConditionNode).span.end } };
  }

  private parseAnd(after?: Token): ConditionNode {
    const first = this.parseNot(after);
    if (!this.isKeyword(this.peek(), 'and')) return first;
    const items = [first];
    while (this.isKeyword(this.peek(), 'and')) {
      const op = this.next();
      items.push(this.parseNot(op));
    }
    return { kind: 'and', items, span: { start: first.span.start, end: (items[items.length - 1] as ConditionNode).span.end } };
  }

  private parseNot(after?: Token): ConditionNode {
    const t = this.peek();
    if (this.isKeyword(t, 'not')) {
      this.next();
      this.enter(t);
      const item = this.parseNot(t);
      this.depth--;
      return { kind: 'not', item, span: { start: t.start, end: item.span.end } };
    }
    return this.parsePrimary(after);
  }

  private enter(t: Token): void {
    if (++this.depth > MAX_DEPTH) throw new ConditionSyntaxError('condition is nested too deeply', { start: t.start, end: t.end });
  }

  private parsePrimary(after?: Token): ConditionNode {
    const t = this.peek();
    if (t.type === '(') {
      this.next();
      this.enter(t);
      if (this.peek().type === ')') throw new ConditionSyntaxError("empty parentheses '()'", { start: t.start, end: this.peek().end });
      const inner = this.parseOr();
      this.depth--;
      const close = this.peek();
      if (close.type !== ')') {
        if (close.type === 'eof') throw new ConditionSyntaxError("'(' is never closed", { start: t.start, end: t.end });
        throw this.unexpected(close, "inside parentheses (expected 'and', 'or' or ')')");
      }
      this.next();
      return inner;
    }
    if (t.type === 'word') {
      const lower = t.text.toLowerCase();
      const of = this.peek(1);
      if (this.isKeyword(of, 'of')) return this.parseOf(t, of);
      if (KEYWORDS.has(lower)) throw this.missingOperand(t, after);
      if (t.text.includes('*')) {
        throw new ConditionSyntaxError(`'${t.text}' is a pattern: write '1 of ${t.text}' or 'all of ${t.text}'`, { start: t.start, end: t.end });
      }
      this.next();
      return { kind: 'ref', name: t.text, span: { start: t.start, end: t.end } };
    }
    throw this.missingOperand(t, after);
  }

  private parseOf(q: Token, of: Token): ConditionOf {
    const lower = q.text.toLowerCase();
    if (lower !== '1' && lower !== 'all' && lower !== 'any') {
      throw new ConditionSyntaxError(`only '1 of', 'any of' and 'all of' are allowed, not '${q.text} of'`, { start: q.start, end: of.end });
    }
    this.next();
    this.next();
    const p = this.peek();
    if (p.type !== 'word' || (KEYWORDS.has(p.text.toLowerCase()) && p.text.toLowerCase() !== 'of')) {
      const span = p.type === 'eof' ? { start: of.start, end: of.end } : { start: p.start, end: p.end };
      throw new ConditionSyntaxError(`expected a search identifier pattern or 'them' after '${q.text} of'`, span);
    }
    this.next();
    const them = p.text.toLowerCase() === 'them';
    return {
      kind: 'of',
      quantifier: lower as ConditionOf['quantifier'],
      pattern: them ? 'them' : p.text,
      them,
      patternSpan: { start: p.start, end: p.end },
      span: { start: q.start, end: p.end },
    };
  }

  private parseAggregation(search: ConditionNode): ConditionAggregation {
    const pipe = this.next();
    const fnTok = this.next();
    if (fnTok.type !== 'word') throw this.unexpected(fnTok, "after '|' (expected an aggregation such as count() or near)");
    const fn = fnTok.text.toLowerCase();
    const node: ConditionAggregation = {
      kind: 'aggregation',
      search,
      fn,
      aggregationSpan: { start: pipe.start, end: fnTok.end },
      span: { start: search.span.start, end: fnTok.end },
    };
    if (fn === 'near') {
      const near = this.parseOr();
      node.near = near;
      this.finishAggregation(node, near.span.end);
      return node;
    }
    if (!AGGREGATE_FUNCTIONS.has(fn)) {
      throw new ConditionSyntaxError(`unknown aggregation '${fnTok.text}' (count, min, max, avg, sum or near)`, { start: fnTok.start, end: fnTok.end });
    }
    this.expect('(', `after '${fnTok.text}'`);
    if (this.peek().type === 'word') node.field = this.next().text;
    let end = this.expect(')', `to close '${fnTok.text}('`).end;
    if (this.isKeyword(this.peek(), 'by')) {
      const by = this.next();
      const g = this.next();
      if (g.type !== 'word') throw this.unexpected(g, `after '${by.text}' (expected a field name)`);
      node.groupBy = g.text;
      end = g.end;
    }
    if (this.peek().type === 'op') {
      const op = this.next();
      const v = this.next();
      const num = v.type === 'word' ? Number(v.text) : NaN;
      if (Number.isNaN(num)) throw this.unexpected(v, `after '${op.text}' (expected a number)`);
      node.operator = op.text;
      node.threshold = num;
      end = v.end;
    }
    this.finishAggregation(node, end);
    return node;
  }

  private finishAggregation(node: ConditionAggregation, end: number): void {
    node.aggregationSpan = { start: node.aggregationSpan.start, end };
    node.span = { start: node.span.start, end };
  }

  private expect(type: TokenType, context: string): Token {
    const t = this.peek();
    if (t.type !== type) throw this.unexpected(t, `${context} (expected '${type}')`);
    return this.next();
  }

  private describe(t: Token): string {
    if (t.type === 'eof') return 'end of condition';
    if (t.type === 'bad') return `character '${t.text}'`;
    return `'${t.text}'`;
  }

  private unexpected(t: Token, context: string): ConditionSyntaxError {
    if (t.type === 'eof') return new ConditionSyntaxError(`unexpected end of condition ${context}`, { start: t.start, end: t.end });
    if (t.type === ')') return new ConditionSyntaxError(`unmatched ')'`, { start: t.start, end: t.end });
    return new ConditionSyntaxError(`unexpected ${this.describe(t)} ${context}`, { start: t.start, end: t.end });
  }

  private missingOperand(t: Token, after?: Token): ConditionSyntaxError {
    const where = after ? ` after '${after.text}'` : '';
    if (t.type === 'eof') {
      // Point at the dangling operator, which is where the fix goes.
      const span = after ? { start: after.start, end: after.end } : { start: t.start, end: t.end };
      return new ConditionSyntaxError(`expected a search identifier${where}, found the end of the condition`, span);
    }
    if (t.type === ')') return new ConditionSyntaxError(`expected a search identifier${where}, found ')'`, { start: t.start, end: t.end });
    return new ConditionSyntaxError(`expected a search identifier${where}, found ${this.describe(t)}`, { start: t.start, end: t.end });
  }
}
