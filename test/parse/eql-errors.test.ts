import { describe, expect, test } from 'vitest';
import { parseEql } from '../../src/parse/elastic/eql/parser.js';

/** The single error of an unreadable query, with the text its span covers. */
function fatal(text: string): { message: string; at: string; start: number } {
  const r = parseEql(text);
  expect(r.ast).toBeNull();
  expect(r.errors).toHaveLength(1);
  const e = r.errors[0] as { message: string; span: { start: number; end: number } };
  return { message: e.message, at: text.slice(e.span.start, e.span.end), start: e.span.start };
}

/** Problems reported with a tree that is still usable. */
function problems(text: string): { message: string; at: string }[] {
  const r = parseEql(text);
  expect(r.ast).not.toBeNull();
  return r.errors.map((e) => ({ message: e.message, at: text.slice(e.span.start, e.span.end) }));
}

describe('errors that stop the parse, with their position', () => {
  test("missing 'where' points at what came instead", () => {
    expect(fatal('process process.name == "x"')).toEqual({
      message: "expected 'where' after event category 'process'",
      at: 'process',
      start: 8,
    });
  });

  test("missing 'where' at the end points at the category", () => {
    expect(fatal('process')).toMatchObject({ message: "expected 'where' after event category 'process'", at: 'process' });
  });

  test('a query without a category', () => {
    expect(fatal('process.name == "x"')).toMatchObject({ message: "expected 'where' after event category 'process'", at: '.' });
    expect(fatal('[process where true]')).toMatchObject({
      message: "expected an event category such as 'process' or 'any' but found '['",
      at: '[',
    });
  });

  test("unclosed '[' points at the bracket", () => {
    expect(fatal('sequence\n  [process where true]\n  [file where file.name == "x"')).toEqual({
      message: "unclosed '['",
      at: '[',
      start: 34,
    });
  });

  test("unclosed '(' points at the parenthesis", () => {
    expect(fatal('process where a == 1 and (b == 2 or c == 3')).toMatchObject({ message: "unclosed '('", at: '(', start: 25 });
  });

  test("a bracket closed by the wrong token names both", () => {
    expect(fatal('sequence [process where (a == 1] [file where true]')).toMatchObject({
      message: "expected ')' to close '(' but found ']'",
      at: ']',
    });
  });

  test('two conditions without and/or', () => {
    expect(fatal('process where a == "x" b == "y"')).toMatchObject({
      message: "unexpected 'b' after the end of the query (missing 'and' or 'or'?)",
      at: 'b',
    });
    expect(fatal('sequence [process where a == "x" b == "y"] [file where true]')).toMatchObject({
      message: "expected ']' to close '[' but found 'b' (missing 'and' or 'or'?)",
      at: 'b',
    });
  });

  test('the query ends too early', () => {
    expect(fatal('process where a == 1 and')).toMatchObject({
      message: "the query ends after 'and': expected a field, value or function",
      start: 24,
    });
  });

  test('unterminated string', () => {
    expect(fatal('process where a == "abc\nand b == 1').message).toContain('unterminated string');
  });

  test('unknown escape in a string', () => {
    const r = parseEql('process where a : "C:\\Windows"');
    expect(r.errors.map((e) => e.message)).toEqual([
      "unknown escape sequence '\\W': use '\\\\' for a backslash, or a \"\"\"raw\"\"\" string",
    ]);
    expect(r.errors[0]?.span).toEqual({ start: 21, end: 23 });
  });

  test('chained comparisons', () => {
    expect(fatal('any where a == 1 == 2')).toMatchObject({ message: "comparisons cannot be chained: join them with 'and'", at: '==' });
  });

  test('empty list and trailing comma', () => {
    expect(fatal('any where a in ()').message).toBe('empty list: expected at least one value');
    expect(fatal('any where a in ("x",)')).toMatchObject({ message: "unexpected ',' before ')'", at: ',' });
  });

  test('the right side of like/: must be a literal', () => {
    expect(fatal('any where a like b')).toMatchObject({
      message: "expected a string or other literal after 'like' but found 'b'",
      at: 'b',
    });
  });

  test('keywords are not fields', () => {
    expect(fatal('any where by == 1')).toMatchObject({ message: "expected a field, value or function but found keyword 'by'" });
  });

  test('missing events only in sequences', () => {
    expect(fatal('sample by x [any where true] ![any where true]').message).toBe(
      "missing events '![…]' are only allowed in a sequence",
    );
  });

  test("'with maxspan' after a step", () => {
    expect(fatal('sequence [any where true] with maxspan=1m [any where true]').at).toBe('maxspan');
  });

  test('a stray bang', () => {
    const r = parseEql('any where !a');
    expect(r.errors[0]).toMatchObject({ message: "unexpected '!': use 'not' for negation and '!=' for inequality", span: { start: 10 } });
  });

  test('unterminated comment and backquote', () => {
    expect(parseEql('any where true /* never closed').errors[0]?.message).toBe("unterminated comment: missing closing '*/'");
    expect(parseEql('any where `a.b == 1').errors[0]?.message).toBe("unterminated backquoted name: missing closing '`'");
  });
});

describe('problems reported with a usable tree', () => {
  test("single '=' for equality", () => {
    expect(problems('any where a = "x"')).toEqual([{ message: "use '==' to compare: Elasticsearch rejects a single '='", at: '=' }]);
  });

  test('single-quoted strings', () => {
    expect(problems("any where a == 'x'")).toEqual([
      { message: 'use double quotes for strings: Elasticsearch rejects single-quoted strings', at: "'x'" },
    ]);
  });

  test('unknown function', () => {
    expect(problems('any where startswit(a, "x")')).toEqual([{ message: "unknown function 'startswit'", at: 'startswit' }]);
  });

  test('sequence of one event', () => {
    expect(problems('sequence [any where true]')[0]?.message).toBe(
      "a sequence needs at least two events: add a bracketed event or 'with runs=N'",
    );
  });

  test('unknown maxspan unit, and by after with', () => {
    expect(problems('sequence with maxspan=5min by host.id [any where true] [any where true]')).toEqual([
      { message: "unknown time unit 'min': use one of ms, s, m, h, d", at: 'min' },
      { message: "put 'by' before 'with maxspan': Elasticsearch rejects it after", at: 'by' },
    ]);
  });

  test('pipes', () => {
    expect(problems('any where true | frobnicate | head x')).toEqual([
      { message: "unknown pipe 'frobnicate'", at: 'frobnicate' },
      { message: "'| head' takes one whole number", at: '| head x' },
    ]);
  });
});

describe('bad input never throws', () => {
  test('deep nesting is refused, not a stack overflow', () => {
    const r = parseEql('any where ' + '('.repeat(5000) + 'a == 1' + ')'.repeat(5000));
    expect(r.ast).toBeNull();
    expect(r.errors[0]?.message).toBe('query is nested too deeply');
    const n = parseEql('any where ' + 'not '.repeat(5000) + 'a == 1');
    expect(n.errors[0]?.message).toBe('query is nested too deeply');
  });

  test('binary and odd input', () => {
    for (const text of ['', '   ', '\u0000\u0001\uffff', '"', '`', '[[[[', '|||', 'any where', '\u00a0any where a == 1', '😀']) {
      const r = parseEql(text);
      expect(r.errors.length, JSON.stringify(text)).toBeGreaterThan(0);
      for (const e of r.errors) {
        expect(e.span.start).toBeGreaterThanOrEqual(0);
        expect(e.span.end).toBeLessThanOrEqual(text.length);
        expect(e.span.start).toBeLessThanOrEqual(e.span.end);
      }
    }
  });

  test('a non-breaking space is named', () => {
    expect(parseEql('any where\u00a0a == 1').errors[0]?.message).toBe('unexpected character U+00A0');
  });
});
