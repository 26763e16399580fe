import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/model/location.js';
import { predicateKey } from '../../src/model/normalize.js';
import type { ParsedFile, Predicate, RuleModel } from '../../src/model/rule.js';
import { elasticParser } from '../../src/parse/elastic/model.js';
import { CORPUS, FIXTURES, SHARED } from '../helpers/paths.js';

const ELASTIC = path.join(CORPUS, 'elastic');
const WEBSERVICES = path.join(ELASTIC, 'rules/windows/command_and_control_common_webservices.toml');

function parse(file: string, settings = {}): ParsedFile {
  return elasticParser.parse(file, new SourceText(readFileSync(file, 'utf8')), settings);
}

function model(file: string): RuleModel {
  const parsed = parse(file);
  expect(parsed.problems).toEqual([]);
  expect(parsed.rules).toHaveLength(1);
  return parsed.rules[0] as RuleModel;
}

function fixture(name: string): string {
  return path.join(FIXTURES, 'elastic', name);
}

/** 1-based line and column of the nth occurrence of `needle`, read from the file's lines directly. */
function whereIs(file: string, needle: string, nth = 0): { line: number; column: number } {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    for (let col = (lines[i] as string).indexOf(needle); col >= 0; col = (lines[i] as string).indexOf(needle, col + 1)) {
      if (seen++ === nth) return { line: i + 1, column: col + 1 };
    }
  }
  throw new Error(`${needle} not in ${file}`);
}

function brief(p: Predicate): string {
  return `${p.role}${p.negated ? ' (negated)' : ''} ${p.field} ${p.operator} ${JSON.stringify(p.value)}`;
}

describe('the Elastic model of a corpus rule (command_and_control_common_webservices.toml)', () => {
  const rule = model(WEBSERVICES);

  it('takes id, title and language from the [rule] table', () => {
    expect(rule.vendor).toBe('elastic');
    expect(rule.id).toBe('66883649-f908-4a5b-a1e0-54090a1d3a32');
    expect(rule.title).toBe('Connection to Commonly Abused Web Services');
    expect(rule.language).toBe('eql');
    expect(rule.titleLoc.line).toBe(whereIs(WEBSERVICES, 'Connection to Commonly Abused Web Services').line);
  });

  it('has one technique per technique and sub-technique, named and filed under its block’s tactic', () => {
    expect(rule.techniques.map((t) => `${t.id} ${t.name}`)).toEqual([
      'T1071 Application Layer Protocol',
      'T1071.001 Web Protocols',
      'T1090 Proxy',
      'T1090.002 External Proxy',
      'T1102 Web Service',
      'T1102.001 Dead Drop Resolver',
      'T1102.002 Bidirectional Communication',
      'T1568 Dynamic Resolution',
      'T1568.002 Domain Generation Algorithms',
      'T1567 Exfiltration Over Web Service',
      'T1567.001 Exfiltration to Code Repository',
      'T1567.002 Exfiltration to Cloud Storage',
      'T1567.003 Exfiltration to Text Storage Sites',
    ]);
    const t1102002 = rule.techniques.find((t) => t.id === 'T1102.002');
    expect(t1102002?.loc).toMatchObject({ line: whereIs(WEBSERVICES, '"T1102.002"').line, column: whereIs(WEBSERVICES, '"T1102.002"').column });
    expect(t1102002?.tactics?.map((t) => [t.id, t.name, t.shortname])).toEqual([['TA0011', 'Command and Control', 'command-and-control']]);
    expect(rule.techniques.find((t) => t.id === 'T1567.002')?.tactics?.[0]?.shortname).toBe('exfiltration');
    expect(rule.tactics.map((t) => t.id)).toEqual(['TA0011', 'TA0010']);
  });

  it('reads a DNS query (Sysmon 22): a Windows network rule that reads dns.question.name', () => {
    expect(rule.events.map((e) => e.key)).toEqual(['sysmon:22']);
  });

  it('maps every comparison with its role, the NOT (…) groups at the top level being exclusions', () => {
    const brief3 = rule.predicates.slice(0, 4).map(brief);
    expect(brief3).toEqual([
      'scope host.os.type eq "windows"',
      'indicator dns.question.name is_not_null null',
      'indicator process.name is_not_null null',
      'exclusion user.id in "S-1-5-18"',
    ]);
    const exclusions = rule.predicates.filter((p) => p.role === 'exclusion');
    const indicators = rule.predicates.filter((p) => p.role === 'indicator');
    expect(indicators.filter((p) => p.field === 'dns.question.name' && p.operator !== 'is_not_null').length).toBe(88);
    // Every branch of `not ((a) or (b and c and d) or …)` is an exclusion, whatever its nesting.
    expect(exclusions.map(brief)).toEqual(expect.arrayContaining([
      'exclusion user.domain eq "NT AUTHORITY"',
      'exclusion process.executable wildcard "?:\\\\Program Files\\\\*.exe"',
      'exclusion process.name match "Discord.exe"',
      'exclusion process.code_signature.subject_name match "Discord Inc."',
      'exclusion process.code_signature.trusted eq true',
      'exclusion dns.question.name in "cdn.discordapp.com"',
      'exclusion process.code_signature.subject_name in "PERPLEXITY AI, INC."',
    ]));
    expect(exclusions.every((p) => !p.negated)).toBe(true);
  });

  it('places predicates at their line and column in the TOML file, through the multi-line string', () => {
    const discord = rule.predicates.find((p) => p.value === 'Discord.exe');
    expect(discord?.loc).toMatchObject(whereIs(WEBSERVICES, 'process.name : "Discord.exe"'));
    const perplexity = rule.predicates.find((p) => p.value === 'PERPLEXITY AI, INC.');
    expect(perplexity?.loc).toMatchObject(whereIs(WEBSERVICES, '"PERPLEXITY AI, INC."'));
    const optional = rule.predicates.find((p) => p.field === 'user.id');
    expect(optional?.modifiers).toEqual(['in', '?']);
  });

  it('knows ECS plus the non-ECS fields of its index patterns, read from the corpus’s detection_rules/etc', () => {
    const known = rule.knownFields?.();
    expect(known?.source).toBe('ECS 9.5.0 or the non-ECS fields of logs-endpoint.events.*');
    expect(known?.names).toContain('dns.question.name');
    expect(known?.names).toContain('process.name.text');
    expect(known?.names.length).toBeGreaterThan(2600);
    // The same list object for rules reading the same schema: checks can cache what they build from it.
    expect(model(WEBSERVICES).knownFields?.()?.names).toBe(known?.names);
  });
});

describe('threat blocks', () => {
  it('only ATT&CK blocks give techniques and tactics (a MITRE ATLAS block is left out)', () => {
    const rule = model(fixture('threat-atlas-framework.toml'));
    expect(rule.techniques.map((t) => t.id)).toEqual(['T1059']);
    expect(rule.tactics.map((t) => t.id)).toEqual(['TA0002']);
  });
});

describe('events an Elastic rule reads', () => {
  it('a Windows process start is Sysmon 1 and Security 4688', () => {
    expect(model(fixture('clean-whoami-eql.toml')).events.map((e) => e.key)).toEqual(['sysmon:1', 'security:4688']);
  });

  it('each EQL sequence step reads its own events', () => {
    const rule = model(fixture('sequence-process-then-dns.toml'));
    expect(rule.events.map((e) => e.key)).toEqual(['sysmon:1', 'security:4688', 'sysmon:22']);
    expect(rule.predicates.map((p) => `${p.group} ${p.role} ${p.field}`)).toEqual([
      'sequence[1] scope host.os.type',
      'sequence[1] scope event.type',
      'sequence[1] indicator process.name',
      'sequence[2] scope host.os.type',
      'sequence[2] indicator dns.question.name',
      'sequence[2] exclusion process.executable',
    ]);
  });

  it('macOS file modifications are the Endpoint Security write event', () => {
    const rule = model(path.join(ELASTIC, 'rules/macos/persistence_screensaver_plist_file_modification.toml'));
    expect(rule.events.map((e) => e.key)).toEqual(['esf:NOTIFY_WRITE']);
  });

  it('ES|QL: the FROM index and the WHERE before STATS', () => {
    const rule = model(fixture('esql-stats-after-where.toml'));
    expect(rule.language).toBe('esql');
    expect(rule.events.map((e) => e.key)).toEqual(['security:4625']);
    expect(rule.predicates.map(brief)).toEqual([
      'scope event.code eq "4625"',
      'exclusion user.name in "ANONYMOUS LOGON"',
      'exclusion user.name in "-"',
      'indicator source.ip is_not_null null',
    ]);
    expect(rule.knownFields?.()?.source).toBe('ECS 9.5.0 or the non-ECS fields of logs-system.security-*');
  });

  it('KQL CIDR blocks on an IP field are CIDR matches', () => {
    const rule = model(fixture('kql-cidr-exclusion.toml'));
    expect(rule.predicates.filter((p) => p.role === 'exclusion').map(brief)).toEqual([
      'exclusion destination.ip cidr "10.0.0.0/8"',
      'exclusion destination.ip cidr "fd00::/8"',
      'exclusion destination.ip match "127.0.0.1"',
    ]);
  });
});

describe('rules without a parsed query', () => {
  it('Lucene: techniques and metadata, no predicates, no problem', () => {
    const parsed = parse(path.join(ELASTIC, 'rules/_deprecated/privilege_escalation_setgid_bit_set_via_chmod.toml'));
    expect(parsed.problems).toEqual([]);
    const rule = parsed.rules[0] as RuleModel;
    expect(rule.language).toBe('lucene');
    expect(rule.predicates).toEqual([]);
    expect(rule.techniques.map((t) => t.id)).toEqual(['T1548', 'T1548.001']);
  });

  it('machine learning rules have no query: language none', () => {
    const rule = model(path.join(ELASTIC, 'rules/ml/command_and_control_ml_dns_tunneling.toml'));
    expect(rule.language).toBe('none');
    expect(rule.predicates).toEqual([]);
  });

  for (const [name, message, needle] of [
    ['query-syntax-kql.toml', /^KQL syntax error: unclosed '\('/, '("-decode"'],
    ['query-syntax-eql.toml', /^EQL syntax error: unexpected character '~'/, '~ "-decode"'],
    ['query-syntax-esql.toml', /^ES\|QL syntax error: unclosed '"' string/, '"-decode\n'],
  ] as const) {
    it(`${name}: an elastic-query-syntax error at the file position; the rule keeps techniques and events`, () => {
      const file = fixture(name);
      const parsed = parse(file);
      expect(parsed.problems).toHaveLength(1);
      const problem = parsed.problems[0];
      expect(problem?.checkId).toBe('elastic-query-syntax');
      expect(problem?.severity).toBe('error');
      expect(problem?.fatal).toBeUndefined();
      expect(problem?.message).toMatch(message);
      expect(problem?.loc).toMatchObject(whereIs(file, needle.replace('\n', '')));
      const rule = parsed.rules[0] as RuleModel;
      expect(rule.techniques.map((t) => t.id)).toEqual(['T1140']);
      expect(rule.events.map((e) => e.key)).toEqual(['sysmon:1', 'security:4688']);
      expect(rule.predicates).toEqual([]);
    });
  }

  it('malformed TOML is one fatal parse-error and no rule', () => {
    const parsed = parse(path.join(FIXTURES, 'parse/elastic/malformed-unclosed-string.toml'));
    expect(parsed.rules).toEqual([]);
    expect(parsed.problems.map((p) => [p.checkId, p.fatal])).toEqual([['parse-error', true]]);
  });
});

describe('settings.elastic.ecsSchema', () => {
  const etc = path.join(SHARED, 'corpus/elastic/detection_rules/etc');

  it('takes a detection-rules etc folder or an ecs_flat.json.gz file for rules outside the corpus', () => {
    for (const setting of [etc, path.join(etc, 'ecs_schemas/9.5.0/ecs_flat.json.gz')]) {
      const rule = parse(fixture('clean-whoami-eql.toml'), { elasticEcsSchema: setting }).rules[0] as RuleModel;
      expect(rule.knownFields?.()?.source).toBe('ECS 9.5.0 or the non-ECS fields of logs-endpoint.events.*');
    }
  });

  it('a path that holds no schema means no field list (field-unknown stays silent)', () => {
    const rule = parse(fixture('clean-whoami-eql.toml'), { elasticEcsSchema: path.join(FIXTURES, 'elastic') }).rules[0] as RuleModel;
    expect(rule.knownFields?.()).toBeUndefined();
  });
});

describe('one row for the same indicator, whatever the Elastic query language (docs/equivalences.md)', () => {
  const forms: [string, string, string][] = [
    ['query', 'kuery', 'process.name : "X.exe"'],
    ['query', 'kuery', 'process.executable : *\\\\x.exe'],
    ['eql', 'eql', 'process where process.name == "x.exe"'],
    ['eql', 'eql', 'process where endsWith~(process.executable, "\\\\x.exe")'],
    ['esql', 'esql', 'FROM logs-endpoint.events.process-*\n| WHERE ENDS_WITH(process.executable, "\\\\x.exe")'],
    ['esql', 'esql', 'FROM logs-endpoint.events.process-*\n| WHERE process.executable LIKE """*\\\\x.exe"""'],
  ];
  it('normalises each form to process.name eq x.exe', () => {
    for (const [type, language, query] of forms) {
      const text = `[rule]\nname = "x"\ntype = "${type}"\nlanguage = "${language}"\nquery = '''\n${query}\n'''\n`;
      const parsed = elasticParser.parse('x.toml', new SourceText(text), {});
      expect(parsed.problems, query).toEqual([]);
      const keys = (parsed.rules[0] as RuleModel).predicates.map((p) => predicateKey(p));
      expect(keys, query).toEqual([predicateKey({ field: 'process.name', operator: 'eq', value: 'x.exe' })]);
    }
  });
});
