import type { SearchCompareOp, SearchExpr, SplWord } from './spl-ast.js';
import { stopSet, type SplScanner } from './spl-scanner.js';

/*
 * The search language of the base search, the `search` command, and the
 * `where` clauses of tstats and inputlookup. Its precedence differs from
 * eval's: NOT binds tightest, then OR, then AND (explicit or implied by
 * juxtaposition). The boolean operators must be upper-case.
 */

const FIELD_STOP = stopSet('|[](),=<>!`"');
const VALUE_STOP = stopSet('|]`');
const IN_VALUE_STOP = stopSet('|],`');

export interface SearchExprOptions {
  /** Upper-case keywords that end the expression (tstats: `BY`). Matched in any case. */
  stopKeywords?: readonly string[];
}

export function parseSearchExpr(s: SplScanner, options: SearchExprOptions = {}): SearchExpr | null {
  return new SearchExprParser(s, options.stopKeywords ?? []).parseTop();
}

class SearchExprParser {
  private parens = 0;

  constructor(
    private readonly s: SplScanner,
    private readonly stopKeywords: readonly string[],
  ) {}

  parseTop(): SearchExpr | null {
    const expr = this.parseAnd();
    this.s.skipWs();
    return expr;
  }

  /** Whether the expression (or the current parenthesised group) ends here. */
  private atExprEnd(): boolean {
    const s = this.s;
    s.skipWs();
    if (s.atCommandEnd()) return true;
    const c = s.code();
    if (c === 41) {
      if (this.parens > 0) return true;
      s.error("unexpected ')'", s.pos);
      s.pos++;
      return this.atExprEnd();
    }
    if (c === 93) return true;
    for (const k of this.stopKeywords) if (s.isKeyword(k)) return true;
    return false;
  }

  private parseAnd(): SearchExpr | null {
    const s = this.s;
    const items: SearchExpr[] = [];
    for (;;) {
      if (this.atExprEnd()) break;
      if (s.code() === 44) {
        // A stray comma between terms is ignored by Splunk too.
        s.pos++;
        continue;
      }
      const andAt = s.isExactKeyword('AND') ? s.pos : -1;
      if (andAt >= 0) {
        s.pos += 3;
        if (items.length === 0) s.error("'AND' needs a term before it", andAt, andAt + 3);
        if (this.atExprEnd()) {
          s.error("'AND' needs a term after it", andAt, andAt + 3);
          break;
        }
      }
      const item = this.parseOr();
      if (!item) break;
      items.push(item);
    }
    if (items.length === 0) return null;
    if (items.length === 1) return items[0] as SearchExpr;
    return { kind: 'and', items, span: spanOf(items) };
  }

  private parseOr(): SearchExpr | null {
    const s = this.s;
    const first = this.parseNot();
    if (!first) return null;
    const items = [first];
    for (;;) {
      s.skipWs();
      if (!s.isExactKeyword('OR')) break;
      const orAt = s.pos;
      s.pos += 2;
      if (this.atExprEnd()) {
        s.error("'OR' needs a term after it", orAt, orAt + 2);
        break;
      }
      const next = this.parseNot();
      if (!next) break;
      items.push(next);
    }
    if (items.length === 1) return first;
    return { kind: 'or', items, span: spanOf(items) };
  }

  private parseNot(): SearchExpr | null {
    const s = this.s;
    s.skipWs();
    if (s.isExactKeyword('NOT')) {
      const start = s.pos;
      s.pos += 3;
      if (this.atExprEnd()) {
        s.error("'NOT' needs a term after it", start, start + 3);
        return null;
      }
      const item = this.parseNot();
      if (!item) return null;
      return { kind: 'not', item, span: { start, end: item.span.end } };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): SearchExpr | null {
    const s = this.s;
    s.skipWs();
    const start = s.pos;
    const c = s.code();
    if (c === 40) {
      s.pos++;
      this.parens++;
      const inner = this.parseAnd();
      this.parens--;
      s.skipWs();
      if (s.code() === 41) s.pos++;
      else s.error("missing ')' for this '('", start);
      if (!inner) {
        s.error('empty parentheses', start, s.pos);
        return null;
      }
      // The group's span covers its parentheses, so that NOT ( … ) reads well.
      return { ...inner, span: { start, end: s.pos } } as SearchExpr;
    }
    if (c === 91) {
      const pipeline = s.parseSubsearch();
      if (!pipeline) return null;
      return { kind: 'subsearch', pipeline, span: { start, end: s.pos } };
    }
    if (c === 96) {
      const macro = s.readMacro();
      return { kind: 'macro', macro, span: macro.span };
    }
    for (const k of ['OR', 'AND'] as const) {
      if (s.isExactKeyword(k)) {
        s.error(`unexpected '${k}'`, start, start + k.length);
        s.pos += k.length;
        return this.parsePrimary();
      }
    }
    const word = s.readWord(FIELD_STOP, true);
    if (!word) {
      // `=`, `<`, `!=` … with nothing before them.
      const op = this.readOperator();
      if (op) {
        s.error(`expected a field name before '${op.op}'`, start, s.pos);
        this.readValue(op.op, op.start, VALUE_STOP);
        return null;
      }
      s.error(`unexpected '${s.text[start] ?? ''}'`, start);
      s.pos++;
      return null;
    }
    const afterWord = s.pos;
    s.skipWs();
    const op = this.readOperator();
    if (op) {
      const value = this.readValue(op.op, op.start, VALUE_STOP);
      return { kind: 'compare', field: word, op: op.op, value, span: { start, end: Math.max(value.span.end, s.pos) } };
    }
    if (s.isKeyword('IN') && this.parenFollows(2)) {
      s.pos += 2;
      return this.parseInList(word);
    }
    s.pos = afterWord;
    return { kind: 'term', value: word, span: word.span };
  }

  private parenFollows(offset: number): boolean {
    let i = this.s.pos + offset;
    const t = this.s.text;
    while (i < t.length && (t.charCodeAt(i) === 32 || t.charCodeAt(i) === 9 || t.charCodeAt(i) === 10 || t.charCodeAt(i) === 13)) i++;
    return t.charCodeAt(i) === 40;
  }

  private readOperator(): { op: SearchCompareOp; start: number } | null {
    const s = this.s;
    const start = s.pos;
    const c = s.code();
    const n = s.code(1);
    let op: SearchCompareOp | null = null;
    let len = 1;
    if (c === 61) {
      op = '=';
      if (n === 61) len = 2; // `==` is accepted by Splunk's search as `=`
    } else if (c === 33 && n === 61) {
      op = '!=';
      len = 2;
    } else if (c === 60) {
      op = n === 61 ? '<=' : '<';
      if (n === 61) len = 2;
    } else if (c === 62) {
      op = n === 61 ? '>=' : '>';
      if (n === 61) len = 2;
    }
    if (!op) return null;
    s.pos += len;
    return { op, start };
  }

  private readValue(op: string, opStart: number, stop: Uint8Array): SplWord {
    const s = this.s;
    s.skipWs();
    const c = s.code();
    if (c === 96) {
      const macro = s.readMacro();
      return { text: s.text.slice(macro.span.start, macro.span.end), span: macro.span, quoted: false, macro };
    }
    const atEnd = c === -1 || c === 124 || c === 41 || (c === 93 && s.depth > 0);
    const word = atEnd ? null : s.readWord(stop, true);
    if (word) return word;
    s.error(`expected value after '${op}'`, opStart, opStart + op.length);
    return { text: '', span: { start: s.pos, end: s.pos }, quoted: false };
  }

  private parseInList(field: SplWord): SearchExpr {
    const s = this.s;
    s.skipWs();
    const open = s.pos;
    s.pos++; // the '(' parenFollows saw
    const values: SplWord[] = [];
    for (;;) {
      s.skipWs();
      const c = s.code();
      if (c === 41) {
        s.pos++;
        break;
      }
      if (c === 44) {
        s.pos++;
        continue;
      }
      if (c === -1 || c === 124 || (c === 93 && s.depth > 0)) {
        s.error("missing ')' after IN list", open, s.pos);
        break;
      }
      if (c === 96) {
        const macro = s.readMacro();
        values.push({ text: s.text.slice(macro.span.start, macro.span.end), span: macro.span, quoted: false, macro });
        continue;
      }
      const w = s.readWord(IN_VALUE_STOP, true);
      if (!w) {
        s.error(`unexpected '${s.text[s.pos] ?? ''}' in IN list`, s.pos);
        s.pos++;
        continue;
      }
      values.push(w);
    }
    if (values.length === 0) s.error('empty IN list', open, s.pos);
    return { kind: 'in', field, values, span: { start: field.span.start, end: s.pos } };
  }
}

function spanOf(items: readonly SearchExpr[]): { start: number; end: number } {
  const first = items[0] as SearchExpr;
  const last = items[items.length - 1] as SearchExpr;
  return { start: first.span.start, end: last.span.end };
}
