import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/model/location.js';
import type { ParsedFile, Predicate, RuleModel } from '../../src/model/rule.js';
import { splunkParser } from '../../src/parse/splunk/model.js';
import { splunkSearchOf } from '../../src/parse/splunk/search-analysis.js';
import { FIXTURES } from '../helpers/paths.js';

const DIR = path.join(FIXTURES, 'splunk');

function parse(rel: string, settings: { splunkMacros?: string } = {}, text?: string): ParsedFile {
  const file = path.join(DIR, rel);
  return splunkParser.parse(file, new SourceText(text ?? readFileSync(file, 'utf8')), settings);
}

function only(parsed: ParsedFile): RuleModel {
  expect(parsed.rules).toHaveLength(1);
  return parsed.rules[0] as RuleModel;
}

/** `role field op value @line:column` for compact assertions. */
function brief(p: Predicate): string {
  return `${p.role} ${p.field} ${p.operator} ${JSON.stringify(p.value)} @${p.loc.line}:${p.loc.column}`;
}

describe('splunkParser: a raw Sysmon search', () => {
  const parsed = parse('detections/model/raw-sysmon-block-literal.yml');
  const rule = only(parsed);

  it('reads id, title, language and techniques with their places', () => {
    expect(parsed.problems).toEqual([]);
    expect(rule.vendor).toBe('splunk');
    expect(rule.language).toBe('spl');
    expect(rule.id).toBe('33333333-0000-4000-8000-000000000001');
    expect(rule.title).toBe('Suspicious Certutil Download');
    expect(rule.titleLoc.line).toBe(1);
    expect(rule.techniques.map((t) => `${t.id} ${t.written} ${t.loc.line}:${t.loc.column}`)).toEqual(['T1105 T1105 25:5', 'T1059.001 t1059.001 26:5']);
    expect(rule.detectionLoc.line).toBe(11);
  });

  it('reads events from the data source and from the source macro with its EventCode', () => {
    expect(rule.events).toEqual([{ key: 'sysmon:1', via: 'data_source Sysmon EventID 1' }]);
  });

  it('maps Sysmon names to canonical fields, marks selectors as scope and the top-level NOT as an exclusion, at file positions', () => {
    expect(rule.predicates.map(brief)).toEqual([
      // From the `sysmon` macro: located at the macro call.
      'scope splunk.source match "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational" @12:3',
      'scope event.code match 1 @12:12',
      'indicator process.executable wildcard "*\\\\certutil.exe" @12:24',
      'indicator process.command_line in "*urlcache*" @13:21',
      'indicator process.command_line in "*verifyctl*" @13:35',
      'exclusion process.parent.executable match "C:\\\\Program Files\\\\Agent\\\\agent.exe" @14:9',
      'indicator process.name wildcard "cert*" @15:11',
    ]);
    const excl = rule.predicates.find((p) => p.role === 'exclusion') as Predicate;
    // The whole comparison, up to its closing quote: `ParentImage="C:\\Program …agent.exe"`.
    const line14 = rule.source.lineText(14);
    expect(excl.loc).toEqual({ line: 14, column: 9, endLine: 14, endColumn: line14.length + 1 });
    expect(excl.fieldAsWritten).toBe('ParentImage');
  });

  it('lists the declared data source fields, with the source named, for field-unknown', () => {
    const known = rule.knownFields?.();
    expect(known?.source).toBe('the data source Sysmon EventID 1');
    expect(known?.names).toEqual(expect.arrayContaining(['CommandLine', 'ParentImage', 'process_name', 'sourcetype']));
    expect(known?.names).not.toContain('TargetFilename');
  });

  it('keeps the search analysis for the Splunk checks', () => {
    const analysis = splunkSearchOf(rule);
    expect(analysis?.parse.expansion.calls.map((c) => c.name)).toEqual(['sysmon']);
    expect(analysis?.datamodelName).toBeUndefined();
  });
});

describe('splunkParser: a tstats search', () => {
  const rule = only(parse('detections/model/tstats-prefixed-and-bare.yml'));

  it('resolves CIM fields with and without the dataset prefix to the same canonical fields, macro predicates included', () => {
    expect(rule.predicates.map((p) => `${p.fieldAsWritten} → ${p.field} (${p.group})`)).toEqual([
      'Processes.process_name → process.name (tstats)',
      'process_path → process.executable (tstats)',
      'Processes.process_name → process.name (tstats)',
      'Processes.process_name → process.name (tstats)',
    ]);
    // The `powershell_hosts` macro's comparisons sit at its call.
    const macroCall = rule.source.text.indexOf('`powershell_hosts`');
    const at = rule.source.position(macroCall);
    expect(rule.predicates.slice(2).map((p) => `${p.loc.line}:${p.loc.column}`)).toEqual([`${at.line}:${at.column}`, `${at.line}:${at.column}`]);
  });

  it('reads events from the datamodel dataset when no data source is declared', () => {
    expect(rule.events).toEqual([
      { key: 'sysmon:1', via: 'datamodel Endpoint.Processes' },
      { key: 'security:4688', via: 'datamodel Endpoint.Processes' },
    ]);
    expect(rule.knownFields?.()).toBeUndefined();
  });
});

describe('splunkParser: macro folders and problems', () => {
  it('without a macro folder, unknown macros are warnings and the rule is still built', () => {
    const parsed = parse('outside-detections/security-logon.yml');
    const rule = only(parsed);
    expect(parsed.problems.map((p) => `${p.checkId} ${p.severity} ${p.loc.line}:${p.loc.column} ${p.fatal ?? false}`)).toEqual([
      'splunk-macro-unknown warn 11:10 false',
      'splunk-macro-unknown warn 11:95 false',
    ]);
    expect(parsed.problems[0]?.message).toMatch(/`wineventlog_security` is not defined in any macro folder .*settings\.splunk\.macros/);
    expect(rule.events).toEqual([{ key: 'security:4648', via: 'data_source Windows Event Log Security 4648' }]);
    expect(rule.predicates.map((p) => `${p.role} ${p.field} ${p.value}`)).toEqual(['scope event.code 4648']);
  });

  it('takes the macro folder from settings; a source macro plus EventCode gives the event', () => {
    const text = readFileSync(path.join(DIR, 'outside-detections/security-logon.yml'), 'utf8').replace(/data_source:\n- [^\n]+\n/, '');
    const parsed = parse('outside-detections/security-logon.yml', { splunkMacros: path.join(DIR, 'macros') }, text);
    expect(parsed.problems.map((p) => p.message)).toEqual([expect.stringMatching(/`wineventlog_security` is not defined in the macro folder/)]);
    // `security_content_ctime(1)` is defined there; the undefined source macro still names the event with its EventCode.
    expect(only(parsed).events).toEqual([{ key: 'security:4648', via: 'macro `wineventlog_security` EventCode=4648' }]);
  });

  it('a configured macro folder that does not exist is reported once', () => {
    const parsed = parse('outside-detections/security-logon.yml', { splunkMacros: path.join(DIR, 'no-such-folder') });
    expect(parsed.problems.map((p) => p.message)).toEqual([expect.stringMatching(/configured macro folder .*no-such-folder does not exist/)]);
  });

  it('a search syntax error is an error at the file position, not fatal: the rule keeps its techniques and events', () => {
    const parsed = parse('detections/splunk-search-syntax/invalid-unclosed-paren.yml');
    expect(parsed.problems.map((p) => `${p.checkId} ${p.severity} ${p.loc.line}:${p.loc.column} ${p.fatal ?? false} ${p.message}`)).toEqual([
      "splunk-search-syntax error 14:7 false search: missing ')' for this '('",
    ]);
    const rule = only(parsed);
    expect(rule.techniques.map((t) => t.id)).toEqual(['T1218.011']);
    expect(rule.events.map((e) => e.key)).toEqual(['sysmon:1']);
  });

  it('malformed YAML is one fatal parse-error and no rule; a detection without search is reported, not crashed on', () => {
    const bad = parse('outside-detections/security-logon.yml', {}, 'name: x\nsearch: "unclosed\n');
    expect(bad.rules).toEqual([]);
    expect(bad.problems.map((p) => `${p.checkId} ${p.fatal}`)).toEqual(['parse-error true']);
    const noSearch = parse('outside-detections/security-logon.yml', {}, 'name: No Search\nsearch:\n  - not a string\ntags:\n  mitre_attack_id: [T1078]\n');
    expect(noSearch.problems.map((p) => `${p.checkId} ${p.loc.line}`)).toEqual(['splunk-search-syntax 2']);
    expect(only(noSearch).techniques.map((t) => t.id)).toEqual(['T1078']);
  });
});
