import type { Span } from '../../../model/location.js';
import { tooDeepError, type QueryParseResult, type QuerySyntaxError } from '../../query-error.js';
import type {
  EsqlAggregate,
  EsqlAssignment,
  EsqlCommand,
  EsqlComparisonOperator,
  EsqlExpr,
  EsqlField,
  EsqlLiteral,
  EsqlMap,
  EsqlQuery,
  EsqlSortOrder,
  EsqlSource,
} from './ast.js';
import { EsqlLexError, EsqlLexer } from './lexer.js';
import type { EsqlToken } from './lexer.js';
import { skipToCommandEnd } from './skip.js';

/**
 * Parses an ES|QL query: a pipeline of commands with their expressions.
 * A command this parser does not know is kept as `other` and skipped to the
 * next top-level `|`; a command with a syntax error is reported and skipped
 * the same way, so the rest of the pipeline is still read.
 */
export function parseEsql(text: string): QueryParseResult<EsqlQuery> {
  const p = new EsqlParser(text);
  try {
    const ast = p.parseQuery();
    return { ast, errors: p.errors };
  } catch (err) {
    if (err instanceof Fatal) return { ast: null, errors: [...p.errors, err.error] };
    if (err instanceof RangeError) return { ast: null, errors: [...p.errors, tooDeepError(text)] };
    // A parser bug must not take the linter down: report it at the start of the query.
    return { ast: null, errors: [...p.errors, { message: `ES|QL parser failure: ${(err as Error).message}`, span: { start: 0, end: 0 } }] };
  }
}

class Fatal {
  readonly error: QuerySyntaxError;
  constructor(message: string, span: Span) {
    this.error = { message, span };
  }
}

const SOURCE_COMMANDS = new Set(['from', 'ts', 'metrics', 'row', 'show', 'explain']);

/** Words that end an expression and so can never start one. */
const RESERVED = new Set(['and', 'or', 'in', 'like', 'rlike', 'is', 'by', 'as', 'asc', 'desc', 'with', 'on', 'metadata']);

const COMPARISONS = new Set<string>(['==', '!=', '<', '<=', '>', '>=', '=~']);

const TIME_UNITS = new Set([
  'nanosecond', 'nanoseconds', 'ns', 'microsecond', 'microseconds', 'us', 'millisecond', 'milliseconds', 'ms',
  'second', 'seconds', 'sec', 's', 'minute', 'minutes', 'min', 'm', 'hour', 'hours', 'h', 'day', 'days', 'd',
  'week', 'weeks', 'w', 'month', 'months', 'mo', 'quarter', 'quarters', 'q', 'year', 'years', 'yr', 'y',
]);

function describe(tok: EsqlToken): string {
  if (tok.kind === 'eof') return 'the end of the query';
  if (tok.kind === 'string') return 'a string';
  if (tok.kind === 'error') return tok.text;
  return `'${tok.text}'`;
}

class EsqlParser {
  readonly text: string;
  readonly errors: QuerySyntaxError[] = [];
  private readonly lx: EsqlLexer;
  private tok: EsqlToken;
  /** End of the last token consumed: where a node that ends there ends. */
  private lastEnd = 0;

  constructor(text: string) {
    this.text = text;
    this.lx = new EsqlLexer(text);
    this.tok = this.lx.next();
  }

  parseQuery(): EsqlQuery {
    if (this.tok.kind === 'eof') throw new Fatal('the query is empty', { start: 0, end: this.text.length });
    const commands = this.parsePipeline(false);
    const first = commands[0];
    if (first && !SOURCE_COMMANDS.has(first.name.toLowerCase().split(' ')[0] as string)) {
      this.errors.push({ message: `an ES|QL query starts with FROM, ROW, SHOW or TS, not ${first.name}`, span: first.nameSpan });
    }
    return { commands, span: { start: commands[0]?.span.start ?? 0, end: this.lastEnd } };
  }

  /** Commands separated by `|`, up to the end (or, in a FORK branch, the closing `)`). */
  private parsePipeline(inFork: boolean): EsqlCommand[] {
    const commands: EsqlCommand[] = [];
    for (;;) {
      const start = this.tok.start;
      try {
        const cmd = this.parseCommand(inFork);
        if (!this.atCommandEnd(inFork)) {
          if (this.tok.kind === 'error') throw new Fatal(this.tok.text, this.tokSpan());
          throw new Fatal(`expected '|' or the end of the query after ${cmd.name}, found ${describe(this.tok)}`, this.tokSpan());
        }
        commands.push(cmd);
      } catch (err) {
        if (!(err instanceof Fatal)) throw err;
        this.errors.push(err.error);
        const cmd = this.skipCommand(start, inFork);
        if (cmd) commands.push(cmd);
      }
      if (this.isOp('|')) {
        const bar = this.tok;
        this.advance();
        if (this.tok.kind === 'eof' || (inFork && this.isOp(')'))) {
          this.errors.push({ message: "expected a command after '|'", span: { start: bar.start, end: bar.end } });
          return commands;
        }
        continue;
      }
      return commands;
    }
  }

  private atCommandEnd(inFork: boolean): boolean {
    return this.tok.kind === 'eof' || this.isOp('|') || (inFork && this.isOp(')'));
  }

  /** After an error (or for an unknown command): the command is kept as `other` up to the next top-level `|`. */
  private skipCommand(start: number, inFork: boolean): EsqlCommand | undefined {
    const end = skipToCommandEnd(this.text, start, inFork);
    this.lx.pos = end;
    this.tok = this.lx.next();
    let last = end;
    while (last > start && /\s/.test(this.text[last - 1] as string)) last--;
    this.lastEnd = Math.max(this.lastEnd, last);
    if (last <= start) return undefined;
    const word = /^[A-Za-z_]+/.exec(this.text.slice(start, last));
    const nameEnd = start + (word ? word[0].length : 0);
    return { kind: 'other', name: word ? word[0] : '', span: { start, end: last }, nameSpan: { start, end: nameEnd } };
  }

  // ---- tokens ------------------------------------------------------------

  private advance(): EsqlToken {
    const t = this.tok;
    this.lastEnd = t.end;
    this.tok = this.lx.next();
    return t;
  }

  private tokSpan(): Span {
    return { start: this.tok.start, end: Math.max(this.tok.end, this.tok.start + 1) };
  }

  private isOp(op: string): boolean {
    return this.tok.kind === 'op' && this.tok.text === op;
  }

  private isKw(word: string, tok: EsqlToken = this.tok): boolean {
    return tok.kind === 'name' && !tok.quoted && tok.text.length === word.length && tok.text.toLowerCase() === word;
  }

  /** The token after the current one, without consuming anything. */
  private peek(): EsqlToken {
    const saved = this.lx.pos;
    const t = this.lx.next();
    this.lx.pos = saved;
    return t;
  }

  private fail(what: string): never {
    if (this.tok.kind === 'error') throw new Fatal(this.tok.text, this.tokSpan());
    throw new Fatal(`expected ${what}, found ${describe(this.tok)}`, this.tokSpan());
  }

  private expectOp(op: string, what: string): EsqlToken {
    if (!this.isOp(op)) this.fail(what);
    return this.advance();
  }

  private expectKw(word: string, what: string): EsqlToken {
    if (!this.isKw(word)) this.fail(what);
    return this.advance();
  }

  private close(open: EsqlToken, ch: ')' | ']' | '}', what: string): void {
    if (this.isOp(ch)) {
      this.advance();
      return;
    }
    if (this.tok.kind === 'eof') throw new Fatal(`unclosed '${open.text}'`, { start: open.start, end: open.end });
    this.fail(what);
  }

  /** Re-reads from the current token in another lexical mode. */
  private reread<T>(read: () => T): T {
    this.lx.pos = this.tok.start;
    let value: T;
    try {
      value = read();
    } catch (err) {
      if (err instanceof EsqlLexError) throw new Fatal(err.message, err.span);
      throw err;
    }
    this.lastEnd = this.lx.pos;
    this.tok = this.lx.next();
    return value;
  }

  // ---- commands ----------------------------------------------------------

  private parseCommand(inFork: boolean): EsqlCommand {
    const nameTok = this.tok;
    if (nameTok.kind !== 'name' || nameTok.quoted) this.fail('a command');
    const word = nameTok.text.toLowerCase();
    const start = nameTok.start;
    this.advance();
    let name = nameTok.text;
    let nameSpan: Span = { start, end: nameTok.end };
    const span = (): Span => ({ start, end: this.lastEnd });
    switch (word) {
      case 'from':
      case 'ts':
      case 'metrics': {
        const { sources, metadata } = this.parseSources(name);
        return { kind: 'from', name, nameSpan, sources, metadata, span: span() };
      }
      case 'row':
        return { kind: 'row', name, nameSpan, fields: this.parseAssignments(), span: span() };
      case 'where':
        return { kind: 'where', name, nameSpan, condition: this.parseExpr(), span: span() };
      case 'eval':
        return { kind: 'eval', name, nameSpan, fields: this.parseAssignments(), span: span() };
      case 'inline':
      case 'inlinestats':
      case 'stats': {
        if (word === 'inline') {
          const second = this.expectKw('stats', "STATS after INLINE");
          name = `${name} ${second.text}`;
          nameSpan = { start, end: second.end };
        }
        const { aggregates, groupings } = this.parseStats(inFork);
        return { kind: 'stats', name, nameSpan, inline: word !== 'stats', aggregates, groupings, span: span() };
      }
      case 'keep':
      case 'drop': {
        const fields = [this.parseNamePattern()];
        while (this.isOp(',')) {
          this.advance();
          fields.push(this.parseNamePattern());
        }
        return { kind: word, name, nameSpan, fields, span: span() };
      }
      case 'rename':
        return { kind: 'rename', name, nameSpan, renames: this.parseRenames(), span: span() };
      case 'mv_expand':
        return { kind: 'mv_expand', name, nameSpan, field: this.parseFieldName('a field to expand'), span: span() };
      case 'sort':
        return { kind: 'sort', name, nameSpan, orders: this.parseSortOrders(), span: span() };
      case 'limit':
        return { kind: 'limit', name, nameSpan, count: this.parseExpr(), span: span() };
      case 'sample':
        return { kind: 'sample', name, nameSpan, probability: this.parseExpr(), span: span() };
      case 'dissect': {
        const input = this.parsePostfix();
        const pattern = this.parseStringLiteral('a dissect pattern string');
        const options: EsqlAssignment[] = [];
        while (this.tok.kind === 'name' && this.peekIsAssign()) options.push(this.parseAssignment());
        return { kind: 'dissect', name, nameSpan, input, pattern, options, span: span() };
      }
      case 'grok': {
        const input = this.parsePostfix();
        const patterns = [this.parseStringLiteral('a grok pattern string')];
        while (this.isOp(',')) {
          this.advance();
          patterns.push(this.parseStringLiteral('a grok pattern string'));
        }
        return { kind: 'grok', name, nameSpan, input, patterns, span: span() };
      }
      case 'enrich':
        return { kind: 'enrich', name, nameSpan, ...this.parseEnrich(), span: span() };
      case 'lookup': {
        const second = this.expectKw('join', 'JOIN after LOOKUP');
        name = `${name} ${second.text}`;
        nameSpan = { start, end: second.end };
        const index = this.parseSource('a lookup index after LOOKUP JOIN');
        this.expectKw('on', 'ON and the join fields');
        const on = [this.parseExpr()];
        while (this.isOp(',')) {
          this.advance();
          on.push(this.parseExpr());
        }
        return { kind: 'lookup_join', name, nameSpan, index, on, span: span() };
      }
      case 'change_point': {
        const value = this.parseFieldName('the field CHANGE_POINT looks at');
        let key: EsqlField | undefined;
        if (this.isKw('on')) {
          this.advance();
          key = this.parseFieldName('a key field after ON');
        }
        const outputs: EsqlField[] = [];
        if (this.isKw('as')) {
          this.advance();
          outputs.push(this.parseFieldName('an output name after AS'));
          while (this.isOp(',')) {
            this.advance();
            outputs.push(this.parseFieldName('an output name'));
          }
        }
        return key
          ? { kind: 'change_point', name, nameSpan, value, key, outputs, span: span() }
          : { kind: 'change_point', name, nameSpan, value, outputs, span: span() };
      }
      case 'fork': {
        const branches: EsqlCommand[][] = [];
        while (this.isOp('(')) {
          const open = this.advance();
          branches.push(this.parsePipeline(true));
          this.close(open, ')', "')' to close the FORK branch");
        }
        if (branches.length === 0) this.fail("'(' and a FORK branch");
        return { kind: 'fork', name, nameSpan, branches, span: span() };
      }
      default: {
        const other = this.skipCommand(start, inFork);
        return other ?? { kind: 'other', name, nameSpan, span: span() };
      }
    }
  }

  private parseSources(command: string): { sources: EsqlSource[]; metadata: EsqlField[] } {
    const sources = [this.parseSource(`an index pattern after ${command}`)];
    while (this.isOp(',')) {
      this.advance();
      sources.push(this.parseSource('an index pattern'));
    }
    const metadata: EsqlField[] = [];
    if (this.isKw('metadata')) {
      this.advance();
      metadata.push(this.parseFieldName('a metadata field after METADATA'));
      while (this.isOp(',')) {
        this.advance();
        metadata.push(this.parseFieldName('a metadata field'));
      }
    }
    return { sources, metadata };
  }

  private parseSource(what: string): EsqlSource {
    if (this.tok.kind === 'eof' || this.isOp('|')) this.fail(what);
    const t = this.reread(() => this.lx.source());
    if (!t) this.fail(what);
    if (t.kind === 'error') throw new Fatal(t.text, { start: t.start, end: t.end });
    return { name: t.text, quoted: t.kind === 'string', span: { start: t.start, end: t.end } };
  }

  private parseStats(inFork: boolean): { aggregates: EsqlAggregate[]; groupings: EsqlAssignment[] } {
    const aggregates: EsqlAggregate[] = [];
    const groupings: EsqlAssignment[] = [];
    if (!this.atCommandEnd(inFork) && !this.isKw('by')) {
      for (;;) {
        const agg: EsqlAggregate = this.parseAssignment();
        if (this.isKw('where')) {
          this.advance();
          agg.filter = this.parseExpr();
          agg.span = { start: agg.span.start, end: this.lastEnd };
        }
        aggregates.push(agg);
        if (!this.isOp(',')) break;
        this.advance();
      }
    }
    if (this.isKw('by')) {
      this.advance();
      groupings.push(this.parseAssignment());
      while (this.isOp(',')) {
        this.advance();
        groupings.push(this.parseAssignment());
      }
    }
    return { aggregates, groupings };
  }

  private parseAssignments(): EsqlAssignment[] {
    const out = [this.parseAssignment()];
    while (this.isOp(',')) {
      this.advance();
      out.push(this.parseAssignment());
    }
    return out;
  }

  private peekIsAssign(): boolean {
    const next = this.peek();
    return next.kind === 'op' && next.text === '=';
  }

  private parseAssignment(): EsqlAssignment {
    const start = this.tok.start;
    if (this.tok.kind === 'name' && this.peekIsAssign()) {
      const target = this.fieldFrom(this.advance());
      this.advance(); // '='
      const value = this.parseExpr();
      return { target, value, span: { start, end: this.lastEnd } };
    }
    const value = this.parseExpr();
    return { value, span: { start, end: this.lastEnd } };
  }

  private parseRenames(): { from: EsqlField; to: EsqlField; span: Span }[] {
    const out: { from: EsqlField; to: EsqlField; span: Span }[] = [];
    for (;;) {
      const first = this.parseNamePattern();
      if (this.isOp('=')) {
        // `new = old`, the newer spelling.
        this.advance();
        const old = this.parseNamePattern();
        out.push({ from: old, to: first, span: { start: first.span.start, end: old.span.end } });
      } else {
        this.expectKw('as', "AS and the new name");
        const to = this.parseNamePattern();
        out.push({ from: first, to, span: { start: first.span.start, end: to.span.end } });
      }
      if (!this.isOp(',')) return out;
      this.advance();
    }
  }

  private parseSortOrders(): EsqlSortOrder[] {
    const out: EsqlSortOrder[] = [];
    for (;;) {
      const start = this.tok.start;
      const order: EsqlSortOrder = { value: this.parseExpr(), span: { start, end: 0 } };
      if (this.isKw('asc') || this.isKw('desc')) order.direction = this.advance().text.toLowerCase() as 'asc' | 'desc';
      if (this.isKw('nulls')) {
        this.advance();
        if (!this.isKw('first') && !this.isKw('last')) this.fail('FIRST or LAST after NULLS');
        order.nulls = this.advance().text.toLowerCase() as 'first' | 'last';
      }
      order.span.end = this.lastEnd;
      out.push(order);
      if (!this.isOp(',')) return out;
      this.advance();
    }
  }

  private parseEnrich(): { policy: EsqlSource; on?: EsqlField; with: { target?: EsqlField; field: EsqlField; span: Span }[] } {
    const policy = this.parseSource('an enrich policy name');
    const result: { policy: EsqlSource; on?: EsqlField; with: { target?: EsqlField; field: EsqlField; span: Span }[] } = {
      policy,
      with: [],
    };
    if (this.isKw('on')) {
      this.advance();
      result.on = this.parseNamePattern();
    }
    if (this.isKw('with')) {
      this.advance();
      for (;;) {
        const first = this.parseNamePattern();
        if (this.isOp('=')) {
          this.advance();
          const field = this.parseNamePattern();
          result.with.push({ target: first, field, span: { start: first.span.start, end: field.span.end } });
        } else {
          result.with.push({ field: first, span: first.span });
        }
        if (!this.isOp(',')) break;
        this.advance();
      }
    }
    return result;
  }

  /** A name that may hold `*` (KEEP, DROP, RENAME, ENRICH). */
  private parseNamePattern(): EsqlField {
    if (this.tok.kind !== 'name' && !this.isOp('*')) this.fail('a field name');
    const t = this.reread(() => this.lx.name(true));
    return { kind: 'field', name: t.text, span: { start: t.start, end: t.end } };
  }

  private parseFieldName(what: string): EsqlField {
    if (this.tok.kind !== 'name') this.fail(what);
    return this.fieldFrom(this.advance());
  }

  private fieldFrom(t: EsqlToken): EsqlField {
    return { kind: 'field', name: t.text, span: { start: t.start, end: t.end } };
  }

  private parseStringLiteral(what: string): EsqlLiteral {
    if (this.tok.kind !== 'string') this.fail(what);
    return this.literalFrom(this.advance());
  }

  private literalFrom(t: EsqlToken): EsqlLiteral {
    const span = { start: t.start, end: t.end };
    return t.triple
      ? { kind: 'literal', type: 'string', value: t.text, span, triple: true }
      : { kind: 'literal', type: 'string', value: t.text, span };
  }

  // ---- expressions -------------------------------------------------------

  private parseExpr(): EsqlExpr {
    return this.parseOr();
  }

  private parseOr(): EsqlExpr {
    const first = this.parseAnd();
    if (!this.isKw('or')) return first;
    const items = [first];
    while (this.isKw('or')) {
      this.advance();
      items.push(this.parseAnd());
    }
    return { kind: 'or', items, span: { start: first.span.start, end: this.lastEnd } };
  }

  private parseAnd(): EsqlExpr {
    const first = this.parseNot();
    if (!this.isKw('and')) return first;
    const items = [first];
    while (this.isKw('and')) {
      this.advance();
      items.push(this.parseNot());
    }
    return { kind: 'and', items, span: { start: first.span.start, end: this.lastEnd } };
  }

  private parseNot(): EsqlExpr {
    if (this.isKw('not')) {
      const start = this.advance().start;
      const operand = this.parseNot();
      return { kind: 'not', operand, span: { start, end: this.lastEnd } };
    }
    return this.parsePredicate();
  }

  private parsePredicate(): EsqlExpr {
    const start = this.tok.start;
    let left = this.parseValue();
    const span = (): Span => ({ start, end: this.lastEnd });
    let negated = false;
    if (this.isKw('not')) {
      const next = this.peek();
      if (this.isKw('in', next) || this.isKw('like', next) || this.isKw('rlike', next)) {
        this.advance();
        negated = true;
      } else {
        return left;
      }
    }
    if (this.isKw('in')) {
      this.advance();
      const open = this.expectOp('(', "'(' and the values after IN");
      const list = [this.parseValue()];
      while (this.isOp(',')) {
        this.advance();
        list.push(this.parseValue());
      }
      this.close(open, ')', "',' or ')' in the IN list");
      return { kind: 'in', negated, value: left, list, span: span() };
    }
    if (this.isKw('like') || this.isKw('rlike')) {
      const operator = this.advance().text.toLowerCase() as 'like' | 'rlike';
      const patterns: EsqlLiteral[] = [];
      const what = operator === 'like' ? 'a LIKE pattern string' : 'an RLIKE regular expression string';
      if (this.isOp('(')) {
        const open = this.advance();
        patterns.push(this.parsePattern(what));
        while (this.isOp(',')) {
          this.advance();
          patterns.push(this.parsePattern(what));
        }
        this.close(open, ')', `',' or ')' in the ${operator.toUpperCase()} list`);
      } else {
        patterns.push(this.parsePattern(what));
      }
      return { kind: 'like', operator, negated, value: left, patterns, span: span() };
    }
    if (this.isKw('is')) {
      this.advance();
      let isNot = false;
      if (this.isKw('not')) {
        this.advance();
        isNot = true;
      }
      this.expectKw('null', isNot ? 'NULL after IS NOT' : 'NULL or NOT NULL after IS');
      return { kind: 'is_null', negated: isNot, value: left, span: span() };
    }
    if (this.isOp(':')) {
      this.advance();
      const query = this.parseAdditive();
      left = { kind: 'match', field: left, query, span: span() };
    }
    return left;
  }

  private parsePattern(what: string): EsqlLiteral {
    if (this.tok.kind === 'param') {
      const t = this.advance();
      return { kind: 'literal', type: 'param', value: t.text, span: { start: t.start, end: t.end } };
    }
    return this.parseStringLiteral(what);
  }

  /** An arithmetic value, optionally compared with another. */
  private parseValue(): EsqlExpr {
    const start = this.tok.start;
    const left = this.parseAdditive();
    if (this.tok.kind === 'op' && COMPARISONS.has(this.tok.text)) {
      const operator = this.advance().text as EsqlComparisonOperator;
      const right = this.parseAdditive();
      return { kind: 'compare', operator, left, right, span: { start, end: this.lastEnd } };
    }
    return left;
  }

  private parseAdditive(): EsqlExpr {
    const start = this.tok.start;
    let left = this.parseMultiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const operator = this.advance().text as '+' | '-';
      const right = this.parseMultiplicative();
      left = { kind: 'arithmetic', operator, left, right, span: { start, end: this.lastEnd } };
    }
    return left;
  }

  private parseMultiplicative(): EsqlExpr {
    const start = this.tok.start;
    let left = this.parseUnary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const operator = this.advance().text as '*' | '/' | '%';
      const right = this.parseUnary();
      left = { kind: 'arithmetic', operator, left, right, span: { start, end: this.lastEnd } };
    }
    return left;
  }

  private parseUnary(): EsqlExpr {
    if (this.isOp('-') || this.isOp('+')) {
      const op = this.advance();
      const operand = this.parseUnary();
      return { kind: 'unary', operator: op.text as '-' | '+', operand, span: { start: op.start, end: this.lastEnd } };
    }
    return this.parsePostfix();
  }

  private parsePostfix(): EsqlExpr {
    const start = this.tok.start;
    let e = this.parsePrimary();
    while (this.isOp('::')) {
      this.advance();
      if (this.tok.kind !== 'name') this.fail("a type name after '::'");
      const type = this.advance().text;
      e = { kind: 'cast', value: e, type, span: { start, end: this.lastEnd } };
    }
    return e;
  }

  private parsePrimary(): EsqlExpr {
    const t = this.tok;
    switch (t.kind) {
      case 'number': {
        this.advance();
        const value = Number(t.text);
        if (this.tok.kind === 'name' && !this.tok.quoted && TIME_UNITS.has(this.tok.text.toLowerCase())) {
          const unit = this.advance();
          return { kind: 'literal', type: 'timespan', value: `${t.text} ${unit.text}`, span: { start: t.start, end: unit.end } };
        }
        return { kind: 'literal', type: 'number', value, span: { start: t.start, end: t.end } };
      }
      case 'string':
        this.advance();
        return this.literalFrom(t);
      case 'param':
        this.advance();
        return { kind: 'literal', type: 'param', value: t.text, span: { start: t.start, end: t.end } };
      case 'name': {
        const lower = t.quoted ? '' : t.text.toLowerCase();
        const span = { start: t.start, end: t.end };
        if (lower === 'null') {
          this.advance();
          return { kind: 'literal', type: 'null', value: null, span };
        }
        if (lower === 'true' || lower === 'false') {
          this.advance();
          return { kind: 'literal', type: 'boolean', value: lower === 'true', span };
        }
        if (RESERVED.has(lower) || lower === 'not') this.fail('an expression');
        this.advance();
        if (this.isOp('(')) return this.parseCall(t);
        return { kind: 'field', name: t.text, span };
      }
      case 'op': {
        if (t.text === '(') {
          this.advance();
          const e = this.parseExpr();
          this.close(t, ')', "')' to close the '('");
          return e;
        }
        if (t.text === '[') {
          this.advance();
          const items: EsqlExpr[] = [];
          if (!this.isOp(']')) {
            items.push(this.parseExpr());
            while (this.isOp(',')) {
              this.advance();
              items.push(this.parseExpr());
            }
          }
          this.close(t, ']', "',' or ']' in the list");
          return { kind: 'array', items, span: { start: t.start, end: this.lastEnd } };
        }
        if (t.text === '{') return this.parseMap();
        return this.fail('an expression');
      }
      default:
        return this.fail('an expression');
    }
  }

  private parseCall(nameTok: EsqlToken): EsqlExpr {
    const open = this.advance(); // '('
    const args: EsqlExpr[] = [];
    let star = false;
    if (this.isOp('*') && this.peek().text === ')') {
      this.advance();
      star = true;
    } else if (!this.isOp(')')) {
      args.push(this.isOp('{') ? this.parseMap() : this.parseExpr());
      while (this.isOp(',')) {
        this.advance();
        args.push(this.isOp('{') ? this.parseMap() : this.parseExpr());
      }
    }
    this.close(open, ')', `',' or ')' in the arguments of ${nameTok.text}`);
    return {
      kind: 'call',
      name: nameTok.text,
      args,
      star,
      span: { start: nameTok.start, end: this.lastEnd },
      nameSpan: { start: nameTok.start, end: nameTok.end },
    };
  }

  private parseMap(): EsqlMap {
    const open = this.advance(); // '{'
    const entries: { key: EsqlLiteral; value: EsqlExpr }[] = [];
    if (!this.isOp('}')) {
      for (;;) {
        const key = this.parseStringLiteral('a string key in the map');
        this.expectOp(':', "':' after the map key");
        const value = this.isOp('{') ? this.parseMap() : this.parseExpr();
        entries.push({ key, value });
        if (!this.isOp(',')) break;
        this.advance();
      }
    }
    this.close(open, '}', "',' or '}' in the map");
    return { kind: 'map', entries, span: { start: open.start, end: this.lastEnd } };
  }
}
