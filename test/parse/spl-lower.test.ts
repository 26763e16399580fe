import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Logic } from '../../src/model/logic.js';
import { loadMacros } from '../../src/parse/splunk/macros.js';
import type { SplQuery } from '../../src/parse/splunk/spl-ast.js';
import { splFacts } from '../../src/parse/splunk/spl-facts.js';
import { likeToWildcard, splToLogic } from '../../src/parse/splunk/spl-lower.js';
import { parseSpl } from '../../src/parse/splunk/spl-parser.js';
import { mapLogicSpans, parseSplunkSearch } from '../../src/parse/splunk/spl-search.js';
import { CORPUS } from '../helpers/paths.js';

function q(text: string): SplQuery {
  const r = parseSpl(text);
  expect(r.errors).toEqual([]);
  if (!r.ast) throw new Error('no tree');
  return r.ast;
}

/** A compact form of a logic tree: `[group] field op value`. */
function lx(l: Logic): string {
  switch (l.kind) {
    case 'and':
      return `AND(${l.items.map(lx).join(', ')})`;
    case 'or':
      return `OR(${l.items.map(lx).join(', ')})`;
    case 'not':
      return `NOT(${lx(l.item)})`;
    case 'cmp':
      return `${l.group}:${l.field || '_'} ${l.operator} ${JSON.stringify(l.value)}${l.caseSensitive ? ' cs' : ''}`;
    case 'opaque':
      return `?${l.description}`;
  }
}

const lower = (text: string): string => lx(splToLogic(q(text)));

describe('splToLogic: search language', () => {
  it('maps = to match or wildcard, != to ne, comparisons to lt/gt, and keeps fields as written', () => {
    expect(lower('index=main Processes.process_name=cmd.exe Processes.process=*whoami* user!=SYSTEM count>5 n<=2')).toBe(
      'AND(search:index match "main", search:Processes.process_name match "cmd.exe", search:Processes.process wildcard "*whoami*", ' +
        'search:user ne "SYSTEM", search:count gt 5, search:n lte 2)',
    );
  });

  it('maps IN to an or of in comparisons, NOT to not, and free text to field-less comparisons', () => {
    expect(lower('EventCode IN (4624, "4625") NOT (user=svc_* OR "healthcheck") mimikatz')).toBe(
      'AND(OR(search:EventCode in 4624, search:EventCode in "4625"), NOT(OR(search:user wildcard "svc_*", search:_ match "healthcheck")), search:_ match "mimikatz")',
    );
  });

  it('keeps unexpanded macros and subsearches opaque', () => {
    expect(lower('`custom` a=1 NOT [| inputlookup allow | fields user]')).toBe('AND(?macro `custom`, search:a match 1, NOT(?subsearch))');
  });

  it('lowers the tstats where clause under the tstats group and stops at the aggregation', () => {
    expect(lower('| tstats count from datamodel=Endpoint.Processes where Processes.process_name=rundll32.exe by Processes.dest | where count > 5')).toBe(
      'tstats:Processes.process_name match "rundll32.exe"',
    );
  });

  it('ANDs the base search with search/where/regex commands before the first aggregation only', () => {
    expect(lower('sourcetype=sysmon EventCode=1 | search Image=*\\\\cmd.exe | where isnotnull(ParentImage) | regex CommandLine!="^C:" | stats count by dest | where count > 10 | search dest=x')).toBe(
      'AND(search:sourcetype match "sysmon", search:EventCode match 1, search:Image wildcard "*\\\\cmd.exe", where:ParentImage is_not_null null, NOT(regex:CommandLine regex_match "^C:"))',
    );
  });
});

describe('splToLogic: eval language in where', () => {
  const where = (e: string): string => lower(`| where ${e}`);

  it('maps comparisons to eq/ne/lt… and flips literal-first comparisons', () => {
    expect(where('user="admin" OR user=="root" OR n!=0 OR 5 < n OR n >= -1')).toBe(
      'OR(where:user eq "admin" cs, where:user eq "root" cs, where:n ne 0 cs, where:n gt 5 cs, where:n gte -1 cs)',
    );
  });

  it('maps like, LIKE, match, isnull, cidrmatch, in and IN', () => {
    expect(where('like(process, "%-enc_%") AND p LIKE "a%" AND match(cmd, "(?i)iex\\\\(") AND isnull(x) AND cidrmatch("10.0.0.0/8", src) AND in(u, "a", "b") AND NOT v IN (1, 2)')).toBe(
      'AND(where:process wildcard "*-enc?*", where:p wildcard "a*", where:cmd regex_match "(?i)iex\\\\(" cs, where:x is_null null, where:src cidr "10.0.0.0/8", ' +
        'OR(where:u in "a" cs, where:u in "b" cs), NOT(OR(where:v in 1 cs, where:v in 2 cs)))',
    );
  });

  it('reads lower()/upper() of a field as a case-insensitive comparison of the field', () => {
    expect(where('lower(user)="admin"')).toBe('where:user eq "admin"');
  });

  it('keeps what is not a field comparison opaque', () => {
    expect(where('len(process) > 100 AND a=b')).toBe('AND(?len(process) > 100, ?a=b)');
  });

  it('translates LIKE patterns', () => {
    expect(likeToWildcard('%LD_PRELOAD%')).toBe('*LD?PRELOAD*');
  });
});

describe('splToLogic: spans', () => {
  it('gives each comparison the span of what it came from, mappable to the original search', () => {
    const macros = loadMacros(path.join(CORPUS, 'splunk/macros'));
    const search = '| tstats `security_content_summariesonly` count from datamodel=Endpoint.Processes where `process_certutil` Processes.process IN ("*-urlcache*", "*-split*") by Processes.dest';
    const parsed = parseSplunkSearch(search, macros);
    expect(parsed.errors).toEqual([]);
    const logic = mapLogicSpans(splToLogic(parsed.result.ast as SplQuery), parsed.expansion.toOriginalSpan);
    if (logic.kind !== 'and') throw new Error('expected and');
    const [fromMacro, inList] = logic.items;
    // Both comparisons of the `process_certutil` macro point at the macro call.
    if (fromMacro?.kind !== 'or' || fromMacro.items[0]?.kind !== 'cmp') throw new Error('expected or of cmp');
    expect(search.slice(fromMacro.items[0].span.start, fromMacro.items[0].span.end)).toBe('`process_certutil`');
    if (inList?.kind !== 'or' || inList.items[1]?.kind !== 'cmp') throw new Error('expected or of cmp');
    expect(search.slice(inList.items[1].span.start, inList.items[1].span.end)).toBe('"*-split*"');
  });
});

describe('splFacts', () => {
  it('gives the data model, fields read and created, outputs and macros of a tstats search', () => {
    const facts = splFacts(
      q(
        '| tstats `summaries` count min(_time) as firstTime values(Processes.process) as process from datamodel=Endpoint.Processes ' +
          'where Processes.process_name=certutil.exe by Processes.dest Processes.user | `drop_dm_object_name(Processes)` ' +
          '| rename Processes.* as * | eval user=lower(user) | lookup assets ip as dest OUTPUT owner | table dest user process owner firstTime | `x_filter`',
      ),
    );
    expect(facts.datamodels.map((d) => [d.model, d.dataset, d.command])).toEqual([['Endpoint', 'Processes', 'tstats']]);
    expect(facts.fieldRefs.map((f) => `${f.name}@${f.usage}`)).toEqual([
      '_time@aggregate', 'Processes.process@aggregate', 'Processes.process_name@search', 'Processes.dest@by', 'Processes.user@by',
      'Processes.*@rename', 'user@eval', 'dest@lookup', 'dest@output', 'user@output', 'process@output', 'owner@output', 'firstTime@output',
    ]);
    expect(facts.createdFields.map((f) => `${f.name}@${f.command}`)).toEqual(['firstTime@tstats', 'process@tstats', '*@rename', 'user@eval', 'owner@lookup']);
    expect(facts.outputFields.map((f) => f.name)).toEqual(['dest', 'user', 'process', 'owner', 'firstTime']);
    expect(facts.macros.map((m) => m.name)).toEqual(['summaries', 'drop_dm_object_name', 'x_filter']);
  });

  it('follows renames after the last stats for the output fields', () => {
    const facts = splFacts(q('| tstats count min(_time) as firstTime from datamodel=Web by Web.src Web.url | rename Web.* as * | eval n=1 | fields - count'));
    expect(facts.outputFields.map((f) => f.name)).toEqual(['firstTime', 'src', 'url', 'n']);
    expect(splFacts(q('index=a | eval x=1')).outputFields).toEqual([]);
  });

  it('collects fields from subsearches and rex groups', () => {
    const facts = splFacts(q('a=1 | join guid [search b=2 | rex field=cmd "(?<exe>\\\\w+\\\\.exe)"] | where isnotnull(exe)'));
    expect(facts.fieldRefs.map((f) => `${f.name}@${f.usage}`)).toEqual(['a@search', 'guid@other', 'b@search', 'cmd@other', 'exe@where']);
    expect(facts.createdFields.map((f) => f.name)).toEqual(['exe']);
  });
});
