import type { Span } from '../../../model/location.js';
import { QUERY_TOO_DEEP, type QueryParseResult, type QuerySyntaxError } from '../../query-error.js';
import type {
  EqlCall,
  EqlCategory,
  EqlComparisonOperator,
  EqlEventFilter,
  EqlExpr,
  EqlField,
  EqlIn,
  EqlLiteral,
  EqlMatch,
  EqlMatchOperator,
  EqlPipe,
  EqlQuery,
  EqlStep,
  EqlTimeSpan,
} from './ast.js';
import { lexEql, type Token } from './lexer.js';
import { FUNCTIONS, KEYWORDS, PIPES, TIME_UNITS } from './vocabulary.js';

/**
 * Parses an EQL query (Elastic's Event Query Language) into a syntax tree
 * with spans. Never throws: problems come back as errors. `ast` is null only
 * when the query could not be read at all; problems the tree can still stand
 * (a single-quoted string, a bad escape, an unknown function, `=` for `==`)
 * come with a tree.
 */
export function parseEql(text: string): QueryParseResult<EqlQuery> {
  const errors: QuerySyntaxError[] = [];
  let ast: EqlQuery | null = null;
  try {
    const lex = lexEql(text);
    errors.push(...lex.errors, ...lex.warnings);
    // Parsing tokens read past an unterminated string would only add
    // confusing follow-on errors.
    if (lex.errors.length === 0) {
      const parser = new EqlParser(lex.tokens);
      try {
        ast = parser.parseStatement();
      } catch (e) {
        if (!(e instanceof ParseFailure)) throw e;
        errors.push(e.error);
      }
      errors.push(...parser.problems);
    }
  } catch (e) {
    // A defect in the parser must not take the linter down with it.
    const detail = e instanceof Error ? e.message : String(e);
    errors.push({ message: `internal EQL parser error: ${detail}`, span: { start: 0, end: text.length } });
    ast = null;
  }
  errors.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { ast, errors };
}

/** Thrown to abandon the parse at the first error it cannot read past. */
class ParseFailure {
  readonly error: QuerySyntaxError;
  constructor(message: string, span: Span) {
    this.error = { message, span };
  }
}

/** Beyond this nesting the query is rejected rather than risk the call stack. */
const MAX_DEPTH = 200;

const COMPARISON_OPERATORS: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>=', '=']);
const MATCH_WORDS: ReadonlySet<string> = new Set(['like', 'like~', 'regex', 'regex~']);
const UNIT_LIST = Object.keys(TIME_UNITS).join(', ');

type StepOwner = 'sequence' | 'sample' | 'join';

class EqlParser {
  private readonly tokens: Token[];
  private pos = 0;
  private depth = 0;
  /** End of the last token consumed, for the spans of nodes that end there. */
  private lastEnd = 0;
  /** Problems that leave the tree usable. */
  readonly problems: QuerySyntaxError[] = [];

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  parseStatement(): EqlQuery {
    const first = this.tok;
    let query: EqlQuery;
    if (this.isWord('sequence')) query = this.parseSequence();
    else if (this.isWord('sample')) query = this.parseSample();
    else if (this.isWord('join')) query = this.parseJoin();
    else {
      const event = this.parseEventFilter();
      query = { kind: 'event', event, pipes: [], span: event.span };
    }
    query.pipes = this.parsePipes();
    if (this.tok.kind !== 'eof') this.failTrailing();
    query.span = { start: first.start, end: this.lastEnd };
    return query;
  }

  // ---- token access -------------------------------------------------------

  private get tok(): Token {
    return this.tokens[this.pos] as Token;
  }

  private peek(k: number): Token {
    return this.tokens[Math.min(this.pos + k, this.tokens.length - 1)] as Token;
  }

  private advance(): Token {
    const t = this.tok;
    if (t.kind !== 'eof') {
      this.pos++;
      this.lastEnd = t.end;
    }
    return t;
  }

  private isWord(word: string, t: Token = this.tok): boolean {
    return t.kind === 'word' && t.text === word;
  }

  private isPunct(symbol: string, t: Token = this.tok): boolean {
    return t.kind === 'punct' && t.text === symbol;
  }

  private fail(message: string, span: Span): never {
    throw new ParseFailure(message, span);
  }

  private problem(message: string, span: Span): void {
    this.problems.push({ message, span });
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail(QUERY_TOO_DEEP, spanOf(this.tok));
  }

  private leave(): void {
    this.depth--;
  }

  /** Consumes the closing bracket of `open`, or fails saying which bracket is left open. */
  private expectClose(symbol: string, open: Token): Token {
    if (this.isPunct(symbol)) return this.advance();
    const t = this.tok;
    if (t.kind === 'eof') this.fail(`unclosed '${open.text}'`, spanOf(open));
    this.fail(`expected '${symbol}' to close '${open.text}' but found ${describe(t)}${missingOperatorHint(t)}`, spanOf(t));
  }

  private failTrailing(): never {
    const t = this.tok;
    if (this.isPunct(']')) this.fail("unexpected ']' with no matching '['", spanOf(t));
    if (this.isPunct(')')) this.fail("unexpected ')' with no matching '('", spanOf(t));
    if (this.isPunct('[') || this.isPunct('![')) {
      this.fail("unexpected '[': bracketed events belong to a 'sequence', 'sample' or 'join'", spanOf(t));
    }
    this.fail(`unexpected ${describe(t)} after the end of the query${missingOperatorHint(t)}`, spanOf(t));
  }

  // ---- queries -----------------------------------------------------------

  private parseSequence(): EqlQuery {
    const keyword = this.advance();
    let by: EqlExpr[] = [];
    let maxspan: EqlTimeSpan | null = null;
    for (;;) {
      if (this.isWord('by') && by.length === 0) {
        if (maxspan !== null) {
          this.problem("put 'by' before 'with maxspan': Elasticsearch rejects it after", spanOf(this.tok));
        }
        by = this.parseJoinKeys();
      } else if (this.isWord('with') && maxspan === null) {
        maxspan = this.parseMaxspan();
      } else {
        break;
      }
    }
    const steps = this.parseSteps('sequence');
    const until = this.parseUntil('sequence');
    // `[…] with runs=3` alone is a sequence of three events.
    const events = steps.reduce((sum, s) => sum + (s.runs?.value ?? 1), 0);
    if (events < 2) this.problem("a sequence needs at least two events: add a bracketed event or 'with runs=N'", spanOf(keyword));
    return { kind: 'sequence', by, maxspan, steps, until, pipes: [], span: spanOf(keyword) };
  }

  private parseSample(): EqlQuery {
    const keyword = this.advance();
    const by = this.isWord('by') ? this.parseJoinKeys() : [];
    if (this.isWord('with')) this.fail("'sample' takes no 'with' parameters", spanOf(this.tok));
    const steps = this.parseSteps('sample');
    return { kind: 'sample', by, steps, pipes: [], span: spanOf(keyword) };
  }

  private parseJoin(): EqlQuery {
    const keyword = this.advance();
    const by = this.isWord('by') ? this.parseJoinKeys() : [];
    const steps = this.parseSteps('join');
    const until = this.parseUntil('join');
    return { kind: 'join', by, steps, until, pipes: [], span: spanOf(keyword) };
  }

  private parseJoinKeys(): EqlExpr[] {
    this.advance(); // by
    const keys = [this.parseExpression()];
    while (this.isPunct(',')) {
      this.advance();
      keys.push(this.parseExpression());
    }
    return keys;
  }

  private parseMaxspan(): EqlTimeSpan {
    const withTok = this.advance();
    if (!this.isWord('maxspan')) {
      this.fail(`expected 'maxspan=' after 'with' but found ${describe(this.tok)}`, spanOf(this.tok));
    }
    this.advance();
    if (this.isPunct('==')) this.problem("use 'maxspan=', with a single '='", spanOf(this.tok));
    else if (!this.isPunct('=')) this.fail(`expected '=' after 'maxspan' but found ${describe(this.tok)}`, spanOf(this.tok));
    this.advance();
    const num = this.tok;
    if (num.kind !== 'number') {
      this.fail(`expected a duration such as 5m after 'maxspan=' but found ${describe(num)}`, spanOf(num));
    }
    this.advance();
    let unit = '';
    const u = this.tok;
    if (u.kind === 'word' && !KEYWORDS.has(u.text)) {
      this.advance();
      unit = u.text;
      if (TIME_UNITS[unit] === undefined) this.problem(`unknown time unit '${unit}': use one of ${UNIT_LIST}`, spanOf(u));
    }
    const value = Number(num.text);
    const perUnit = TIME_UNITS[unit];
    return {
      value,
      unit,
      milliseconds: perUnit === undefined ? null : value * perUnit,
      span: { start: withTok.start, end: this.lastEnd },
    };
  }

  private parseSteps(owner: StepOwner): EqlStep[] {
    const steps: EqlStep[] = [];
    while (this.isPunct('[') || this.isPunct('![')) steps.push(this.parseStep(owner));
    if (steps.length === 0) {
      this.fail(`expected '[' to start the first event of the ${owner} but found ${describe(this.tok)}`, spanOf(this.tok));
    }
    return steps;
  }

  private parseUntil(owner: StepOwner): EqlStep | null {
    if (!this.isWord('until')) return null;
    this.advance();
    if (!this.isPunct('[')) {
      this.fail(`expected '[' after 'until' but found ${describe(this.tok)}`, spanOf(this.tok));
    }
    return this.parseStep(owner);
  }

  private parseStep(owner: StepOwner): EqlStep {
    const open = this.advance();
    const missing = open.text === '![';
    if (missing && owner !== 'sequence') this.fail("missing events '![…]' are only allowed in a sequence", spanOf(open));
    const event = this.parseEventFilter();
    this.expectClose(']', open);
    let by: EqlExpr[] = [];
    let runs: EqlStep['runs'] = null;
    for (;;) {
      if (this.isWord('by') && by.length === 0) {
        by = this.parseJoinKeys();
      } else if (this.isWord('with') && runs === null && owner === 'sequence') {
        runs = this.parseRuns();
      } else {
        break;
      }
    }
    return { kind: 'step', event, by, missing, runs, span: { start: open.start, end: this.lastEnd } };
  }

  private parseRuns(): { value: number; span: Span } {
    const withTok = this.advance();
    if (this.isWord('maxspan')) {
      this.fail("'with maxspan=' belongs right after 'sequence' (or its 'by'), not after an event", spanOf(this.tok));
    }
    if (!this.isWord('runs')) this.fail(`expected 'runs=' after 'with' but found ${describe(this.tok)}`, spanOf(this.tok));
    this.advance();
    if (!this.isPunct('=')) this.fail(`expected '=' after 'runs' but found ${describe(this.tok)}`, spanOf(this.tok));
    this.advance();
    const num = this.tok;
    if (num.kind !== 'number' || !/^[0-9]+$/.test(num.text)) {
      this.fail(`expected a whole number after 'runs=' but found ${describe(num)}`, spanOf(num));
    }
    this.advance();
    return { value: Number(num.text), span: { start: withTok.start, end: num.end } };
  }

  private parseEventFilter(): EqlEventFilter {
    const t = this.tok;
    let category: EqlCategory;
    if (t.kind === 'word' && (t.text === 'any' || !KEYWORDS.has(t.text)) && !t.text.endsWith('~')) {
      category = { name: t.text, quoted: false, span: spanOf(t) };
    } else if (t.kind === 'string') {
      category = { name: t.text, quoted: true, span: spanOf(t) };
    } else {
      this.fail(`expected an event category such as 'process' or 'any' but found ${describe(t)}`, spanOf(t));
    }
    this.advance();
    if (!this.isWord('where')) {
      const w = this.tok;
      this.fail(`expected 'where' after event category '${category.name}'`, w.kind === 'eof' ? category.span : spanOf(w));
    }
    this.advance();
    const where = this.parseExpression();
    return { kind: 'filter', category, where, span: { start: t.start, end: this.lastEnd } };
  }

  private parsePipes(): EqlPipe[] {
    const pipes: EqlPipe[] = [];
    while (this.isPunct('|')) {
      const bar = this.advance();
      const nameTok = this.tok;
      if (nameTok.kind !== 'word') this.fail(`expected a pipe name after '|' but found ${describe(nameTok)}`, spanOf(nameTok));
      this.advance();
      const name = nameTok.text;
      if (!PIPES.has(name)) this.problem(`unknown pipe '${name}'`, spanOf(nameTok));
      const args: EqlExpr[] = [];
      if (this.tok.kind !== 'eof' && !this.isPunct('|')) {
        args.push(this.parseExpression());
        while (this.isPunct(',')) {
          this.advance();
          args.push(this.parseExpression());
        }
      }
      const span = { start: bar.start, end: this.lastEnd };
      if ((name === 'head' || name === 'tail') && !(args.length === 1 && isWholeNumber(args[0]))) {
        this.problem(`'| ${name}' takes one whole number`, span);
      }
      pipes.push({ kind: 'pipe', name, nameSpan: spanOf(nameTok), args, span });
    }
    return pipes;
  }

  // ---- expressions ---------------------------------------------------------

  private parseExpression(): EqlExpr {
    this.enter();
    const e = this.parseLogical('or');
    this.leave();
    return e;
  }

  private parseLogical(op: 'and' | 'or'): EqlExpr {
    const operand = (): EqlExpr => (op === 'or' ? this.parseLogical('and') : this.parseNot());
    const first = operand();
    if (!this.isWord(op)) return first;
    const items = [first];
    while (this.isWord(op)) {
      this.advance();
      items.push(operand());
    }
    return { kind: op, items, span: { start: first.span.start, end: this.lastEnd } };
  }

  private parseNot(): EqlExpr {
    if (this.isWord('not')) {
      const t = this.advance();
      this.enter();
      const operand = this.parseNot();
      this.leave();
      return { kind: 'not', operand, span: { start: t.start, end: this.lastEnd } };
    }
    const t = this.tok;
    if (t.kind === 'word' && !KEYWORDS.has(t.text) && this.isWord('of', this.peek(1))) {
      return this.parseRelationship();
    }
    return this.parseComparison();
  }

  private parseRelationship(): EqlExpr {
    const relation = this.advance();
    this.advance(); // of
    if (!this.isPunct('[')) this.fail(`expected '[' after '${relation.text} of' but found ${describe(this.tok)}`, spanOf(this.tok));
    const open = this.advance();
    this.enter();
    const event = this.parseEventFilter();
    this.leave();
    this.expectClose(']', open);
    return { kind: 'relationship', relation: relation.text, event, span: { start: relation.start, end: this.lastEnd } };
  }

  private parseComparison(): EqlExpr {
    const left = this.parseAdditive();
    const t = this.tok;
    if (t.kind !== 'punct' || !COMPARISON_OPERATORS.has(t.text)) return left;
    this.advance();
    let operator = t.text as EqlComparisonOperator | '=';
    if (operator === '=') {
      this.problem("use '==' to compare: Elasticsearch rejects a single '='", spanOf(t));
      operator = '==';
    }
    const right = this.parseAdditive();
    const after = this.tok;
    if (after.kind === 'punct' && COMPARISON_OPERATORS.has(after.text)) {
      this.fail("comparisons cannot be chained: join them with 'and'", spanOf(after));
    }
    return { kind: 'compare', operator, operatorSpan: spanOf(t), left, right, span: { start: left.span.start, end: this.lastEnd } };
  }

  private parseAdditive(): EqlExpr {
    let left = this.parseMultiplicative();
    while (this.isPunct('+') || this.isPunct('-')) {
      const op = this.advance().text as '+' | '-';
      const right = this.parseMultiplicative();
      left = { kind: 'arith', operator: op, left, right, span: { start: left.span.start, end: this.lastEnd } };
    }
    return left;
  }

  private parseMultiplicative(): EqlExpr {
    let left = this.parseUnary();
    while (this.isPunct('*') || this.isPunct('/') || this.isPunct('%')) {
      const op = this.advance().text as '*' | '/' | '%';
      const right = this.parseUnary();
      left = { kind: 'arith', operator: op, left, right, span: { start: left.span.start, end: this.lastEnd } };
    }
    return left;
  }

  private parseUnary(): EqlExpr {
    if (!this.isPunct('-') && !this.isPunct('+')) return this.parsePredicate();
    const sign = this.advance();
    this.enter();
    const operand = this.parseUnary();
    this.leave();
    const span = { start: sign.start, end: this.lastEnd };
    if (sign.text === '+') return { ...operand, span };
    if (operand.kind === 'number') return { kind: 'number', value: -operand.value, span };
    return { kind: 'negate', operand, span };
  }

  /** A primary expression and the `in`/`:`/`like`/`regex` test written after it. */
  private parsePredicate(): EqlExpr {
    const left = this.parsePrimary();
    const t = this.tok;
    if (t.kind === 'word') {
      if (t.text === 'not' && (this.isWord('in', this.peek(1)) || this.isWord('in~', this.peek(1)))) {
        this.advance();
        return this.parseIn(left, true);
      }
      if (t.text === 'in' || t.text === 'in~') return this.parseIn(left, false);
      if (MATCH_WORDS.has(t.text)) return this.parseMatch(left);
    } else if (this.isPunct(':')) {
      return this.parseMatch(left);
    }
    return left;
  }

  private parseIn(left: EqlExpr, negated: boolean): EqlIn {
    const op = this.advance();
    if (!this.isPunct('(')) this.fail(`expected '(' after '${op.text}' but found ${describe(this.tok)}`, spanOf(this.tok));
    const values = this.parseList(this.advance(), () => this.parseListItem());
    return {
      kind: 'in',
      operator: op.text as 'in' | 'in~',
      operatorSpan: spanOf(op),
      negated,
      left,
      values,
      span: { start: left.span.start, end: this.lastEnd },
    };
  }

  private parseMatch(left: EqlExpr): EqlMatch {
    const op = this.advance();
    const operator = op.text as EqlMatchOperator;
    let values: EqlLiteral[];
    let list = false;
    if (this.isPunct('(')) {
      list = true;
      values = this.parseList(this.advance(), () => this.parseConstant(operator));
    } else {
      values = [this.parseConstant(operator)];
    }
    return { kind: 'match', operator, operatorSpan: spanOf(op), left, values, list, span: { start: left.span.start, end: this.lastEnd } };
  }

  /**
   * An item of an `in` list. Lists of thousands of literals are the bulk of
   * real queries, so a lone literal skips the descent through every
   * precedence level.
   */
  private parseListItem(): EqlExpr {
    const t = this.tok;
    if (t.kind === 'string' || t.kind === 'number') {
      const after = this.peek(1);
      if (after.kind === 'punct' && (after.text === ',' || after.text === ')')) return this.parseConstant('in');
    }
    return this.parseExpression();
  }

  /** The items of a parenthesised, comma-separated list whose `(` has been consumed. */
  private parseList<T>(open: Token, item: () => T): T[] {
    if (this.isPunct(')')) this.fail("empty list: expected at least one value", { start: open.start, end: this.tok.end });
    const items = [item()];
    while (this.isPunct(',')) {
      const comma = this.advance();
      if (this.isPunct(')')) this.fail("unexpected ',' before ')'", spanOf(comma));
      items.push(item());
    }
    this.expectClose(')', open);
    return items;
  }

  private parseConstant(operator: string): EqlLiteral {
    const t = this.tok;
    if (t.kind === 'string') {
      this.advance();
      return { kind: 'string', value: t.text, style: t.style ?? 'double', span: spanOf(t) };
    }
    if (t.kind === 'number') {
      this.advance();
      return { kind: 'number', value: Number(t.text), span: spanOf(t) };
    }
    if (this.isPunct('-') && this.peek(1).kind === 'number') {
      this.advance();
      const num = this.advance();
      return { kind: 'number', value: -Number(num.text), span: { start: t.start, end: num.end } };
    }
    if (this.isWord('true') || this.isWord('false')) {
      this.advance();
      return { kind: 'boolean', value: t.text === 'true', span: spanOf(t) };
    }
    if (this.isWord('null')) {
      this.advance();
      return { kind: 'null', span: spanOf(t) };
    }
    this.fail(`expected a string or other literal after '${operator}' but found ${describe(t)}`, spanOf(t));
  }

  private parsePrimary(): EqlExpr {
    const t = this.tok;
    switch (t.kind) {
      case 'string':
      case 'number':
        return this.parseConstant(this.previousText());
      case 'quoted':
        return this.parseField(false, t.start);
      case 'word':
        if (t.text === 'true' || t.text === 'false' || t.text === 'null') return this.parseConstant(this.previousText());
        if (KEYWORDS.has(t.text)) this.fail(`expected a field, value or function but found keyword '${t.text}'`, spanOf(t));
        if (this.isPunct('(', this.peek(1))) return this.parseCall();
        if (t.text.endsWith('~')) this.fail(`expected '(' after function name '${t.text}'`, spanOf(this.peek(1)));
        return this.parseField(false, t.start);
      case 'punct':
        if (t.text === '(') {
          const open = this.advance();
          const inner = this.parseExpression();
          const close = this.expectClose(')', open);
          // The parentheses belong to the expression they enclose.
          inner.span = { start: open.start, end: close.end };
          return inner;
        }
        if (t.text === '?') {
          const q = this.advance();
          const name = this.tok;
          if (!(name.kind === 'quoted' || (name.kind === 'word' && !KEYWORDS.has(name.text)))) {
            this.fail(`expected a field name after '?' but found ${describe(name)}`, spanOf(name));
          }
          return this.parseField(true, q.start);
        }
        this.fail(`expected a field, value or function but found ${describe(t)}`, spanOf(t));
      case 'eof':
        this.fail(`the query ends after '${this.previousText()}': expected a field, value or function`, spanOf(t));
    }
  }

  private previousText(): string {
    const prev = this.tokens[this.pos - 1];
    return prev === undefined ? '' : prev.text;
  }

  private parseField(optional: boolean, start: number): EqlField {
    const first = this.advance();
    let name = first.text;
    for (;;) {
      if (this.isPunct('.')) {
        const seg = this.peek(1);
        const ok =
          (seg.kind === 'word' && !seg.text.endsWith('~')) ||
          seg.kind === 'quoted' ||
          (seg.kind === 'number' && /^[0-9]+$/.test(seg.text));
        if (!ok) this.fail(`expected a field name after '.' but found ${describe(seg)}`, spanOf(seg));
        this.advance();
        this.advance();
        name += '.' + seg.text;
        continue;
      }
      if (this.isPunct('[') && this.peek(1).kind === 'number' && this.isPunct(']', this.peek(2))) {
        this.advance();
        name += `[${this.advance().text}]`;
        this.advance();
        continue;
      }
      break;
    }
    return { kind: 'field', name, optional, span: { start, end: this.lastEnd } };
  }

  private parseCall(): EqlCall {
    const nameTok = this.advance();
    const open = this.advance();
    const caseInsensitive = nameTok.text.endsWith('~');
    const name = caseInsensitive ? nameTok.text.slice(0, -1) : nameTok.text;
    if (!FUNCTIONS.has(name.toLowerCase())) this.problem(`unknown function '${name}'`, spanOf(nameTok));
    const args = this.isPunct(')') ? (this.advance(), []) : this.parseList(open, () => this.parseExpression());
    return { kind: 'call', name, caseInsensitive, nameSpan: spanOf(nameTok), args, span: { start: nameTok.start, end: this.lastEnd } };
  }
}

function spanOf(t: Token): Span {
  return { start: t.start, end: t.end };
}

function isWholeNumber(e: EqlExpr | undefined): boolean {
  return e !== undefined && e.kind === 'number' && Number.isInteger(e.value) && e.value >= 0;
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'the end of the query';
    case 'string':
      return `string ${JSON.stringify(t.text.length > 30 ? t.text.slice(0, 30) + '…' : t.text)}`;
    case 'quoted':
      return `\`${t.text}\``;
    default:
      return `'${t.text}'`;
  }
}

/** Two operands in a row usually mean a forgotten `and`/`or`. */
function missingOperatorHint(t: Token): string {
  const operand =
    t.kind === 'string' || t.kind === 'number' || t.kind === 'quoted' || (t.kind === 'word' && !KEYWORDS.has(t.text));
  return operand ? " (missing 'and' or 'or'?)" : '';
}
