import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Logic } from '../../src/model/logic.js';
import { SourceText } from '../../src/model/location.js';
import { parseElasticFile } from '../../src/parse/elastic/document.js';
import { kqlToLogic, parseKql } from '../../src/parse/elastic/kql/index.js';
import type { KqlNode } from '../../src/parse/elastic/kql/index.js';
import { CORPUS } from '../helpers/paths.js';

function ast(text: string): KqlNode {
  const r = parseKql(text);
  expect(r.errors).toEqual([]);
  if (!r.ast) throw new Error('no tree');
  return r.ast;
}

function logic(text: string): Logic {
  return kqlToLogic(ast(text));
}

/** The logic tree as short text: cmp as `field op value`, with the text of its span. */
function show(l: Logic, text: string): unknown {
  switch (l.kind) {
    case 'and':
    case 'or':
      return { [l.kind]: l.items.map((x) => show(x, text)) };
    case 'not':
      return { not: show(l.item, text) };
    case 'cmp':
      return `${l.field} ${l.operator} ${JSON.stringify(l.value)} @ ${text.slice(l.span.start, l.span.end)}`;
    case 'opaque':
      return `opaque: ${l.description}`;
  }
}

function firstError(text: string): { message: string; at: string; start: number } {
  const r = parseKql(text);
  const e = r.errors[0];
  if (!e) throw new Error(`no error for ${text}`);
  return { message: e.message, at: text.slice(e.span.start, e.span.end), start: e.span.start };
}

describe('parseKql grammar', () => {
  it('reads field:value with spans', () => {
    const text = 'process.name:cmd.exe';
    expect(ast(text)).toEqual({
      kind: 'field',
      field: { kind: 'literal', value: 'process.name', quoted: false, wildcard: false, span: { start: 0, end: 12 } },
      value: { kind: 'literal', value: 'cmd.exe', quoted: false, wildcard: false, span: { start: 13, end: 20 } },
      span: { start: 0, end: 20 },
    });
  });

  it('binds and tighter than or, with keywords in any case', () => {
    const text = 'a:1 OR b:2 And c:3 or NOT d:4';
    const node = ast(text);
    expect(node.kind).toBe('or');
    if (node.kind !== 'or') return;
    expect(node.items.map((n) => n.kind)).toEqual(['field', 'and', 'not']);
    expect(text.slice(node.items[1]?.span.start, node.items[1]?.span.end)).toBe('b:2 And c:3');
    expect(text.slice(node.items[2]?.span.start, node.items[2]?.span.end)).toBe('NOT d:4');
  });

  it('reads parentheses, value lists and nested field groups', () => {
    const node = ast('(a:x or b:y) and f:(v1 or v2 and not v3) and parent:{ child:1 and other:* }');
    expect(node.kind).toBe('and');
    if (node.kind !== 'and') return;
    expect(node.items[0]?.kind).toBe('or');
    const list = node.items[1];
    expect(list?.kind === 'field' && list.value.kind).toBe('or');
    const nested = node.items[2];
    expect(nested?.kind).toBe('nested');
    if (nested?.kind === 'nested') expect(nested.query.kind).toBe('and');
  });

  it('reads ranges with every operator', () => {
    for (const [op, kind] of [['<', 'lt'], ['<=', 'lte'], ['>', 'gt'], ['>=', 'gte']] as const) {
      const node = ast(`network.bytes ${op} 256`);
      expect(node).toMatchObject({ kind: 'range', operator: kind, field: { value: 'network.bytes' }, value: { value: '256' } });
    }
    expect(ast('@timestamp>"now-1d"')).toMatchObject({ kind: 'range', operator: 'gt', value: { value: 'now-1d', quoted: true } });
  });

  it('decodes escapes outside quotes', () => {
    const node = ast('process.executable:C\\:\\\\Windows\\\\\\*\\(x86\\)\\u0041');
    expect(node).toMatchObject({ kind: 'field', value: { value: 'C:\\Windows\\*(x86)A', wildcard: false } });
    // An escaped keyword is a plain word of the value.
    expect(ast('a:x \\or y')).toMatchObject({ kind: 'field', value: { value: 'x or y' } });
    expect(ast('a:tab\\tnew\\nline')).toMatchObject({ value: { value: 'tab\tnew\nline' } });
    expect(ast('a:x\\AND')).toMatchObject({ value: { value: 'xAND' } });
  });

  it('decodes escapes inside quotes and keeps other backslashes', () => {
    expect(ast('a:"say \\"hi\\" \\\\ C:\\Temp *"')).toMatchObject({
      value: { value: 'say "hi" \\ C:\\Temp *', quoted: true, wildcard: false },
    });
  });

  it('marks unescaped * as a wildcard', () => {
    expect(ast('f:*evil*')).toMatchObject({ value: { value: '*evil*', wildcard: true } });
    expect(ast('f:\\*evil')).toMatchObject({ value: { value: '*evil', wildcard: false } });
    expect(ast('f:*')).toMatchObject({ value: { value: '*', wildcard: true } });
  });

  it('lets an unquoted value hold spaces up to a keyword, trimmed', () => {
    const text = 'message:hello big world   or x:1';
    const node = ast(text);
    expect(node).toMatchObject({ kind: 'or', items: [{ value: { value: 'hello big world' } }, { kind: 'field' }] });
    if (node.kind === 'or') {
      const v = node.items[0];
      if (v?.kind === 'field') expect(text.slice(v.value.span.start, v.value.span.end)).toBe('hello big world');
    }
    // Without whitespace after it, `or` is part of the value (Kibana's grammar).
    expect(ast('f:a or')).toMatchObject({ value: { value: 'a or' } });
  });

  it('reads free text and quoted field names', () => {
    expect(ast('mimikatz')).toMatchObject({ kind: 'text', value: { value: 'mimikatz' } });
    expect(ast('"sekurlsa::logonpasswords"')).toMatchObject({ kind: 'text', value: { quoted: true } });
    expect(ast('"odd field":x')).toMatchObject({ kind: 'field', field: { value: 'odd field', quoted: true } });
    expect(ast('  spaced : value  ')).toMatchObject({ kind: 'field', field: { value: 'spaced' }, value: { value: 'value' } });
  });
});

describe('parseKql errors', () => {
  it("reports a missing value after ':' where it is missing", () => {
    expect(firstError('process.name:) and x:1')).toEqual({ message: "expected a value after ':', found ')'", at: ')', start: 13 });
    expect(firstError('process.name:')).toEqual({ message: "expected a value after ':', found the end of the query", at: '', start: 13 });
  });

  it("reports an unclosed '(' at the parenthesis", () => {
    expect(firstError('a:1 and (b:2 or c:3')).toEqual({ message: "unclosed '('", at: '(', start: 8 });
    expect(firstError('f:(x or y')).toEqual({ message: "unclosed '('", at: '(', start: 2 });
    expect(firstError('n:{ a:1 ')).toEqual({ message: "unclosed '{'", at: '{', start: 2 });
  });

  it('reports an unclosed quote at the opening quote', () => {
    expect(firstError('a:1 and b:"open')).toEqual({ message: `unclosed '"'`, at: '"', start: 10 });
  });

  it('reports an empty query, a dangling operator and a stray parenthesis', () => {
    expect(firstError('   ').message).toBe('the query is empty');
    expect(firstError('a:1 and ')).toMatchObject({ start: 8 });
    expect(firstError('a:1 and not ').message).toMatch(/^expected a query after 'not'/);
    expect(firstError('a:1)')).toEqual({ message: "unexpected ')' without a matching '('", at: ')', start: 3 });
    expect(firstError('f:()').message).toBe("expected a value inside '( )', found ')'");
    expect(firstError('x > ').message).toBe("expected a value after '>', found the end of the query");
  });

  it('hints at a missing and/or when a value runs into the next field', () => {
    const e = firstError('process.name:cmd.exe user.name:admin');
    expect(e.message).toBe("unexpected ':' after the value 'cmd.exe user.name': is an 'and' or 'or' missing between two comparisons?");
    expect(e.start).toBe(30);
    expect(firstError('(a:1 b:2)').message).toBe("unexpected ':' after the value '1 b': is an 'and' or 'or' missing between two comparisons?");
    expect(firstError('(a:1 "b")')).toEqual({ message: "expected 'and', 'or' or ')' to close the '(', found '\"'", at: '"', start: 5 });
  });

  it("spans a `not (…)` up to its ')'", () => {
    const text = 'a:1 and not (b:2 or c:3)';
    const node = ast(text);
    const last = node.kind === 'and' ? node.items[1] : undefined;
    expect(last && text.slice(last.span.start, last.span.end)).toBe('not (b:2 or c:3)');
  });

  it("explains a value containing 'not '", () => {
    expect(firstError('message:cannot open').message).toMatch(/^unexpected 'not'/);
  });

  it('reports a backslash that escapes nothing but keeps parsing', () => {
    // An unescaped ':' ends the value, as in Kibana.
    expect(firstError('process.executable:C:\\Windows')).toEqual({
      message: "expected 'and', 'or' or the end of the query, found ':'",
      at: ':',
      start: 20,
    });
    const r2 = parseKql('process.executable:C\\:\\Windows and x:1');
    expect(r2.errors).toEqual([
      { message: "'\\W' is not a KQL escape: write '\\\\' for a backslash, or quote the value", span: { start: 22, end: 24 } },
    ]);
    expect(r2.ast?.kind).toBe('and');
  });

  it('never throws on hostile input', () => {
    for (const text of ['(((', ')))', '"', '\\', 'a:{', 'not', 'not ', ':', '*', '<', 'a:(b:c)', '\u0000', 'a:"\\u12"', 'x:' + '('.repeat(200)]) {
      expect(() => parseKql(text)).not.toThrow();
    }
  });
});

describe('kqlToLogic', () => {
  it('lowers values to match, wildcard, is_not_null and booleans', () => {
    const text = 'a:x and b:"ph *rase" and c:*evil* and d:* and e:true and f:53 and g:server?';
    expect(show(logic(text), text)).toEqual({
      and: [
        'a match "x" @ a:x',
        'b match "ph *rase" @ b:"ph *rase"',
        'c wildcard "*evil*" @ c:*evil*',
        'd is_not_null null @ d:*',
        'e match true @ e:true',
        'f match "53" @ f:53',
        'g match "server?" @ g:server?',
      ],
    });
  });

  it('lowers ranges with numbers as numbers', () => {
    const text = 'x >= 5800 and y < 0.98 and z > now-1d';
    expect(show(logic(text), text)).toEqual({
      and: ['x gte 5800 @ x >= 5800', 'y lt 0.98 @ y < 0.98', 'z gt "now-1d" @ z > now-1d'],
    });
  });

  it('lowers value lists to an or of comparisons located at each value', () => {
    const text = 'event.type:(start or process_started) and not process.args:(* and not ("-i" or x*))';
    expect(show(logic(text), text)).toEqual({
      and: [
        { or: ['event.type match "start" @ start', 'event.type match "process_started" @ process_started'] },
        {
          not: {
            and: [
              'process.args is_not_null null @ *',
              { not: { or: ['process.args match "-i" @ "-i"', 'process.args wildcard "x*" @ x*'] } },
            ],
          },
        },
      ],
    });
  });

  it('prefixes fields of nested groups and lowers free text without a field', () => {
    const text = 'a:{ b:{ c:1 } and d:2 } or mimikatz or *';
    expect(show(logic(text), text)).toEqual({
      or: [{ and: ['a.b.c match "1" @ c:1', 'a.d match "2" @ d:2'] }, ' match "mimikatz" @ mimikatz', 'opaque: matches every document'],
    });
  });

  it("keeps a corpus rule's `and not (a or (b and c) …)` as a not over an or", () => {
    const file = path.join(CORPUS, 'elastic/rules/integrations/kubernetes/privilege_escalation_container_created_with_excessive_linux_capabilities.toml');
    const { doc } = parseElasticFile(new SourceText(readFileSync(file, 'utf8')));
    const query = doc?.rule.query;
    if (!query) throw new Error('no query');
    const l = logic(query.embedded.text);
    expect(l.kind).toBe('and');
    if (l.kind !== 'and') return;
    const last = l.items[l.items.length - 1];
    expect(last?.kind).toBe('not');
    if (last?.kind !== 'not') return;
    expect(last.item.kind).toBe('or');
    if (last.item.kind !== 'or') return;
    // The value list `image:(a or b or "")` joins the or it sits in.
    expect(last.item.items.map((i) => i.kind)).toEqual(['cmp', 'cmp', 'cmp', 'cmp', 'and', 'and', 'and', 'and', 'and']);
    const datadog = last.item.items[4];
    expect(show(datadog as Logic, query.embedded.text)).toEqual({
      and: [
        'kubernetes.audit.objectRef.namespace match "datadog" @ kubernetes.audit.objectRef.namespace:datadog',
        'kubernetes.audit.requestObject.spec.containers.image wildcard "*datadog-agent*" @ kubernetes.audit.requestObject.spec.containers.image:*datadog-agent*',
      ],
    });
    // The predicate's place in the file: the line that holds it.
    if (datadog?.kind === 'and' && datadog.items[0]?.kind === 'cmp') {
      const loc = query.embedded.locate(datadog.items[0].span);
      expect(doc?.source.lineText(loc.line).trim().startsWith('(kubernetes.audit.objectRef.namespace:datadog and')).toBe(true);
    }
  });
});
