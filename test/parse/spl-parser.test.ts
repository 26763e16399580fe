import { describe, expect, it } from 'vitest';
import type { EvalExpr, SearchExpr, SplCommand, SplQuery } from '../../src/parse/splunk/spl-ast.js';
import { parseSpl } from '../../src/parse/splunk/spl-parser.js';

function ok(text: string): SplQuery {
  const r = parseSpl(text);
  expect(r.errors).toEqual([]);
  if (!r.ast) throw new Error('no tree');
  return r.ast;
}

function cmd<K extends SplCommand['kind']>(q: SplQuery, i: number, kind: K): Extract<SplCommand, { kind: K }> {
  const c = q.pipeline.commands[i];
  expect(c?.kind).toBe(kind);
  return c as Extract<SplCommand, { kind: K }>;
}

/** A compact form of a search expression, to compare structure at a glance. */
function sx(e: SearchExpr | null): string {
  if (!e) return '∅';
  switch (e.kind) {
    case 'and':
      return `AND(${e.items.map(sx).join(', ')})`;
    case 'or':
      return `OR(${e.items.map(sx).join(', ')})`;
    case 'not':
      return `NOT(${sx(e.item)})`;
    case 'compare':
      return `${e.field.text}${e.op}${e.value.quoted ? JSON.stringify(e.value.text) : e.value.text}`;
    case 'in':
      return `${e.field.text} IN [${e.values.map((v) => v.text).join('|')}]`;
    case 'term':
      return e.value.quoted ? JSON.stringify(e.value.text) : e.value.text;
    case 'macro':
      return `\`${e.macro.name}\``;
    case 'subsearch':
      return `[${e.pipeline.commands.map((c) => c.name).join(' | ')}]`;
  }
}

/** A compact form of an eval expression. */
function ex(e: EvalExpr | null): string {
  if (!e) return '∅';
  switch (e.kind) {
    case 'binary':
      return `(${ex(e.left)} ${e.op} ${ex(e.right)})`;
    case 'unary':
      return `${e.op}(${ex(e.operand)})`;
    case 'call':
      return `${e.name}(${e.args.map(ex).join(', ')})`;
    case 'in':
      return `(${ex(e.operand)} ${e.negated ? 'NOT IN' : 'IN'} [${e.values.map(ex).join(', ')}])`;
    case 'field':
      return e.quoted ? `'${e.name}'` : e.name;
    case 'string':
      return JSON.stringify(e.value);
    case 'number':
      return String(e.value);
    case 'macro':
      return `\`${e.macro.name}\``;
    case 'subsearch':
      return '[…]';
  }
}

function slice(q: SplQuery, span: { start: number; end: number }): string {
  return q.text.slice(span.start, span.end);
}

describe('base search', () => {
  it('reads field comparisons, terms, quoted and wildcard values', () => {
    const q = ok('index=main sourcetype="WinEventLog:Security" EventCode!=4625 count>=5 failed "access denied" user=adm* earliest=-24h@h');
    const s = cmd(q, 0, 'search');
    expect(s.implicit).toBe(true);
    expect(sx(s.expr)).toBe('AND(index=main, sourcetype="WinEventLog:Security", EventCode!=4625, count>=5, failed, "access denied", user=adm*, earliest=-24h@h)');
  });

  it('binds OR tighter than AND, and NOT tightest', () => {
    expect(sx(cmd(ok('a=1 b=2 OR c=3'), 0, 'search').expr)).toBe('AND(a=1, OR(b=2, c=3))');
    expect(sx(cmd(ok('a=1 AND b=2 OR c=3'), 0, 'search').expr)).toBe('AND(a=1, OR(b=2, c=3))');
    expect(sx(cmd(ok('NOT a=1 OR b=2'), 0, 'search').expr)).toBe('OR(NOT(a=1), b=2)');
    expect(sx(cmd(ok('(a=1 OR b=2) NOT (c=3 d=4)'), 0, 'search').expr)).toBe('AND(OR(a=1, b=2), NOT(AND(c=3, d=4)))');
    // Lower-case boolean words are terms in the search language.
    expect(sx(cmd(ok('a=1 or b=2'), 0, 'search').expr)).toBe('AND(a=1, or, b=2)');
  });

  it('reads IN lists, spaces around operators, quoted field names and escapes', () => {
    const q = ok('QueryName IN ("*wtfismyip.com", ident.me,"*ipinfo.io") EventCode = 22 exe= "*/split" "properties.authProtocol"=deviceCode path="C:\\\\Windows\\\\*" msg="say \\"hi\\""');
    const s = cmd(q, 0, 'search');
    expect(sx(s.expr)).toBe('AND(QueryName IN [*wtfismyip.com|ident.me|*ipinfo.io], EventCode=22, exe="*/split", properties.authProtocol=deviceCode, path="C:\\\\Windows\\\\*", msg="say \\"hi\\"")');
    const expr = s.expr;
    if (expr?.kind !== 'and') throw new Error('expected and');
    const inList = expr.items[0];
    if (inList?.kind !== 'in') throw new Error('expected in');
    expect(slice(q, inList.span)).toBe('QueryName IN ("*wtfismyip.com", ident.me,"*ipinfo.io")');
    expect(slice(q, inList.values[0]?.span ?? { start: 0, end: 0 })).toBe('"*wtfismyip.com"');
  });

  it('keeps parentheses inside values and unexpanded macros as opaque terms', () => {
    const q = ok('`sysmon` Registry.registry_value_name=(Default) TargetUserName=*$ src!="::1"');
    expect(sx(cmd(q, 0, 'search').expr)).toBe('AND(`sysmon`, Registry.registry_value_name=(Default), TargetUserName=*$, src!="::1")');
  });

  it('reads subsearches', () => {
    const q = ok('index=a NOT [| inputlookup domains | fields domain] [search index=b | table user]');
    const s = cmd(q, 0, 'search');
    expect(sx(s.expr)).toBe('AND(index=a, NOT([inputlookup | fields]), [search | table])');
  });

  it('starts with an explicit search command or a generating command', () => {
    expect(cmd(ok('search index=main'), 0, 'search').implicit).toBe(false);
    expect(cmd(ok('| search index=main'), 0, 'search').implicit).toBe(false);
    const lookup = cmd(ok('| inputlookup append=t previously_seen.csv where count>1 | stats count'), 0, 'inputlookup');
    expect(lookup.table?.text).toBe('previously_seen.csv');
    expect(lookup.options.map((o) => `${o.name}=${o.value.text}`)).toEqual(['append=t']);
    expect(sx(lookup.where)).toBe('count>1');
    const from = cmd(ok('| from datamodel Web.Web | search url=*jndi*'), 0, 'from');
    expect(from.datamodel).toMatchObject({ model: 'Web', dataset: 'Web' });
  });
});

describe('tstats', () => {
  const text =
    '| tstats summariesonly=false allow_old_summaries=true count min(_time) as firstTime values(Processes.process) AS process ' +
    'from datamodel=Endpoint.Processes where Processes.process_name=certutil.exe (Processes.process=*-urlcache* OR Processes.process=*-split*) ' +
    'by _time span=1h Processes.dest, Processes.user';

  it('reads options, aggregations, the data model, where and by', () => {
    const q = ok(text);
    const t = cmd(q, 0, 'tstats');
    expect(t.options.map((o) => `${o.name}=${o.value.text}`)).toEqual(['summariesonly=false', 'allow_old_summaries=true', 'span=1h']);
    expect(t.aggregations.map((a) => [a.fn, a.field?.text, a.as?.text])).toEqual([
      ['count', undefined, undefined],
      ['min', '_time', 'firstTime'],
      ['values', 'Processes.process', 'process'],
    ]);
    expect(t.datamodel?.model).toBe('Endpoint');
    expect(t.datamodel?.dataset).toBe('Processes');
    expect(slice(q, t.datamodel?.modelSpan ?? { start: 0, end: 0 })).toBe('Endpoint');
    expect(slice(q, t.datamodel?.datasetSpan ?? { start: 0, end: 0 })).toBe('Processes');
    expect(sx(t.where)).toBe('AND(Processes.process_name=certutil.exe, OR(Processes.process=*-urlcache*, Processes.process=*-split*))');
    expect(t.by.map((b) => b.text)).toEqual(['_time', 'Processes.dest', 'Processes.user']);
    expect(slice(q, t.span)).toBe(text.slice(2));
  });

  it('takes the dataset from where nodename=…', () => {
    const t = cmd(ok('| tstats count from datamodel=Network_Traffic where nodename=All_Traffic All_Traffic.dest_port=3389 by All_Traffic.src'), 0, 'tstats');
    expect(t.datamodel).toMatchObject({ model: 'Network_Traffic', dataset: 'All_Traffic' });
  });

  it('reads FROM/WHERE/BY in upper case and a data model without a dataset', () => {
    const t = cmd(ok('| tstats count FROM datamodel=Web WHERE Web.status=200 BY Web.src'), 0, 'tstats');
    expect(t.datamodel).toMatchObject({ model: 'Web' });
    expect(t.datamodel?.dataset).toBeUndefined();
    expect(t.by.map((b) => b.text)).toEqual(['Web.src']);
  });

  it('keeps an unexpanded macro among the options', () => {
    const t = cmd(ok('| tstats `security_content_summariesonly` count from datamodel=Endpoint.Registry by Registry.dest'), 0, 'tstats');
    expect(t.options[0]?.value.macro?.name).toBe('security_content_summariesonly');
  });

  it('reads mstats with the same grammar', () => {
    const t = cmd(ok('| mstats avg(tcp.*) as tcp.* where index=k8s AND earliest=-1h by k8s.cluster.name span=10s'), 0, 'tstats');
    expect(t.name).toBe('mstats');
    expect(t.aggregations[0]).toMatchObject({ fn: 'avg', field: { text: 'tcp.*' }, as: { text: 'tcp.*' } });
    expect(sx(t.where)).toBe('AND(index=k8s, earliest=-1h)');
  });
});

describe('where and eval expressions', () => {
  const where = (text: string): string => ex(cmd(ok(`x=1 | where ${text}`), 1, 'where').expr);

  it('reads comparisons and AND before OR', () => {
    expect(where('a=1 OR b="x" AND c!=2')).toBe('((a = 1) OR ((b = "x") AND (c != 2)))');
    expect(where('NOT a==1 and b<=2 or c>3')).toBe('((NOT((a == 1)) AND (b <= 2)) OR (c > 3))');
  });

  it('reads functions, nested calls, IN and LIKE', () => {
    expect(where('like(process, "%-enc%") AND match(cmd, "(?i)iex") AND isnull(x) AND isnotnull(y)')).toBe(
      '(((like(process, "%-enc%") AND match(cmd, "(?i)iex")) AND isnull(x)) AND isnotnull(y))',
    );
    expect(where('cidrmatch("10.0.0.0/8", src) OR in(user, "a", "b") OR user IN ("c", "d") OR f NOT IN (1)')).toBe(
      '(((cidrmatch("10.0.0.0/8", src) OR in(user, "a", "b")) OR (user IN ["c", "d"])) OR (f NOT IN [1]))',
    );
    expect(where('LIKE (p, "%x%") AND p LIKE "y%"')).toBe('(like(p, "%x%") AND (p LIKE "y%"))');
    expect(where('len(lower(trim(process))) > 100 AND mvcount(split(p, "`")) - 1 > 3')).toBe(
      '((len(lower(trim(process))) > 100) AND ((mvcount(split(p, "`")) - 1) > 3))',
    );
    expect(where('searchmatch("a=1")')).toBe('searchmatch("a=1")');
  });

  it('reads arithmetic, concatenation and quoted field names', () => {
    expect(where("'src.ip' . \":\" . port = \"1.2.3.4:80\"")).toBe('(((\'src.ip\' . ":") . port) = "1.2.3.4:80")');
    expect(where('a + b * 2 - -c / 4 % 3 > 1.5')).toBe('(((a + (b * 2)) - ((-(c) / 4) % 3)) > 1.5)');
    expect(where('user.groups{} = "admin" AND Processes.process_name="x"')).toBe('((user.groups{} = "admin") AND (Processes.process_name = "x"))');
  });

  it('reads comma-separated eval assignments', () => {
    const q = ok('x=1 | eval a=if(isnull(b), "none", lower(b)), c = a . "-" . d, \'e f\'=1');
    const e = cmd(q, 1, 'eval');
    expect(e.assignments.map((a) => `${a.field.text}=${ex(a.expr)}`)).toEqual([
      'a=if(isnull(b), "none", lower(b))',
      'c=((a . "-") . d)',
      'e f=1',
    ]);
    expect(slice(q, e.assignments[1]?.span ?? { start: 0, end: 0 })).toBe('c = a . "-" . d');
  });
});

describe('transforming and field commands', () => {
  it('reads stats, eventstats, streamstats, chart and timechart', () => {
    const q = ok(
      'x=1 | stats count(eval(action="failure")) as failures dc(user) AS users values(src) by dest, app ' +
        '| eventstats avg(failures) as avg, stdev(failures) as sd by dest ' +
        '| streamstats window=5 current=f count ' +
        '| chart count over user by app ' +
        '| timechart span=1h count by dest',
    );
    const st = cmd(q, 1, 'stats');
    expect(st.aggregations.map((a) => [a.fn, a.field?.text ?? ex(a.evalArg ?? null), a.as?.text])).toEqual([
      ['count', '(action = "failure")', 'failures'],
      ['dc', 'user', 'users'],
      ['values', 'src', undefined],
    ]);
    expect(st.by.map((b) => b.text)).toEqual(['dest', 'app']);
    expect(cmd(q, 2, 'stats').name).toBe('eventstats');
    expect(cmd(q, 3, 'stats').options.map((o) => o.name)).toEqual(['window', 'current']);
    const chart = cmd(q, 4, 'stats');
    expect([chart.over?.text, chart.by.map((b) => b.text)]).toEqual(['user', ['app']]);
    expect(cmd(q, 5, 'stats').options[0]?.value.text).toBe('1h');
  });

  it('reads rename, table, fields, lookup, dedup, sort and head', () => {
    const q = ok(
      'x=1 | rename Processes.* as *, "Known Notes" AS notes | table _time, dest user * | fields - b64x_* tmp ' +
        '| lookup update=true ioc_domains domain as query OUTPUTNEW Description isIOC as ioc ' +
        '| dedup 2 src dest sortby -_time | sort 0 - count, +str(user) | head 10',
    );
    const rn = cmd(q, 1, 'rename');
    expect(rn.pairs.map((p) => `${p.from.text}>${p.to.text}`)).toEqual(['Processes.*>*', 'Known Notes>notes']);
    expect(cmd(q, 2, 'fields').fields.map((f) => f.text)).toEqual(['_time', 'dest', 'user', '*']);
    const fields = cmd(q, 3, 'fields');
    expect([fields.remove, fields.fields.map((f) => f.text)]).toEqual([true, ['b64x_*', 'tmp']]);
    const lk = cmd(q, 4, 'lookup');
    expect(lk.table?.text).toBe('ioc_domains');
    expect(lk.inputs.map((i) => `${i.field.text}>${i.as?.text}`)).toEqual(['domain>query']);
    expect(lk.outputMode).toBe('OUTPUTNEW');
    expect(lk.outputs.map((o) => `${o.field.text}>${o.as?.text ?? ''}`)).toEqual(['Description>', 'isIOC>ioc']);
    const dd = cmd(q, 5, 'dedup');
    expect([dd.count, dd.fields.map((f) => f.text), dd.sortby.map((s) => [s.field.text, s.descending])]).toEqual([2, ['src', 'dest'], [['_time', true]]]);
    const so = cmd(q, 6, 'sort');
    expect([so.limit, so.fields.map((f) => [f.field.text, f.descending, f.fn])]).toEqual([0, [['count', true, undefined], ['user', false, 'str']]]);
    expect(cmd(q, 7, 'head').limit).toBe(10);
  });

  it('reads rex, regex, bin, makemv, mvexpand, fillnull, convert and spath', () => {
    const q = ok(
      'x=1 | rex field=url max_match=0 "(?<scheme>https?)://(?<host>[^/:]+)(?<=x)" | regex process!="(?i)\\\\temp\\\\" ' +
        '| bin _time span=5m as bucket | makemv delim=" " Scope | mvexpand Scope limit=10 | fillnull value=0 a, b ' +
        '| convert timeformat="%Y" ctime(firstTime) AS first, dur2sec(d) | spath input=data output=user path=actor.name',
    );
    const rex = cmd(q, 1, 'rex');
    expect([rex.field?.text, rex.regex?.text, rex.groups.map((g) => g.name)]).toEqual(['url', '(?<scheme>https?)://(?<host>[^/:]+)(?<=x)', ['scheme', 'host']]);
    expect(slice(q, rex.groups[1]?.span ?? { start: 0, end: 0 })).toBe('host');
    const rg = cmd(q, 2, 'regex');
    expect([rg.field?.text, rg.negated, rg.regex?.text]).toEqual(['process', true, '(?i)\\temp\\']);
    const bin = cmd(q, 3, 'bin');
    expect([bin.field?.text, bin.as?.text, bin.options[0]?.value.text]).toEqual(['_time', 'bucket', '5m']);
    expect(cmd(q, 4, 'makemv').field?.text).toBe('Scope');
    expect(cmd(q, 5, 'mvexpand').options[0]?.name).toBe('limit');
    expect(cmd(q, 6, 'fillnull').fields.map((f) => f.text)).toEqual(['a', 'b']);
    expect(cmd(q, 7, 'convert').conversions.map((c) => [c.fn, c.field.text, c.as?.text])).toEqual([
      ['ctime', 'firstTime', 'first'],
      ['dur2sec', 'd', undefined],
    ]);
    expect(cmd(q, 8, 'spath').path?.text).toBe('actor.name');
  });

  it('reads join and append with subsearches', () => {
    const q = ok('x=1 | join type=left max=0 process_guid, dest [| tstats count from datamodel=Endpoint.Registry by Registry.dest] | append [search y=2 | stats count] | appendpipe [stats count by z]');
    const j = cmd(q, 1, 'join');
    expect(j.fields.map((f) => f.text)).toEqual(['process_guid', 'dest']);
    expect(j.options.map((o) => o.name)).toEqual(['type', 'max']);
    expect(j.subsearch?.commands.map((c) => c.kind)).toEqual(['tstats']);
    expect(slice(q, j.subsearch?.span ?? { start: 0, end: 0 })).toBe('[| tstats count from datamodel=Endpoint.Registry by Registry.dest]');
    expect(cmd(q, 2, 'append').subsearch?.commands.map((c) => c.kind)).toEqual(['search', 'stats']);
    expect(cmd(q, 3, 'append').subsearch?.commands.map((c) => c.kind)).toEqual(['stats']);
  });

  it('skips other commands to the next top-level pipe, over quotes and brackets', () => {
    const q = ok('x=1 | foreach a* [eval y=if(z="|", 1, 0) | eval w=1] | map search="search a=1 | head 1" | iplocation src | where isnotnull(City)');
    const fe = cmd(q, 1, 'other');
    expect(fe.name).toBe('foreach');
    expect(fe.args).toBe('a* [eval y=if(z="|", 1, 0) | eval w=1]');
    expect(cmd(q, 2, 'other').args).toBe('map search="search a=1 | head 1"'.slice(4));
    expect(cmd(q, 3, 'other').name).toBe('iplocation');
    expect(cmd(q, 4, 'where').expr?.kind).toBe('call');
  });

  it('gives every command a span without the surrounding spaces', () => {
    const q = ok('  a=1   |  stats count by b   |   table b  ');
    expect(q.pipeline.commands.map((c) => slice(q, c.span))).toEqual(['a=1', 'stats count by b', 'table b']);
    expect(slice(q, q.pipeline.span)).toBe('a=1   |  stats count by b   |   table b');
  });
});

describe('syntax errors', () => {
  function errors(text: string): string[] {
    return parseSpl(text).errors.map((e) => `${e.message} @${text.slice(e.span.start, e.span.end)}`);
  }

  it('reports unclosed quotes from the quote to the end', () => {
    expect(errors('user="bob | stats count')).toEqual(['unclosed quote @"bob | stats count']);
    expect(errors("x=1 | where 'a = 1")).toEqual(["unclosed single quote (field name) @'a = 1"]);
  });

  it('reports a missing value after an operator at the operator', () => {
    expect(errors('index=main user= | stats count')).toEqual(["expected value after '=' @="]);
    expect(errors('a=1 b!=)')).toEqual(["expected value after '!=' @!=", "unexpected ')' @)"]);
  });

  it('reports unbalanced parentheses and brackets', () => {
    expect(errors('a=1 (b=2 OR c=3')).toEqual(["missing ')' for this '(' @("]);
    expect(errors('a=1 )')).toEqual(["unexpected ')' @)"]);
    expect(errors('a=1 ]')).toEqual(["unexpected ']' @]"]);
    expect(errors('a=1 | join x [search b=2')).toEqual(["missing ']' for this subsearch @["]);
    expect(errors('a IN ("x", "y" | stats count')).toEqual(["missing ')' after IN list @(\"x\", \"y\" "]);
    expect(errors('x=1 | where like(x, "a%"')).toEqual(["missing ')' for this '(' @("]);
  });

  it('reports dangling boolean operators and empty commands', () => {
    expect(errors('NOT')).toEqual(["'NOT' needs a term after it @NOT"]);
    expect(errors('a=1 OR')).toEqual(["'OR' needs a term after it @OR"]);
    expect(errors('x=1 | where a=1 AND')).toEqual(["expected an expression after 'AND' @AND"]);
    expect(errors('a=1 | | stats count')).toEqual(["expected a command after '|' @|"]);
    expect(errors('')).toEqual(['empty search @']);
  });

  it('reports text a command does not take', () => {
    expect(errors('x=1 | where a="x" b="y"')).toEqual(['unexpected \'b="y"\' in where @b="y"']);
    expect(errors('x=1 | rename a b')).toEqual(["expected 'as' after 'a' in rename @a"]);
    expect(errors('x=1 | eval a')).toEqual(["expected '=' after 'a' in eval @a"]);
    expect(errors('x=1 | stats')).toEqual(["expected an aggregation after 'stats' @stats"]);
    expect(errors('x=1 | rex field=x')).toEqual(["expected a quoted regular expression after 'rex' @rex"]);
  });

  it('never throws on garbage', () => {
    for (const text of ['|||', '[[[', ')))', '"', '`', '```', 'a=(', '| tstats from', '| eval =', '| where (((', '\u0000\uffff', 'x'.repeat(5000)]) {
      const r = parseSpl(text);
      expect(r.ast).not.toBeNull();
    }
  });
});
