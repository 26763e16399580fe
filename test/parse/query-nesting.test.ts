import { describe, expect, it } from 'vitest';
import { parseEql } from '../../src/parse/elastic/eql/parser.js';
import { parseEsql } from '../../src/parse/elastic/esql/parser.js';
import { parseKql } from '../../src/parse/elastic/kql/parser.js';
import { parseSpl } from '../../src/parse/splunk/spl-parser.js';

// Far deeper than any parser's stack reaches: each must say where the query nests too deeply, not overflow.
const DEPTH = 50_000;
const nested = (inner: string): string => `${'('.repeat(DEPTH)}${inner}${')'.repeat(DEPTH)}`;

describe('a query nested deeper than its parser can follow', () => {
  it.each([
    ['KQL', (q: string) => parseKql(q), '', 'a:b'],
    ['ES|QL', (q: string) => parseEsql(q), 'from logs-* | where ', 'a == "b"'],
    ['SPL', (q: string) => parseSpl(q), 'search ', 'a=b'],
  ])('%s: one error, at the first bracket past 200 levels', (_language, parse, prefix, inner) => {
    const { ast, errors } = parse(`${prefix}${nested(inner)}`);
    expect(ast).toBeNull();
    expect(errors.at(-1)).toEqual({ message: 'query is nested too deeply', span: { start: prefix.length + 200, end: prefix.length + 201 } });
  });

  it('EQL: the same words, from its own depth limit', () => {
    const { errors } = parseEql(`process where ${nested('a == "b"')}`);
    expect(errors.map((e) => e.message)).toEqual(['query is nested too deeply']);
  });

  it('the bracket count skips brackets inside quoted strings', () => {
    const { errors } = parseKql(`a:"((((" and ${nested('a:b')}`);
    expect(errors.at(-1)?.span.start).toBe('a:"((((" and '.length + 200);
  });
});
