import { describe, expect, test } from 'vitest';
import { parseEql } from '../../src/parse/elastic/eql/parser.js';
import type { EqlExpr, EqlQuery } from '../../src/parse/elastic/eql/ast.js';

function parseOk(text: string): EqlQuery {
  const r = parseEql(text);
  expect(r.errors).toEqual([]);
  expect(r.ast).not.toBeNull();
  return r.ast as EqlQuery;
}

function whereOf(text: string): EqlExpr {
  const q = parseOk(text);
  if (q.kind !== 'event') throw new Error(`expected an event query, got ${q.kind}`);
  return q.event.where;
}

/** The text a node's span covers. */
function sliceOf(text: string, node: { span: { start: number; end: number } }): string {
  return text.slice(node.span.start, node.span.end);
}

describe('event queries', () => {
  test('category, where and spans', () => {
    const text = 'process where process.name == "cmd.exe"';
    const q = parseOk(text);
    expect(q.kind).toBe('event');
    if (q.kind !== 'event') return;
    expect(q.event.category).toEqual({ name: 'process', quoted: false, span: { start: 0, end: 7 } });
    expect(q.span).toEqual({ start: 0, end: text.length });
    const w = q.event.where;
    expect(w.kind).toBe('compare');
    if (w.kind !== 'compare') return;
    expect(sliceOf(text, w.left)).toBe('process.name');
    expect(sliceOf(text, w.right)).toBe('"cmd.exe"');
    expect(sliceOf(text, { span: w.operatorSpan })).toBe('==');
  });

  test('any and quoted categories', () => {
    const a = parseOk('any where true');
    expect(a.kind === 'event' && a.event.category.name).toBe('any');
    const q = parseOk('"network" where destination.port == 443');
    expect(q.kind === 'event' && q.event.category).toEqual({ name: 'network', quoted: true, span: { start: 0, end: 9 } });
  });

  test('comments are skipped, block comments nest', () => {
    const w = whereOf('process where // who\n /* a /* nested */ comment */ process.pid == 4 // end');
    expect(w).toMatchObject({ kind: 'compare', operator: '==', left: { name: 'process.pid' }, right: { value: 4 } });
  });
});

describe('sequences, samples and joins', () => {
  const text = [
    'sequence by host.id with maxspan=5m',
    '  [process where process.name : "a.exe"] by process.entity_id',
    '  ![file where true]',
    '  [network where true] by process.entity_id with runs=3',
    'until [process where event.type == "end"]',
  ].join('\n');

  test('header, steps, keys, runs, missing events and until', () => {
    const q = parseOk(text);
    if (q.kind !== 'sequence') throw new Error(q.kind);
    expect(q.by.map((k) => k.kind === 'field' && k.name)).toEqual(['host.id']);
    expect(q.maxspan).toMatchObject({ value: 5, unit: 'm', milliseconds: 300_000 });
    expect(sliceOf(text, q.maxspan as { span: { start: number; end: number } })).toBe('with maxspan=5m');
    expect(q.steps.map((s) => s.event.category.name)).toEqual(['process', 'file', 'network']);
    expect(q.steps.map((s) => s.missing)).toEqual([false, true, false]);
    expect(q.steps[0]?.by.map((k) => k.kind === 'field' && k.name)).toEqual(['process.entity_id']);
    expect(q.steps[2]?.runs?.value).toBe(3);
    expect(sliceOf(text, q.steps[2] as { span: { start: number; end: number } })).toBe(
      '[network where true] by process.entity_id with runs=3',
    );
    expect(q.until?.event.category.name).toBe('process');
  });

  test('maxspan units and spacing', () => {
    for (const [span, ms] of [['1s', 1000], ['500ms', 500], ['2h', 7_200_000], ['1d', 86_400_000], ['1.5m', 90_000]] as const) {
      const q = parseOk(`sequence with maxspan = ${span} [any where true] [any where true]`);
      expect(q.kind === 'sequence' && q.maxspan?.milliseconds).toBe(ms);
    }
  });

  test('one step with runs is a sequence', () => {
    const q = parseOk('sequence by host.id with maxspan=1m [process where true] with runs = 10');
    expect(q.kind === 'sequence' && q.steps[0]?.runs?.value).toBe(10);
  });

  test('sample by', () => {
    const q = parseOk('sample by host.id, process.pid [process where true] [network where true]');
    if (q.kind !== 'sample') throw new Error(q.kind);
    expect(q.by).toHaveLength(2);
    expect(q.steps).toHaveLength(2);
  });

  test('legacy join', () => {
    const q = parseOk('join by source.ip [network where true] [dns where true] until [process where true]');
    expect(q.kind).toBe('join');
  });
});

describe('operators', () => {
  test('comparison operators', () => {
    for (const op of ['==', '!=', '<', '<=', '>', '>=']) {
      expect(whereOf(`process where process.pid ${op} 4`)).toMatchObject({ kind: 'compare', operator: op });
    }
  });

  test(': with one value and with a list', () => {
    expect(whereOf('process where process.name : "cmd.exe"')).toMatchObject({
      kind: 'match',
      operator: ':',
      list: false,
      values: [{ kind: 'string', value: 'cmd.exe' }],
    });
    expect(whereOf('process where process.name:("a", "b*")')).toMatchObject({
      kind: 'match',
      operator: ':',
      list: true,
      values: [{ value: 'a' }, { value: 'b*' }],
    });
  });

  test('like, like~, regex, regex~ with one value or a list', () => {
    for (const op of ['like', 'like~', 'regex', 'regex~']) {
      expect(whereOf(`file where file.path ${op} "x*"`)).toMatchObject({ kind: 'match', operator: op, list: false });
      expect(whereOf(`file where file.path ${op} ("x*", "y")`)).toMatchObject({ kind: 'match', operator: op, list: true });
    }
  });

  test('in, in~, not in', () => {
    expect(whereOf('process where process.name in ("a", "b")')).toMatchObject({ kind: 'in', operator: 'in', negated: false });
    expect(whereOf('process where process.name in~ ("a")')).toMatchObject({ kind: 'in', operator: 'in~', negated: false });
    const text = 'process where process.name not in ("a", "b")';
    const w = whereOf(text);
    expect(w).toMatchObject({ kind: 'in', operator: 'in', negated: true });
    expect(sliceOf(text, w)).toBe('process.name not in ("a", "b")');
  });

  test('precedence: not binds tighter than and, and tighter than or', () => {
    const w = whereOf('any where not a == 1 and b == 2 or c == 3');
    expect(w).toMatchObject({
      kind: 'or',
      items: [{ kind: 'and', items: [{ kind: 'not', operand: { kind: 'compare' } }, { kind: 'compare' }] }, { kind: 'compare' }],
    });
  });

  test('chains of and/or are one node', () => {
    const w = whereOf('any where a == 1 and b == 2 and c == 3');
    expect(w.kind === 'and' && w.items.length).toBe(3);
  });

  test('parentheses group and belong to the span of what they enclose', () => {
    const text = 'any where not (a == 1 or b == 2)';
    const w = whereOf(text);
    expect(w.kind).toBe('not');
    if (w.kind !== 'not') return;
    expect(w.operand.kind).toBe('or');
    expect(sliceOf(text, w.operand)).toBe('(a == 1 or b == 2)');
  });

  test('arithmetic precedence and unary minus', () => {
    const w = whereOf('any where length(process.args) + 2 * 3 > -1');
    expect(w).toMatchObject({
      kind: 'compare',
      operator: '>',
      left: { kind: 'arith', operator: '+', right: { kind: 'arith', operator: '*' } },
      right: { kind: 'number', value: -1 },
    });
  });
});

describe('fields', () => {
  test('optional, dotted, backquoted, indexed, @timestamp', () => {
    const text = 'any where ?process.code_signature.trusted == false and `a/b`.`0`.c == 1 and process.args[0] == "x" and @timestamp > 0';
    const w = whereOf(text);
    if (w.kind !== 'and') throw new Error(w.kind);
    const fields = w.items.map((c) => (c.kind === 'compare' ? c.left : c));
    expect(fields.map((f) => f.kind === 'field' && [f.name, f.optional])).toEqual([
      ['process.code_signature.trusted', true],
      ['a/b.0.c', false],
      ['process.args[0]', false],
      ['@timestamp', false],
    ]);
    expect(sliceOf(text, fields[0] as EqlExpr)).toBe('?process.code_signature.trusted');
    expect(sliceOf(text, fields[1] as EqlExpr)).toBe('`a/b`.`0`.c');
  });

  test('a keyword after a dot is a field segment', () => {
    expect(whereOf('any where event.sequence == 1')).toMatchObject({ left: { kind: 'field', name: 'event.sequence' } });
  });

  test('doubled backquote inside a backquoted name', () => {
    expect(whereOf('any where `a``b` == 1')).toMatchObject({ left: { name: 'a`b' } });
  });
});

describe('literals', () => {
  test('escapes in double-quoted strings are decoded', () => {
    expect(whereOf('any where a == "C:\\\\Win\\"x\\"\\t\\u{41}"')).toMatchObject({
      right: { kind: 'string', value: 'C:\\Win"x"\tA', style: 'double' },
    });
  });

  test('raw strings keep backslashes', () => {
    expect(whereOf('any where a regex """C:\\\\d+\\s"""')).toMatchObject({
      values: [{ value: 'C:\\\\d+\\s', style: 'triple' }],
    });
    expect(whereOf('any where a : ?"C:\\Windows\\cmd"')).toMatchObject({ values: [{ value: 'C:\\Windows\\cmd', style: 'raw' }] });
    // In a ?"…" string, \" is a quote that does not end the string (and stays as written).
    expect(whereOf('any where a : ?"say \\"hi\\""')).toMatchObject({ values: [{ value: 'say \\"hi\\"' }] });
  });

  test('triple-quoted strings may span lines and end in quotes', () => {
    expect(whereOf('any where a : """say\n"hi""""')).toMatchObject({ values: [{ value: 'say\n"hi"' }] });
  });

  test('numbers, booleans, null', () => {
    const w = whereOf('any where a == 1.5 and b == 2e3 and c == true and d == null and e == .5');
    if (w.kind !== 'and') throw new Error(w.kind);
    expect(w.items.map((c) => c.kind === 'compare' && c.right)).toMatchObject([
      { kind: 'number', value: 1.5 },
      { kind: 'number', value: 2000 },
      { kind: 'boolean', value: true },
      { kind: 'null' },
      { kind: 'number', value: 0.5 },
    ]);
  });
});

describe('functions', () => {
  test('name, ~ variant, arguments, spans', () => {
    const text = 'process where startsWith~(process.name, "cmd") and cidrMatch(source.ip, "10.0.0.0/8", "192.168.0.0/16")';
    const w = whereOf(text);
    if (w.kind !== 'and') throw new Error(w.kind);
    const [a, b] = w.items;
    expect(a).toMatchObject({ kind: 'call', name: 'startsWith', caseInsensitive: true });
    expect(sliceOf(text, { span: (a as { nameSpan: { start: number; end: number } }).nameSpan })).toBe('startsWith~');
    expect(b).toMatchObject({ kind: 'call', name: 'cidrMatch', caseInsensitive: false });
    expect(b?.kind === 'call' && b.args).toHaveLength(3);
  });

  test('function names are case-insensitive', () => {
    expect(parseEql('any where endswith~(a, "x") and STRINGCONTAINS(b, "y")').errors).toEqual([]);
  });

  test('every function of the reference parses', () => {
    const calls = [
      'add(a, 1)', 'between(a, "x", "y")', 'between~(a, "x", "y", true)', 'concat(a, "x")', 'divide(a, 2)',
      'indexOf(a, "x")', 'length(a)', 'modulo(a, 2)', 'multiply(a, 2)', 'number(a)', 'number(a, 16)', 'string(a)',
      'substring(a, 0, -1)', 'subtract(a, 1)', 'wildcard(a, "x*", "y*")',
    ];
    for (const c of calls) expect(parseEql(`any where ${c} == 1`).errors, c).toEqual([]);
  });

  test('relationship (python-eql)', () => {
    expect(whereOf('process where not descendant of [process where process.name : "cmd.exe"]')).toMatchObject({
      kind: 'not',
      operand: { kind: 'relationship', relation: 'descendant', event: { category: { name: 'process' } } },
    });
  });
});

describe('pipes', () => {
  test('head, tail, filter, unique, unique_count, count, sort', () => {
    const text =
      'process where true | filter process.pid > 4 | unique process.name, host.id | unique_count process.name | count | sort @timestamp | head 5 | tail 2';
    const q = parseOk(text);
    expect(q.pipes.map((p) => [p.name, p.args.length])).toEqual([
      ['filter', 1],
      ['unique', 2],
      ['unique_count', 1],
      ['count', 0],
      ['sort', 1],
      ['head', 1],
      ['tail', 1],
    ]);
    expect(sliceOf(text, q.pipes[1] as { span: { start: number; end: number } })).toBe('| unique process.name, host.id');
    expect(q.span.end).toBe(text.length);
  });

  test('pipes after a sequence', () => {
    const q = parseOk('sequence [any where true] [any where true] | head 1');
    expect(q.kind === 'sequence' && q.pipes[0]?.name).toBe('head');
  });
});
