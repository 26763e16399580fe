import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Logic } from '../../src/model/logic.js';
import { SourceText } from '../../src/model/location.js';
import { parseElasticFile } from '../../src/parse/elastic/document.js';
import {
  createdFields,
  esqlHasStats,
  esqlKeepFields,
  esqlMetadataFields,
  esqlSources,
  esqlToLogic,
  parseEsql,
  unescapeLike,
} from '../../src/parse/elastic/esql/index.js';
import type { EsqlCommand, EsqlExpr, EsqlQuery } from '../../src/parse/elastic/esql/index.js';
import { CORPUS } from '../helpers/paths.js';

function query(text: string): EsqlQuery {
  const r = parseEsql(text);
  expect(r.errors).toEqual([]);
  if (!r.ast) throw new Error('no tree');
  return r.ast;
}

function command(text: string, index = 1): EsqlCommand {
  const c = query(text).commands[index];
  if (!c) throw new Error(`no command ${index}`);
  return c;
}

function where(condition: string): EsqlExpr {
  const c = command(`FROM logs-* | WHERE ${condition}`);
  if (c.kind !== 'where') throw new Error('not a WHERE');
  return c.condition;
}

/** An expression as compact text, to check the tree's shape. */
function sexp(e: EsqlExpr): string {
  switch (e.kind) {
    case 'field':
      return e.name;
    case 'literal':
      return JSON.stringify(e.value);
    case 'array':
      return `[${e.items.map(sexp).join(' ')}]`;
    case 'map':
      return `{${e.entries.map((x) => `${String(x.key.value)}:${sexp(x.value)}`).join(' ')}}`;
    case 'call':
      return `${e.name}(${e.star ? '*' : e.args.map(sexp).join(' ')})`;
    case 'unary':
      return `(${e.operator} ${sexp(e.operand)})`;
    case 'arithmetic':
    case 'compare':
      return `(${e.operator} ${sexp(e.left)} ${sexp(e.right)})`;
    case 'and':
    case 'or':
      return `(${e.kind} ${e.items.map(sexp).join(' ')})`;
    case 'not':
      return `(not ${sexp(e.operand)})`;
    case 'in':
      return `(${e.negated ? 'not-in' : 'in'} ${sexp(e.value)} ${e.list.map(sexp).join(' ')})`;
    case 'like':
      return `(${e.negated ? 'not-' : ''}${e.operator} ${sexp(e.value)} ${e.patterns.map(sexp).join(' ')})`;
    case 'is_null':
      return `(${e.negated ? 'is-not-null' : 'is-null'} ${sexp(e.value)})`;
    case 'match':
      return `(: ${sexp(e.field)} ${sexp(e.query)})`;
    case 'cast':
      return `(:: ${sexp(e.value)} ${e.type})`;
  }
}

function show(l: Logic, text: string): unknown {
  switch (l.kind) {
    case 'and':
    case 'or':
      return { [l.kind]: l.items.map((x) => show(x, text)) };
    case 'not':
      return { not: show(l.item, text) };
    case 'cmp': {
      const cs = l.caseSensitive === undefined ? '' : l.caseSensitive ? ' cs' : ' ci';
      return `${l.field} ${l.operator} ${JSON.stringify(l.value)}${cs} @ ${text.slice(l.span.start, l.span.end)}`;
    }
    case 'opaque':
      return `opaque: ${l.description} @ ${text.slice(l.span.start, l.span.end)}`;
  }
}

function firstError(text: string): { message: string; at: string } {
  const e = parseEsql(text).errors[0];
  if (!e) throw new Error(`no error for ${text}`);
  return { message: e.message, at: text.slice(e.span.start, e.span.end) };
}

describe('parseEsql commands', () => {
  it('reads FROM with index patterns and METADATA, with spans', () => {
    const text = 'FROM logs-endpoint.events.process-*, "logs-system.security-*",remote:logs-* METADATA _id, _index, _version';
    const q = query(text);
    const from = q.commands[0];
    expect(from?.kind).toBe('from');
    expect(esqlSources(q).map((s) => [s.name, s.quoted, text.slice(s.span.start, s.span.end)])).toEqual([
      ['logs-endpoint.events.process-*', false, 'logs-endpoint.events.process-*'],
      ['logs-system.security-*', true, '"logs-system.security-*"'],
      ['remote:logs-*', false, 'remote:logs-*'],
    ]);
    expect(esqlMetadataFields(q).map((f) => [f.name, text.slice(f.span.start, f.span.end)])).toEqual([
      ['_id', '_id'],
      ['_index', '_index'],
      ['_version', '_version'],
    ]);
    expect(from?.nameSpan).toEqual({ start: 0, end: 4 });
    expect(from?.span).toEqual({ start: 0, end: text.length });
  });

  it('reads every processing command', () => {
    const text = [
      'from logs-* metadata _id',
      '| where process.name == "cmd.exe"',
      '| eval lower = to_lower(process.name), n = 1',
      '| stats c = count(*), hosts = values(host.name) where host.name is not null by user.name, bucket = date_trunc(1 minute, @timestamp)',
      '| inline stats total = count(*) by user.name',
      '| inlinestats m = max(c)',
      '| keep c, Esql.*, `odd name`, `x.y`*',
      '| drop hosts',
      '| rename c as event_count, n2 = n',
      '| mv_expand user.name',
      '| sort event_count desc nulls last, user.name',
      '| limit 10',
      '| dissect process.command_line "%{exe} %{+exe} %{?skip}" append_separator = " "',
      '| grok message "%{IP:client.ip} %{WORD:verb}", """(?<Esql.id>[0-9]+)"""',
      '| enrich hosts-policy on host.name with owner = host.owner, site',
      '| lookup join threat_intel on source.ip',
      '| change_point c on @timestamp as cp_type, cp_pvalue',
      '| sample 0.1',
      '| fork (where c > 1 | limit 5) (where c <= 1)',
    ].join('\n');
    const q = query(text);
    expect(q.commands.map((c) => `${c.kind}:${c.name}`)).toEqual([
      'from:from', 'where:where', 'eval:eval', 'stats:stats', 'stats:inline stats', 'stats:inlinestats', 'keep:keep',
      'drop:drop', 'rename:rename', 'mv_expand:mv_expand', 'sort:sort', 'limit:limit', 'dissect:dissect', 'grok:grok',
      'enrich:enrich', 'lookup_join:lookup join', 'change_point:change_point', 'sample:sample', 'fork:fork',
    ]);
    const [, , evalCmd, stats, inline, inlinestats, keep, , rename, , sort, , dissect, grok, enrich, lookup, cp, , fork] = q.commands;
    expect(evalCmd?.kind === 'eval' && evalCmd.fields.map((f) => `${f.target?.name}=${sexp(f.value)}`)).toEqual([
      'lower=to_lower(process.name)',
      'n=1',
    ]);
    if (stats?.kind !== 'stats') throw new Error('stats');
    expect(stats.inline).toBe(false);
    expect(stats.aggregates.map((a) => `${a.target?.name}=${sexp(a.value)}${a.filter ? ` where ${sexp(a.filter)}` : ''}`)).toEqual([
      'c=count(*)',
      'hosts=values(host.name) where (is-not-null host.name)',
    ]);
    expect(stats.groupings.map((g) => `${g.target?.name ?? ''}=${sexp(g.value)}`)).toEqual([
      '=user.name',
      'bucket=date_trunc("1 minute" @timestamp)',
    ]);
    expect(inline?.kind === 'stats' && inline.inline && inlinestats?.kind === 'stats' && inlinestats.inline).toBe(true);
    expect(inline?.nameSpan && text.slice(inline.nameSpan.start, inline.nameSpan.end)).toBe('inline stats');
    expect(keep?.kind === 'keep' && keep.fields.map((f) => f.name)).toEqual(['c', 'Esql.*', 'odd name', 'x.y*']);
    expect(rename?.kind === 'rename' && rename.renames.map((r) => `${r.from.name}->${r.to.name}`)).toEqual(['c->event_count', 'n->n2']);
    expect(sort?.kind === 'sort' && sort.orders.map((o) => `${sexp(o.value)} ${o.direction} ${o.nulls}`)).toEqual([
      'event_count desc last',
      'user.name undefined undefined',
    ]);
    expect(dissect?.kind === 'dissect' && [dissect.pattern.value, dissect.options.map((o) => o.target?.name)]).toEqual([
      '%{exe} %{+exe} %{?skip}',
      ['append_separator'],
    ]);
    expect(grok?.kind === 'grok' && grok.patterns.map((p) => p.value)).toEqual(['%{IP:client.ip} %{WORD:verb}', '(?<Esql.id>[0-9]+)']);
    expect(enrich?.kind === 'enrich' && [enrich.policy.name, enrich.on?.name, enrich.with.map((w) => `${w.target?.name}=${w.field.name}`)]).toEqual([
      'hosts-policy',
      'host.name',
      ['owner=host.owner', 'undefined=site'],
    ]);
    expect(lookup?.kind === 'lookup_join' && [lookup.index.name, lookup.on.map(sexp)]).toEqual(['threat_intel', ['source.ip']]);
    expect(cp?.kind === 'change_point' && [cp.value.name, cp.key?.name, cp.outputs.map((o) => o.name)]).toEqual([
      'c',
      '@timestamp',
      ['cp_type', 'cp_pvalue'],
    ]);
    expect(fork?.kind === 'fork' && fork.branches.map((b) => b.map((c) => c.kind))).toEqual([['where', 'limit'], ['where']]);
  });

  it('skips commands it does not read to the next top-level |, past strings, maps and comments', () => {
    const text = [
      'FROM logs-*',
      '| COMPLETION result = prompt WITH { "inference_id": "a|b" } // a | in a comment',
      '| RERANK "q | x" ON message /* | */',
      '| KEEP result',
    ].join('\n');
    const q = query(text);
    expect(q.commands.map((c) => `${c.kind}:${c.name}`)).toEqual(['from:FROM', 'other:COMPLETION', 'other:RERANK', 'keep:KEEP']);
    const completion = q.commands[1];
    expect(completion && text.slice(completion.span.start, completion.span.end)).toBe(
      'COMPLETION result = prompt WITH { "inference_id": "a|b" } // a | in a comment',
    );
  });
});

describe('parseEsql expressions', () => {
  it('binds NOT tighter than AND, and AND tighter than OR', () => {
    expect(sexp(where('a == 1 or not b == 2 and c == 3'))).toBe('(or (== a 1) (and (not (== b 2)) (== c 3)))');
    expect(sexp(where('NOT (a == 1 OR b == 2)'))).toBe('(not (or (== a 1) (== b 2)))');
  });

  it('reads IN, LIKE, RLIKE, IS NULL, the match operator and their negations', () => {
    expect(sexp(where('x IN ("a", "b") and y NOT IN (1, 2)'))).toBe('(and (in x "a" "b") (not-in y 1 2))');
    expect(sexp(where('x LIKE "a*" and x NOT LIKE "b?" and x RLIKE ".*c" and x not rlike "d"'))).toBe(
      '(and (like x "a*") (not-like x "b?") (rlike x ".*c") (not-rlike x "d"))',
    );
    expect(sexp(where('x like ("a*", "b*")'))).toBe('(like x "a*" "b*")');
    expect(sexp(where('x IS NULL or y is not null'))).toBe('(or (is-null x) (is-not-null y))');
    expect(sexp(where('message : "error" and x::keyword : "y"'))).toBe('(and (: message "error") (: (:: x keyword) "y"))');
  });

  it('reads calls, arithmetic, casts, arrays, maps, time spans and parameters', () => {
    expect(sexp(where('length(TO_LOWER(a)) + 2 * -b % 3 >= 10'))).toBe('(>= (+ length(TO_LOWER(a)) (% (* 2 (- b)) 3)) 10)');
    expect(sexp(where('@timestamp > now() - 1 day and c == 1.5e3'))).toBe('(and (> @timestamp (- now() "1 day")) (== c 1500))');
    expect(sexp(where('mv_contains(tags, ["a", "b"]) and match(msg, "x", {"fuzziness": 1}) and y == ?p'))).toBe(
      '(and mv_contains(tags ["a" "b"]) match(msg "x" {fuzziness:1}) (== y "?p"))',
    );
    expect(sexp(where('x =~ "Admin" and count(*) > 0'))).toBe('(and (=~ x "Admin") (> count(*) 0))');
  });

  it('decodes strings, triple-quoted strings and backquoted names', () => {
    expect(sexp(where('x == "tab\\t \\"q\\" \\\\"'))).toBe('(== x "tab\\t \\"q\\" \\\\")');
    expect(sexp(where('x rlike """a\\d+"b"""'))).toBe('(rlike x "a\\\\d+\\"b")');
    expect(sexp(where('`my field`.`a``b` == 1'))).toBe('(== my field.a`b 1)');
  });

  it('gives every node its span', () => {
    const text = 'FROM logs-* | WHERE process.name IN ("a", "b") AND NOT to_lower(x) LIKE "c*"';
    const c = query(text).commands[1];
    if (c?.kind !== 'where' || c.condition.kind !== 'and') throw new Error('shape');
    const [inExpr, notExpr] = c.condition.items;
    expect(inExpr && text.slice(inExpr.span.start, inExpr.span.end)).toBe('process.name IN ("a", "b")');
    expect(notExpr && text.slice(notExpr.span.start, notExpr.span.end)).toBe('NOT to_lower(x) LIKE "c*"');
    if (notExpr?.kind !== 'not' || notExpr.operand.kind !== 'like') throw new Error('shape');
    const call = notExpr.operand.value;
    expect(call.kind === 'call' && text.slice(call.nameSpan.start, call.nameSpan.end)).toBe('to_lower');
    expect(text.slice(c.span.start, c.span.end)).toBe(text.slice(14));
  });
});

describe('parseEsql errors', () => {
  it('reports an error with its span and keeps reading the next commands', () => {
    const text = 'FROM logs-* | WHERE process.name == | EVAL x = 1 | WHERE (a == 1';
    const r = parseEsql(text);
    expect(r.errors.map((e) => [e.message, text.slice(e.span.start, e.span.end)])).toEqual([
      ["expected an expression, found '|'", '|'],
      ["unclosed '('", '('],
    ]);
    expect(r.ast?.commands.map((c) => c.kind)).toEqual(['from', 'other', 'eval', 'other']);
    // A command that parsed but is followed by junk is kept once, as `other`.
    expect(parseEsql('FROM a | KEEP x y | LIMIT 1').ast?.commands.map((c) => c.kind)).toEqual(['from', 'other', 'limit']);
  });

  it('reports unclosed strings, comments and lists where they open', () => {
    expect(firstError('FROM a | WHERE x == "abc')).toEqual({ message: `unclosed '"' string`, at: '"' });
    expect(firstError('FROM a | WHERE x == """abc')).toEqual({ message: `unclosed '"""' string`, at: '"""' });
    expect(firstError('FROM a | WHERE x == 1 /* open')).toEqual({ message: "unclosed '/*' comment", at: '/*' });
    expect(firstError('FROM a | WHERE x IN ("a", "b"')).toEqual({ message: "unclosed '('", at: '(' });
    expect(firstError('FROM a | WHERE x == "\\d"')).toEqual({ message: "'\\d' is not an ES|QL string escape (use '\\\\' for a backslash)", at: '\\d' });
  });

  it('reports what is missing', () => {
    expect(firstError('')).toEqual({ message: 'the query is empty', at: '' });
    expect(firstError('FROM a |')).toEqual({ message: "expected a command after '|'", at: '|' });
    expect(firstError('FROM | WHERE x')).toEqual({ message: "expected an index pattern after FROM, found '|'", at: '|' });
    expect(firstError('FROM a | WHERE x == 1 z == 2')).toEqual({ message: "expected '|' or the end of the query after WHERE, found 'z'", at: 'z' });
    expect(firstError('FROM a | WHERE x IS 1')).toEqual({ message: "expected NULL or NOT NULL after IS, found '1'", at: '1' });
    expect(firstError('WHERE x == 1')).toEqual({ message: 'an ES|QL query starts with FROM, ROW, SHOW or TS, not WHERE', at: 'WHERE' });
    expect(firstError('FROM a | LOOKUP threat ON x').message).toBe("expected JOIN after LOOKUP, found 'threat'");
  });

  it('never throws on hostile input', () => {
    for (const text of ['|', '||', '(', 'FROM', 'FROM a | WHERE', 'FROM a | FORK (', 'FROM a | FORK (WHERE', 'FROM a | KEEP `x', '#', '"', 'FROM a | WHERE ' + '('.repeat(300), 'FROM a | EVAL x = {']) {
      expect(() => parseEsql(text)).not.toThrow();
    }
  });
});

describe('esqlToLogic', () => {
  it('lowers comparisons, lists, patterns and functions of a field with constants', () => {
    const text = [
      'FROM logs-*',
      '| WHERE event.category == "process" AND "x" != host.name AND 5 < process.pid AND user.name =~ "admin"',
      '  AND TO_LOWER(process.name) IN ("cmd.exe", "pwsh.exe") AND process.parent.name NOT IN ("a")',
      '  AND NOT to_lower(process.executable) LIKE """c:\\\\program files\\\\*.exe""" AND x RLIKE ".*\\\\.exe"',
      '  AND process.command_line IS NOT NULL AND user.id IS NULL',
      '  AND STARTS_WITH(process.name, "ps") AND ENDS_WITH(TO_UPPER(file.name), ".DLL")',
      '  AND CIDR_MATCH(source.ip, "10.0.0.0/8", "::1") AND MV_CONTAINS(process.args, "-enc") AND message : "boom"',
      '  AND CIDR_MATCH(TO_IP(destination.ip), "127.0.0.0/8") AND CONTAINS(TO_LOWER(tls.ext), "alpn")',
    ].join('\n');
    expect(show(esqlToLogic(query(text)), text)).toEqual({
      and: [
        'event.category eq "process" cs @ event.category == "process"',
        'host.name ne "x" cs @ "x" != host.name',
        'process.pid gt 5 cs @ 5 < process.pid',
        'user.name eq "admin" ci @ user.name =~ "admin"',
        { or: ['process.name in "cmd.exe" ci @ "cmd.exe"', 'process.name in "pwsh.exe" ci @ "pwsh.exe"'] },
        { not: 'process.parent.name in "a" cs @ "a"' },
        { not: 'process.executable wildcard "c:\\\\program files\\\\*.exe" ci @ to_lower(process.executable) LIKE """c:\\\\program files\\\\*.exe"""' },
        'x regex_match ".*\\\\.exe" cs @ x RLIKE ".*\\\\.exe"',
        'process.command_line is_not_null null cs @ process.command_line IS NOT NULL',
        'user.id is_null null cs @ user.id IS NULL',
        'process.name starts_with "ps" cs @ STARTS_WITH(process.name, "ps")',
        'file.name ends_with ".DLL" ci @ ENDS_WITH(TO_UPPER(file.name), ".DLL")',
        { or: ['source.ip cidr "10.0.0.0/8" cs @ "10.0.0.0/8"', 'source.ip cidr "::1" cs @ "::1"'] },
        'process.args eq "-enc" cs @ MV_CONTAINS(process.args, "-enc")',
        'message match "boom" @ message : "boom"',
        'destination.ip cidr "127.0.0.0/8" cs @ CIDR_MATCH(TO_IP(destination.ip), "127.0.0.0/8")',
        'tls.ext contains "alpn" ci @ CONTAINS(TO_LOWER(tls.ext), "alpn")',
      ],
    });
  });

  it('makes opaque what is not a field against a constant, and stops at the first STATS', () => {
    const text = [
      'FROM logs-*',
      '| WHERE a == b AND x == null AND LENGTH(cmd) > 100 AND flag',
      '| EVAL lower = TO_LOWER(process.name)',
      '| DISSECT msg "%{Esql.user} %{?ignored}"',
      '| WHERE lower == "cmd.exe" AND Esql.user == "root"',
      '| STATS c = COUNT(*) BY host.name',
      '| WHERE c > 5',
    ].join('\n');
    expect(show(esqlToLogic(query(text)), text)).toEqual({
      and: [
        'opaque: compares two fields @ a == b',
        'opaque: comparison with null (always null in ES|QL; use IS NULL) @ x == null',
        'opaque: computed condition @ LENGTH(cmd) > 100',
        'flag eq true cs @ flag',
        'opaque: uses lower, a field computed by the query @ lower == "cmd.exe"',
        'opaque: uses Esql.user, a field computed by the query @ Esql.user == "root"',
      ],
    });
  });

  it('lowers KQL() through the KQL parser with spans in the ES|QL text', () => {
    const text = 'FROM logs-* | WHERE KQL("""event.type : "start" and not event.action : fork""") and not KQL("tags : \\"x\\"")';
    expect(show(esqlToLogic(query(text)), text)).toEqual({
      and: [
        'event.type match "start" @ event.type : "start"',
        { not: 'event.action match "fork" @ event.action : fork' },
        { not: 'tags match "x" @ KQL("tags : \\"x\\"")' },
      ],
    });
  });

  it('is opaque when no WHERE comes before the aggregation', () => {
    const text = 'FROM logs-* | STATS c = COUNT(*) | WHERE c > 1';
    expect(esqlToLogic(query(text))).toMatchObject({ kind: 'opaque' });
  });

  it("keeps a corpus rule's `and not (a or b or c)` as a not over an or", () => {
    const file = path.join(CORPUS, 'elastic/rules/integrations/aws/execution_ec2_stop_start_with_user_data_modification.toml');
    const { doc } = parseElasticFile(new SourceText(readFileSync(file, 'utf8')));
    const q = doc?.rule.query;
    if (!q || !doc) throw new Error('no query');
    const l = esqlToLogic(query(q.embedded.text));
    if (l.kind !== 'and') throw new Error(`expected and, got ${l.kind}`);
    expect(l.items.map((i) => i.kind)).toEqual(['cmp', 'cmp', 'cmp', 'not', 'not', 'or']);
    const exclusion = l.items[3];
    expect(exclusion?.kind === 'not' && show(exclusion.item, q.embedded.text)).toEqual({
      or: [
        'user_agent.original wildcard "*Terraform*" cs @ user_agent.original like "*Terraform*"',
        'user_agent.original wildcard "*Ansible*" cs @ user_agent.original like "*Ansible*"',
        'user_agent.original wildcard "*Pulumi*" cs @ user_agent.original like "*Pulumi*"',
      ],
    });
    if (exclusion?.kind === 'not' && exclusion.item.kind === 'or' && exclusion.item.items[1]?.kind === 'cmp') {
      const loc = q.embedded.locate(exclusion.item.items[1].span);
      expect(doc.source.lineText(loc.line).trim()).toBe('or user_agent.original like "*Ansible*"');
    }
  });
});

describe('ES|QL query helpers', () => {
  it('find the KEEP fields, whether the query aggregates and the columns commands create', () => {
    const q = query('FROM a | KEEP x | STATS c = count(*) BY h | KEEP c, h');
    expect(esqlKeepFields(q)?.map((f) => f.name)).toEqual(['c', 'h']);
    expect(esqlHasStats(q)).toBe(true);
    expect(esqlHasStats(query('FROM a | INLINE STATS c = count(*)'))).toBe(false);
    expect(esqlKeepFields(query('FROM a'))).toBeUndefined();
    expect(createdFields(command('FROM a | DISSECT m "%{a} %{+a} %{?b} %{c->} %{{?x}=%{d}}"'))).toEqual(['a', 'a', 'c', 'd']);
    expect(createdFields(command('FROM a | GROK m """%{IP:ip} (?<Esql.n>\\d+)(?<=x)"""'))).toEqual(['ip', 'Esql.n']);
  });

  it("resolves LIKE's escapes", () => {
    expect(unescapeLike('C:\\\\Windows\\\\*.exe')).toBe('C:\\Windows\\*.exe');
    expect(unescapeLike('a\\*b')).toBe('a*b');
  });
});
