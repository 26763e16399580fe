import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/model/location.js';
import type { Logic, LogicCompare } from '../../src/model/logic.js';
import { parseElasticFile } from '../../src/parse/elastic/document.js';
import type { ElasticRuleDocument } from '../../src/parse/elastic/document.js';
import { eqlToLogic, parseEql } from '../../src/parse/elastic/eql/index.js';
import { CORPUS, FIXTURES } from '../helpers/paths.js';

const WEBSERVICES = path.join(CORPUS, 'elastic/rules/windows/command_and_control_common_webservices.toml');

function load(file: string): { source: SourceText; doc: ElasticRuleDocument } {
  const source = new SourceText(readFileSync(file, 'utf8'));
  const { doc, problems } = parseElasticFile(source);
  expect(problems).toEqual([]);
  if (!doc) throw new Error(`no document for ${file}`);
  return { source, doc };
}

function fixture(name: string): string {
  return path.join(FIXTURES, 'parse/elastic', name);
}

/** Line and column of the nth occurrence of `needle`, found by reading the file's lines directly. */
function whereIs(text: string, needle: string, nth = 0): { line: number; column: number } {
  const lines = text.split(/\r?\n/);
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    let from = 0;
    for (;;) {
      const col = (lines[i] as string).indexOf(needle, from);
      if (col < 0) break;
      if (seen++ === nth) return { line: i + 1, column: col + 1 };
      from = col + 1;
    }
  }
  throw new Error(`${needle} not found`);
}

describe('parseElasticFile on a corpus rule', () => {
  const { source, doc } = load(WEBSERVICES);
  const text = source.text;

  it('reads the rule fields and the metadata', () => {
    expect(doc.rule.rule_id?.value).toBe('66883649-f908-4a5b-a1e0-54090a1d3a32');
    expect(doc.rule.name?.value).toBe('Connection to Commonly Abused Web Services');
    expect(doc.rule.type?.value).toBe('eql');
    expect(doc.rule.language?.value).toBe('eql');
    expect(doc.rule.risk_score?.value).toBe(21);
    expect(doc.metadata.creation_date?.value).toBe('2020/11/04');
    expect(doc.metadata.maturity?.value).toBe('production');
    expect(doc.metadata.integration?.map((i) => i.value)).toEqual(['endpoint', 'sentinel_one_cloud_funnel']);
    expect(doc.rule.tags?.map((t) => t.value)).toContain('Tactic: Command and Control');
    expect(doc.rule.note?.value.startsWith('## Triage and analysis')).toBe(true);
    expect(doc.rule.setup?.value.startsWith('## Setup')).toBe(true);
  });

  it('locates values and keys', () => {
    const name = doc.rule.name;
    expect(name?.loc).toMatchObject(whereIs(text, '"Connection to Commonly Abused Web Services"'));
    expect(name?.keyLoc).toMatchObject(whereIs(text, 'name = "Connection'));
    const index = doc.rule.index ?? [];
    expect(index.map((i) => i.value)).toEqual(['logs-endpoint.events.network-*', 'logs-sentinel_one_cloud_funnel.*']);
    expect(index[1]?.loc).toMatchObject(whereIs(text, '"logs-sentinel_one_cloud_funnel.*"'));
    expect(doc.locate(['metadata', 'updated_date'])).toMatchObject(whereIs(text, '"2026/07/15"'));
    // The whole `[metadata]` section, from its header.
    expect(doc.locate(['metadata'])).toMatchObject({ line: 1, column: 1 });
    expect(doc.locateKey(['metadata'])).toMatchObject({ line: 1, column: 2, endColumn: 10 });
  });

  it('gives the ATT&CK blocks with their places', () => {
    const threat = doc.rule.threat;
    expect(threat).toHaveLength(2);
    const [c2, exfil] = threat;
    expect(c2?.framework?.value).toBe('MITRE ATT&CK');
    expect(c2?.tactic?.id?.value).toBe('TA0011');
    expect(c2?.tactic?.name?.value).toBe('Command and Control');
    expect(c2?.technique.map((t) => t.id?.value)).toEqual(['T1071', 'T1090', 'T1102', 'T1568']);
    expect(c2?.technique[2]?.subtechnique.map((s) => s.id?.value)).toEqual(['T1102.001', 'T1102.002']);
    expect(exfil?.tactic?.id?.value).toBe('TA0010');
    expect(exfil?.technique[0]?.subtechnique[2]?.name?.value).toBe('Exfiltration to Text Storage Sites');

    expect(c2?.technique[2]?.subtechnique[1]?.id?.loc).toMatchObject(whereIs(text, '"T1102.002"'));
    expect(doc.locate(['rule', 'threat', 0, 'technique', 0, 'id'])).toMatchObject(whereIs(text, '"T1071"'));
    expect(doc.locateKey(['rule', 'threat', 0, 'technique', 0, 'id'])).toMatchObject(whereIs(text, 'id = "T1071"'));
    // An array-of-tables item is keyed by its header.
    const secondThreat = whereIs(text, '[[rule.threat]]', 1);
    expect(doc.locateKey(['rule', 'threat', 1])).toMatchObject({ line: secondThreat.line, column: secondThreat.column + 2 });
    expect(exfil?.loc.line).toBe(secondThreat.line);
    expect(doc.locate(['rule', 'threat', 1, 'tactic', 'id'])).toMatchObject(whereIs(text, '"TA0010"'));
  });

  it('exposes every other key through data and locate', () => {
    const investigate = (doc.data.transform as Record<string, unknown>).investigate as unknown[];
    expect(investigate).toHaveLength(3);
    expect(doc.locate(['transform', 'osquery', 1, 'query'])).toMatchObject(whereIs(text, '"SELECT description, display_name'));
    expect(doc.locate(['transform', 'investigate', 0, 'providers', 0, 1, 'value'])).toMatchObject(whereIs(text, '"{{user.id}}"'));
    expect(doc.locate(['rule', 'no_such_key'])).toBeUndefined();
    expect(doc.locateNearest(['rule', 'threat', 0, 'tactic', 'missing'])).toMatchObject(whereIs(text, 'rule.threat.tactic'));
  });

  it("maps offsets inside the multi-line ''' query to file lines and columns", () => {
    const q = doc.rule.query;
    expect(q).toBeDefined();
    if (!q) return;
    expect(q.quote).toBe("'''");
    const qt = q.embedded.text;
    expect(qt.startsWith('network where host.os.type == "windows" and')).toBe(true);
    for (const [token, nth] of [['"pastebin.*"', 0], ['"?:\\\\Program Files (x86)\\\\*.exe"', 0], ['"PERPLEXITY AI, INC."', 0], ['process.code_signature.trusted == true', 3]] as const) {
      let at = -1;
      for (let k = 0; k <= nth; k++) at = qt.indexOf(token, at + 1);
      expect(at).toBeGreaterThan(0);
      const loc = q.embedded.locate({ start: at, end: at + token.length });
      const expected = whereIs(text, token, nth);
      expect(loc).toEqual({ ...expected, endLine: expected.line, endColumn: expected.column + token.length });
    }
    // The first character sits on the line after `query = '''`.
    const queryLine = whereIs(text, "query = '''").line;
    expect(q.embedded.locate({ start: 0, end: 7 })).toEqual({ line: queryLine + 1, column: 1, endLine: queryLine + 1, endColumn: 8 });
    expect(q.loc.line).toBe(queryLine);
  });
});

describe('the corpus rule through its query parser', () => {
  it("keeps the EQL `not (a or (b and c) …)` exclusion as a not over an or, located in the file", () => {
    const { source, doc } = load(WEBSERVICES);
    const q = doc.rule.query;
    if (!q) throw new Error('no query');
    const parsed = parseEql(q.embedded.text);
    expect(parsed.errors).toEqual([]);
    if (!parsed.ast) throw new Error('no tree');
    const logic = eqlToLogic(parsed.ast);
    const top = logic.kind === 'and' ? logic.items : [];
    const last = top[top.length - 1];
    expect(last?.kind).toBe('not');
    if (last?.kind !== 'not') return;
    expect(last.item.kind).toBe('or');
    if (last.item.kind !== 'or') return;
    // (process.executable : (…)) or (Discord: name and (subject and trusted) and dns) or …
    expect(last.item.items.length).toBeGreaterThan(10);
    expect(last.item.items.some((i) => i.kind === 'and')).toBe(true);
    const discord = last.item.items.find((i) => i.kind === 'and' && firstCmp(i)?.value === 'Discord.exe');
    const cmp = discord && firstCmp(discord);
    expect(cmp).toBeDefined();
    if (!cmp) return;
    const at = whereIs(source.text, 'process.name : "Discord.exe"');
    expect(q.embedded.locate(cmp.span)).toMatchObject({ line: at.line });
  });
});

function firstCmp(l: Logic): LogicCompare | undefined {
  if (l.kind === 'cmp') return l;
  if (l.kind === 'and' || l.kind === 'or') {
    for (const i of l.items) {
      const c = firstCmp(i);
      if (c) return c;
    }
  }
  if (l.kind === 'not') return firstCmp(l.item);
  return undefined;
}

describe('parseElasticFile on small fixtures', () => {
  it('maps offsets through escapes and line continuations of a """ query', () => {
    const { source, doc } = load(fixture('escaped-basic-query.toml'));
    const q = doc.rule.query;
    expect(q?.embedded.text).toBe('process.executable:C\\:\\\\Windows\\\\*.exe and process.name:"a\\"b" and\n    user.name:Admin\n');
    if (!q) return;
    expect(q.quote).toBe('"""');
    const qt = q.embedded.text;
    // After the line-ending backslash, the next token sits on the following file line.
    const at = qt.indexOf('process.name');
    expect(q.embedded.locate({ start: at, end: at + 12 })).toMatchObject(whereIs(source.text, 'process.name'));
    // `\u0041` decodes to one character that points at its escape.
    const admin = qt.indexOf('Admin');
    const escape = whereIs(source.text, '\\u0041dmin');
    expect(q.embedded.locate({ start: admin, end: admin + 5 })).toEqual({ ...escape, endLine: escape.line, endColumn: escape.column + 10 });
    // `\\\"` in the file decodes to `\"`: each character maps to its own escape.
    const quote = qt.indexOf('\\"b');
    const raw = whereIs(source.text, '\\\\\\"b');
    expect(q.embedded.locate({ start: quote, end: quote + 1 }).column).toBe(raw.column);
    expect(q.embedded.locate({ start: quote + 1, end: quote + 2 }).column).toBe(raw.column + 2);
    expect(doc.metadata.updated_date?.value).toBe('2024/03/04');
    expect(doc.rule.name?.value).toBe('Escaped "basic" query');
  });

  it('maps a single-line literal query and threat blocks written as inline tables', () => {
    const { source, doc } = load(fixture('threat-inline-tables.toml'));
    const q = doc.rule.query;
    expect(q?.embedded.text).toBe('process.name:"cmd.exe"');
    expect(q?.quote).toBe("'");
    expect(q?.embedded.locate({ start: 13, end: 22 })).toMatchObject(whereIs(source.text, '"cmd.exe"'));
    const [t] = doc.rule.threat;
    expect(t?.tactic?.id?.value).toBe('TA0002');
    expect(t?.technique[0]?.subtechnique[0]?.id?.value).toBe('T1059.003');
    expect(t?.technique[0]?.subtechnique[0]?.id?.loc).toMatchObject(whereIs(source.text, '"T1059.003"'));
    expect(t?.tactic?.loc).toMatchObject(whereIs(source.text, '{ id = "TA0002"'));
  });

  it('leaves fields of the wrong type out of the typed view but keeps them in data', () => {
    const { source, doc } = load(fixture('wrong-types.toml'));
    expect(doc.rule.name).toBeUndefined();
    expect(doc.data.rule).toMatchObject({ name: 5, index: 'logs-*', risk_score: 'high' });
    expect(doc.locate(['rule', 'name'])).toMatchObject(whereIs(source.text, '5'));
    expect(doc.rule.index).toBeUndefined();
    expect(doc.rule.risk_score).toBeUndefined();
    expect(doc.rule.tags?.map((t) => t.value)).toEqual(['Domain: Endpoint']);
    expect(doc.rule.threat).toEqual([]);
  });

  it('reports malformed TOML as one fatal problem at the error', () => {
    const source = new SourceText(readFileSync(fixture('malformed-unclosed-string.toml'), 'utf8'));
    const { doc, problems } = parseElasticFile(source);
    expect(doc).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ checkId: 'parse-error', severity: 'error', fatal: true, loc: { line: 2 } });
    expect(problems[0]?.message).toMatch(/^invalid TOML: /);
  });

  it('reports a key defined twice at the second definition', () => {
    const source = new SourceText(readFileSync(fixture('duplicate-key.toml'), 'utf8'));
    const { doc, problems } = parseElasticFile(source);
    expect(doc).toBeNull();
    expect(problems).toEqual([
      expect.objectContaining({ checkId: 'parse-error', fatal: true, loc: { line: 4, column: 1, endLine: 4, endColumn: 1 } }),
    ]);
  });

  it('never throws on text that is not TOML', () => {
    for (const text of ['', '[', '= 1', 'a = ', '[rule]\nquery = """\nunclosed', '\u0000\u0001', 'a = 1\r\na = 2']) {
      const { doc, problems } = parseElasticFile(new SourceText(text));
      if (text === '') expect(doc?.data).toEqual({});
      else expect(problems.length === 1 && problems[0]?.fatal).toBe(true);
    }
  });

  it('maps a query in a CRLF file to the right lines', () => {
    const text = "[rule]\r\nlanguage = \"kuery\"\r\nquery = '''\r\nevent.category:process and\r\n  process.name:cmd.exe\r\n'''\r\n";
    const source = new SourceText(text);
    const { doc } = parseElasticFile(source);
    const q = doc?.rule.query;
    if (!q) throw new Error('no query');
    const at = q.embedded.text.indexOf('process.name');
    expect(q.embedded.locate({ start: at, end: at + 12 })).toEqual({ line: 5, column: 3, endLine: 5, endColumn: 15 });
    expect(q.embedded.locate({ start: 0, end: 5 })).toMatchObject({ line: 4, column: 1 });
  });
});
