import { describe, expect, test } from 'vitest';
import { parseEql } from '../../src/parse/elastic/eql/parser.js';
import { eqlToLogic } from '../../src/parse/elastic/eql/lower.js';
import { eqlOutline } from '../../src/parse/elastic/eql/outline.js';
import type { EqlQuery } from '../../src/parse/elastic/eql/ast.js';
import type { Logic, LogicCompare } from '../../src/model/logic.js';

function parsed(text: string): EqlQuery {
  const r = parseEql(text);
  expect(r.errors).toEqual([]);
  return r.ast as EqlQuery;
}

function lower(text: string): Logic {
  return eqlToLogic(parsed(text));
}

/** The comparisons of a logic tree in order, each with the text its span covers. */
function cmps(text: string): (Omit<LogicCompare, 'kind' | 'span'> & { at: string })[] {
  const out: (Omit<LogicCompare, 'kind' | 'span'> & { at: string })[] = [];
  const walk = (l: Logic): void => {
    if (l.kind === 'cmp') {
      const { kind: _kind, span, ...rest } = l;
      out.push({ ...rest, at: text.slice(span.start, span.end) });
    } else if (l.kind === 'not') walk(l.item);
    else if (l.kind === 'and' || l.kind === 'or') l.items.forEach(walk);
  };
  walk(lower(text));
  return out;
}

const P = 'process where ';

describe('operators', () => {
  test(': without wildcards is a case-insensitive match', () => {
    expect(cmps(P + 'process.name : "cmd.exe"')).toEqual([
      { field: 'process.name', operator: 'match', value: 'cmd.exe', caseSensitive: false, modifiers: [':'], at: 'process.name : "cmd.exe"' },
    ]);
  });

  test(': with * or ? is a wildcard', () => {
    expect(cmps(P + 'a : "*\\\\cmd.exe"')[0]).toMatchObject({ operator: 'wildcard', value: '*\\cmd.exe', caseSensitive: false });
    expect(cmps(P + 'a : "cmd?.exe"')[0]).toMatchObject({ operator: 'wildcard' });
  });

  test(': with a list: one comparison per value, in or wildcard, each at its value', () => {
    expect(cmps(P + 'a : ("x", "y*")')).toEqual([
      { field: 'a', operator: 'in', value: 'x', caseSensitive: false, modifiers: [':'], at: '"x"' },
      { field: 'a', operator: 'wildcard', value: 'y*', caseSensitive: false, modifiers: [':'], at: '"y*"' },
    ]);
  });

  test('== and != are case-sensitive eq/ne; null becomes is_null/is_not_null', () => {
    expect(cmps(P + 'a == "X" and b != "Y" and c != null and d == null')).toEqual([
      { field: 'a', operator: 'eq', value: 'X', caseSensitive: true, modifiers: ['=='], at: 'a == "X"' },
      { field: 'b', operator: 'ne', value: 'Y', caseSensitive: true, modifiers: ['!='], at: 'b != "Y"' },
      { field: 'c', operator: 'is_not_null', value: null, modifiers: ['!='], at: 'c != null' },
      { field: 'd', operator: 'is_null', value: null, modifiers: ['=='], at: 'd == null' },
    ]);
  });

  test('numbers and booleans keep their type', () => {
    expect(cmps(P + 'process.pid == 4 and ?process.code_signature.trusted == false')).toEqual([
      { field: 'process.pid', operator: 'eq', value: 4, modifiers: ['=='], at: 'process.pid == 4' },
      {
        field: 'process.code_signature.trusted',
        operator: 'eq',
        value: false,
        modifiers: ['==', '?'],
        at: '?process.code_signature.trusted == false',
      },
    ]);
  });

  test('case sensitivity is only set for text values', () => {
    expect(cmps(P + 'process.pid : 4 and process.pid in (4, 8)')).toEqual([
      { field: 'process.pid', operator: 'match', value: 4, modifiers: [':'], at: 'process.pid : 4' },
      { field: 'process.pid', operator: 'in', value: 4, modifiers: ['in'], at: '4' },
      { field: 'process.pid', operator: 'in', value: 8, modifiers: ['in'], at: '8' },
    ]);
  });

  test('ordering comparisons, also written literal-first', () => {
    expect(cmps(P + 'a < 1 and b <= 2 and c > 3 and d >= 4 and 5 < e').map((c) => [c.field, c.operator, c.value])).toEqual([
      ['a', 'lt', 1],
      ['b', 'lte', 2],
      ['c', 'gt', 3],
      ['d', 'gte', 4],
      ['e', 'gt', 5],
    ]);
  });

  test('like / like~ are wildcards, regex / regex~ are regex_match', () => {
    expect(cmps(P + 'a like "x*" and b like~ ("y", "z*") and c regex """\\d+""" and d regex~ "e.*"').map((c) => [
      c.field,
      c.operator,
      c.value,
      c.caseSensitive,
      c.at,
    ])).toEqual([
      ['a', 'wildcard', 'x*', true, 'a like "x*"'],
      ['b', 'wildcard', 'y', false, '"y"'],
      ['b', 'wildcard', 'z*', false, '"z*"'],
      ['c', 'regex_match', '\\d+', true, 'c regex """\\d+"""'],
      ['d', 'regex_match', 'e.*', false, 'd regex~ "e.*"'],
    ]);
  });

  test('in / in~ are an or of in comparisons; not in is not(or(…))', () => {
    const l = lower(P + 'a in ("x", "y") and b in~ ("Z") and not c not in ("w")');
    expect(l).toMatchObject({
      kind: 'and',
      items: [
        {
          kind: 'or',
          items: [
            { kind: 'cmp', field: 'a', operator: 'in', value: 'x', caseSensitive: true },
            { kind: 'cmp', field: 'a', operator: 'in', value: 'y', caseSensitive: true },
          ],
        },
        { kind: 'cmp', field: 'b', operator: 'in', value: 'Z', caseSensitive: false, modifiers: ['in~'] },
        { kind: 'not', item: { kind: 'not', item: { kind: 'cmp', field: 'c', operator: 'in', value: 'w' } } },
      ],
    });
  });

  test('string functions, case-sensitive unless ~', () => {
    expect(
      cmps(P + 'startsWith(a, "x") and endsWith~(b, "y") and stringContains(c, "z") and startswith~(d, "p", "q")').map((c) => [
        c.field,
        c.operator,
        c.value,
        c.caseSensitive,
        c.modifiers,
        c.at,
      ]),
    ).toEqual([
      ['a', 'starts_with', 'x', true, ['startsWith'], 'startsWith(a, "x")'],
      ['b', 'ends_with', 'y', false, ['endsWith~'], 'endsWith~(b, "y")'],
      ['c', 'contains', 'z', true, ['stringContains'], 'stringContains(c, "z")'],
      ['d', 'starts_with', 'p', false, ['startswith~'], '"p"'],
      ['d', 'starts_with', 'q', false, ['startswith~'], '"q"'],
    ]);
  });

  test('wildcard() and cidrMatch() are an or over their patterns', () => {
    const l = lower(P + 'wildcard(a, "x*", "y*") or cidrMatch(destination.ip, "10.0.0.0/8", "127.0.0.0/8")');
    expect(l.kind).toBe('or');
    expect(cmps(P + 'wildcard(a, "x*", "y*") or cidrMatch(destination.ip, "10.0.0.0/8", "127.0.0.0/8")').map((c) => [
      c.field,
      c.operator,
      c.value,
      c.caseSensitive,
    ])).toEqual([
      ['a', 'wildcard', 'x*', false],
      ['a', 'wildcard', 'y*', false],
      ['destination.ip', 'cidr', '10.0.0.0/8', undefined],
      ['destination.ip', 'cidr', '127.0.0.0/8', undefined],
    ]);
  });

  test('escapes are decoded in values', () => {
    expect(cmps(P + 'file.path : "C:\\\\Users\\\\*\\\\a \\"b\\".txt"')[0]?.value).toBe('C:\\Users\\*\\a "b".txt');
  });

  test('backquoted and indexed field names', () => {
    expect(cmps(P + '`kubernetes.audit.annotations.authorization_k8s_io/decision` == "forbid" and process.args[1] : "-c"').map((c) => c.field)).toEqual([
      'kubernetes.audit.annotations.authorization_k8s_io/decision',
      'process.args[1]',
    ]);
  });
});

describe('what stays opaque', () => {
  test.each([
    ['length(process.args) > 3', 'length(process.args) > 3'],
    ['process.name == process.parent.name', 'process.name == process.parent.name'],
    ['a + 1 == 2', 'a + 1 == 2'],
    ['startsWith(a, b)', 'startsWith(a, b)'],
    ['between(a, "x", "y") : "z"', 'between(a, "x", "y") : "z"'],
    ['descendant of [process where process.name : "cmd.exe"]', 'descendant of [process where process.name : "cmd.exe"]'],
    ['?process.code_signature.trusted', '?process.code_signature.trusted'],
  ])('%s', (cond, description) => {
    const text = P + cond;
    const l = lower(text);
    expect(l).toEqual({ kind: 'opaque', description, span: { start: P.length, end: text.length } });
  });

  test('a non-literal inside an in list is opaque, the rest are comparisons', () => {
    expect(lower(P + 'a in ("x", b)')).toMatchObject({
      kind: 'or',
      items: [{ kind: 'cmp', value: 'x' }, { kind: 'opaque', description: 'b' }],
    });
  });
});

describe('sequences and samples', () => {
  const text = [
    'sequence by host.id with maxspan=30s',
    '  [process where process.name : "a.exe" and not process.parent.name : "b.exe"]',
    '  ![network where destination.port == 443]',
    '  [file where file.name : "x" and not (file.path : "y" or file.size > 4)]',
    'until [process where event.type == "end"]',
  ].join('\n');

  test('an and of the steps; top-level nots stay on top; missing steps are negated; until is left out', () => {
    const l = lower(text);
    expect(l.kind).toBe('and');
    if (l.kind !== 'and') return;
    expect(l.items.map((it) => it.kind)).toEqual(['cmp', 'not', 'not', 'cmp', 'not']);
    expect(l.items[1]).toMatchObject({ kind: 'not', item: { field: 'process.parent.name', group: 'sequence[1]' } });
    expect(l.items[2]).toMatchObject({ kind: 'not', item: { field: 'destination.port', group: 'sequence[2]' } });
    expect(l.items[4]).toMatchObject({ kind: 'not', item: { kind: 'or' } });
    expect(cmps(text).map((c) => [c.field, c.group])).toEqual([
      ['process.name', 'sequence[1]'],
      ['process.parent.name', 'sequence[1]'],
      ['destination.port', 'sequence[2]'],
      ['file.name', 'sequence[3]'],
      ['file.path', 'sequence[3]'],
      ['file.size', 'sequence[3]'],
    ]);
  });

  test('event queries have no group', () => {
    expect(cmps(P + 'a == 1')[0]?.group).toBeUndefined();
  });

  test('sample steps are grouped as sample[n]', () => {
    expect(cmps('sample by host.id [process where a == 1] [network where b == 2]').map((c) => c.group)).toEqual([
      'sample[1]',
      'sample[2]',
    ]);
  });

  test('outline: categories with spans, maxspan, keys, until, pipes', () => {
    const o = eqlOutline(parsed(text + ' | head 3'));
    expect(o.kind).toBe('sequence');
    expect(o.by).toEqual(['host.id']);
    expect(o.maxspan).toMatchObject({ value: 30, unit: 's', milliseconds: 30_000 });
    expect(o.steps.map((s) => [s.group, s.category.name, s.missing, s.until])).toEqual([
      ['sequence[1]', 'process', false, false],
      ['sequence[2]', 'network', true, false],
      ['sequence[3]', 'file', false, false],
      ['sequence[until]', 'process', false, true],
    ]);
    const network = o.steps[1]?.category.span;
    expect(network && text.slice(network.start, network.end)).toBe('network');
    expect(o.pipes.map((p) => p.name)).toEqual(['head']);
  });

  test('outline of an event query and of per-step keys and runs', () => {
    expect(eqlOutline(parsed('file where true')).steps).toMatchObject([{ group: undefined, category: { name: 'file' }, runs: 1 }]);
    const o = eqlOutline(parsed('sequence [process where true] by process.entity_id with runs=2 [file where true] by process.entity_id'));
    expect(o.steps.map((s) => [s.by, s.runs])).toEqual([
      [['process.entity_id'], 2],
      [['process.entity_id'], 1],
    ]);
    expect(o.maxspan).toBeNull();
  });
});
