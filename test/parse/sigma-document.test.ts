import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES } from '../helpers/paths.js';
import { SourceText } from '../../src/model/location.js';
import type { Location } from '../../src/model/location.js';
import { parseSigmaFile } from '../../src/parse/sigma/index.js';
import type { SigmaDetectionItem, SigmaDocument, SigmaFileParse } from '../../src/parse/sigma/index.js';

function fixture(name: string): SigmaFileParse & { source: SourceText } {
  const source = new SourceText(fs.readFileSync(path.join(FIXTURES, 'parse/sigma', name), 'utf8'));
  return { source, ...parseSigmaFile(source) };
}

function parse(text: string): SigmaFileParse {
  return parseSigmaFile(new SourceText(text));
}

/** line:column-endLine:endColumn, the way an editor shows a range. */
function at(loc: Location | undefined): string {
  if (!loc) return 'undefined';
  return `${loc.line}:${loc.column}-${loc.endLine}:${loc.endColumn}`;
}

function only<T>(xs: T[]): T {
  expect(xs).toHaveLength(1);
  return xs[0] as T;
}

function item(doc: SigmaDocument, selection: string, key: string): SigmaDetectionItem {
  const sel = doc.detection?.selections.get(selection);
  const found = sel?.groups.flat().find((i) => i.key === key);
  if (!found) throw new Error(`no item ${selection}.${key}`);
  return found;
}

describe('parseSigmaFile: documents, fields and locations', () => {
  it('reads a rule and a correlation from one multi-document file', () => {
    const { documents, problems } = fixture('correlation-event-count.yml');
    expect(problems).toEqual([]);
    expect(documents.map((d) => [d.kind, d.index, d.title?.value])).toEqual([
      ['rule', 0, 'Failed logon'],
      ['correlation', 1, 'Many failed logons from one source'],
    ]);
    const [rule, corr] = documents as [SigmaDocument, SigmaDocument];
    expect(rule.name?.value).toBe('failed_logon');
    expect(rule.logsource?.product?.value).toBe('windows');
    expect(rule.logsource?.service?.value).toBe('security');
    expect(at(rule.logsource?.service?.loc)).toBe('7:14-7:22');
    expect(at(rule.title?.loc)).toBe('1:8-1:20');
    expect(at(rule.title?.keyLoc)).toBe('1:1-1:6');
    // Nodes and keys anywhere by path.
    expect(at(rule.locate(['detection', 'selection', 'EventID']))).toBe('10:18-10:22');
    expect(at(rule.locateKey(['detection', 'selection', 'EventID']))).toBe('10:9-10:16');
    expect(rule.locate(['detection', 'nothing'])).toBeUndefined();
    expect(rule.data).toMatchObject({ detection: { selection: { EventID: 4625 }, condition: 'selection' } });

    const c = corr.correlation;
    expect(c?.type?.value).toBe('event_count');
    expect(c?.rules.map((r) => r.value)).toEqual(['failed_logon']);
    expect(c?.groupBy.map((g) => g.value)).toEqual(['IpAddress']);
    expect(c?.timespan?.value).toBe('5m');
    const crit = only(c?.condition?.criteria ?? []);
    expect([crit.operator.value, crit.value.value]).toEqual(['gte', 10]);
    expect(at(crit.operator.loc)).toBe('24:9-24:12');
    expect(at(crit.value.loc)).toBe('24:14-24:16');
    expect(corr.detection).toBeUndefined();
    expect(corr.level?.value).toBe('high');
  });

  it('reads a global filter: its rules, selection and condition', () => {
    const { documents, problems } = fixture('filter-admin-account.yml');
    expect(problems).toEqual([]);
    const doc = only(documents);
    expect(doc.kind).toBe('filter');
    expect(doc.filter?.rules.map((r) => r.value)).toEqual(['6f3e2987-db24-4c78-a860-b4f4095a7095', 'df0841c0-9846-4e9f-ad8a-7df91571771b']);
    expect([...(doc.filter?.selections.keys() ?? [])]).toEqual(['selection']);
    const cond = only(doc.filter?.condition ?? []);
    expect(cond.text).toBe('not selection');
    expect(cond.ast?.kind).toBe('not');
    const sel = doc.filter?.selections.get('selection');
    expect(sel?.path).toEqual(['filter', 'selection']);
    expect(at(sel?.groups[0]?.[0]?.values[0]?.loc)).toBe('12:26-12:32');
  });

  it('merges a legacy action: global document into each rule after it', () => {
    const { documents, problems } = fixture('legacy-action-global.yml');
    expect(problems).toEqual([]);
    expect(documents).toHaveLength(2);
    expect(documents.map((d) => d.index)).toEqual([1, 2]);
    for (const d of documents) {
      expect(d.legacyGlobal).toBe(true);
      expect(d.title?.value).toBe('Service installed by a legacy multi-document rule');
      expect([...(d.detection?.selections.keys() ?? [])]).toEqual(['selection_name', 'selection_event']);
      expect(d.detection?.condition[0]?.text).toBe('selection_name and selection_event');
      expect(d.data).not.toHaveProperty('action');
    }
    const [a, b] = documents as [SigmaDocument, SigmaDocument];
    expect(a.logsource?.service?.value).toBe('system');
    expect(b.logsource?.service?.value).toBe('security');
    // Each merged rule locates its own part in the file, and the shared part in the global document.
    expect(at(a.locate(['detection', 'selection_event', 'EventID']))).toBe('16:18-16:22');
    expect(at(b.locate(['detection', 'selection_event', 'EventID']))).toBe('23:18-23:22');
    expect(at(b.locate(['detection', 'selection_name', 'ServiceName']))).toBe('7:22-7:31');
  });

  it('reads conditions given as a list', () => {
    const { documents, problems } = parse('title: t\nlogsource: {}\ndetection:\n  a:\n    x: 1\n  b:\n    y: 2\n  condition:\n    - a\n    - b and not a\n');
    expect(problems).toEqual([]);
    const conds = documents[0]?.detection?.condition ?? [];
    expect(conds.map((c) => c.text)).toEqual(['a', 'b and not a']);
    expect(conds.map((c) => c.path)).toEqual([['detection', 'condition', 0], ['detection', 'condition', 1]]);
    expect(at(conds[1]?.loc)).toBe('10:7-10:18');
  });

  it('keeps metadata lists with their locations and accepts a single string for a list', () => {
    const { documents } = parse('title: t\ntags:\n  - attack.execution\n  - attack.t1059.001\nreferences: https://example.org\nfalsepositives:\n  - Unknown\nrelated:\n  - id: 0e95725d-7320-415d-80f7-004da920fc11\n    type: derived\nlogsource:\n  product: windows\n  custom: x\ndetection:\n  s:\n    a: 1\n  condition: s\n');
    const d = only(documents);
    expect(d.tags.map((t) => [t.value, at(t.loc)])).toEqual([['attack.execution', '3:5-3:21'], ['attack.t1059.001', '4:5-4:21']]);
    expect(d.references.map((r) => r.value)).toEqual(['https://example.org']);
    expect(d.falsepositives.map((r) => r.value)).toEqual(['Unknown']);
    expect(d.related.map((r) => [r.id?.value, r.type?.value])).toEqual([['0e95725d-7320-415d-80f7-004da920fc11', 'derived']]);
    expect(d.logsource?.other['custom']?.value).toBe('x');
    expect(d.date).toBeUndefined();
  });
});

describe('parseSigmaFile: selections and detection items', () => {
  const { documents, problems } = fixture('every-modifier.yml');
  const doc = only(documents);

  it('accepts every modifier of the specification without a problem', () => {
    expect(problems).toEqual([]);
  });

  it('splits keys into field and modifiers with their own columns', () => {
    const it1 = item(doc, 'sel_strings', 'CommandLine|contains|all');
    expect(it1.field).toBe('CommandLine');
    expect(at(it1.fieldLoc)).toBe('10:9-10:20');
    expect(it1.modifiers.map((m) => [m.name, at(m.loc)])).toEqual([['contains', '10:21-10:29'], ['all', '10:30-10:33']]);
    expect(it1.linkage).toBe('and');
    expect(it1.valueIsList).toBe(true);
    expect(it1.values.map((v) => [v.value, at(v.loc)])).toEqual([[' /c ', '11:15-11:21'], ['whoami', '12:15-12:23']]);
    expect(it1.path).toEqual(['detection', 'sel_strings', 'CommandLine|contains|all']);
    expect(at(doc.locate([...it1.path, 1]))).toBe('12:15-12:23');
    expect(at(doc.locateKey([...it1.path, 1]))).toBe('12:15-12:23');
    expect(doc.spanOf([...it1.path, 1])).toEqual(it1.values[1]?.span);
    const chain = item(doc, 'sel_encodings', 'Payload|utf16le|base64offset|contains');
    expect(chain.modifiers.map((m) => m.name)).toEqual(['utf16le', 'base64offset', 'contains']);
    expect(chain.linkage).toBe('or');
  });

  it('types values: numbers, booleans, null, quoted strings', () => {
    expect(item(doc, 'sel_types', 'EventID|gt').values[0]).toMatchObject({ value: 4000, quoted: false });
    expect(item(doc, 'sel_types', 'Hashes|exists').values[0]?.value).toBe(true);
    expect(item(doc, 'sel_types', 'ParentUser').values[0]?.value).toBeNull();
    expect(item(doc, 'sel_strings', 'Image|endswith').values[0]).toMatchObject({ value: '\\cmd.exe', quoted: true });
    expect(item(doc, 'sel_types', 'TargetUserName|fieldref').values[0]).toMatchObject({ value: 'SubjectUserName', quoted: false });
  });

  it('reads lists of maps as groups, plain lists as keywords, and field-less |all items', () => {
    const list = doc.detection?.selections.get('sel_list');
    expect(list?.kind).toBe('list');
    expect(list?.groups.map((g) => g.map((i) => i.key))).toEqual([['Image|endswith'], ['Image|endswith', 'CommandLine|contains']]);
    expect(list?.groups[1]?.[1]?.path).toEqual(['detection', 'sel_list', 1, 'CommandLine|contains']);
    const kw = doc.detection?.selections.get('keywords');
    expect(kw?.kind).toBe('list');
    expect(kw?.keywords.map((k) => k.value)).toEqual(['mimikatz', 'sekurlsa::*']);
    const all = only(doc.detection?.selections.get('keywords_all')?.groups.flat() ?? []);
    expect(all.field).toBeNull();
    expect(all.modifiers.map((m) => [m.name, at(m.loc)])).toEqual([['all', '57:11-57:14']]);
    expect(at(all.fieldLoc)).toBe('57:10-57:10');
    expect(all.linkage).toBe('and');
    expect(doc.detection?.selections.get('sel_strings')?.kind).toBe('map');
    expect([...(doc.detection?.selections.keys() ?? [])]).toEqual(['sel_strings', 'sel_encodings', 'sel_types', 'sel_list', 'keywords', 'keywords_all', '_helper']);
  });

  it('keeps numbers written in a non-canonical form as their text', () => {
    const { documents: [d] } = parse("title: t\ndetection:\n  s:\n    GrantedAccess: 0x1F3FFF\n    Code: 010\n    Ratio: 1.50\n    Plain: 42\n    Neg: -7\n  condition: s\n");
    const values = d?.detection?.selections.get('s')?.groups[0]?.map((i) => i.values[0]?.value);
    expect(values).toEqual(['0x1F3FFF', '010', '1.50', 42, -7]);
  });

  it('reads a selection that is a single string as one keyword', () => {
    const { documents: [d], problems } = parse("title: t\ndetection:\n  kw: 'evil'\n  condition: kw\n");
    expect(problems).toEqual([]);
    const kw = d?.detection?.selections.get('kw');
    expect(kw?.kind).toBe('list');
    expect(kw?.keywords.map((k) => k.value)).toEqual(['evil']);
  });
});

describe('parseSigmaFile: problems at their node', () => {
  it('reports an unknown modifier at its own columns inside the key, quoted or not', () => {
    const { problems } = fixture('unknown-modifier.yml');
    expect(problems.map((p) => [p.checkId, p.severity, at(p.loc), p.message])).toEqual([
      ['sigma-modifier-unknown', 'error', '9:15-9:22', "unknown modifier 'endwith' (did you mean 'endswith'?)"],
      ['sigma-modifier-unknown', 'error', '10:31-10:33', "unknown modifier 'Al' (did you mean 'all'?)"],
      ['sigma-modifier-unknown', 'error', '11:20-11:21', "empty modifier: two '|' in a row or a '|' at the end of the key"],
    ]);
    expect(problems.every((p) => !p.fatal)).toBe(true);
  });

  it('reports a syntax error of a multi-line condition at its file line and column', () => {
    const { documents, problems } = fixture('condition-error-multiline.yml');
    const p = only(problems);
    expect(p.checkId).toBe('sigma-condition-syntax');
    expect(p.message).toBe("expected a search identifier after 'not', found 'and'");
    expect(at(p.loc)).toBe('17:13-17:16');
    expect(p.fatal).toBeUndefined();
    const cond = only(documents[0]?.detection?.condition ?? []);
    expect(cond.ast).toBeNull();
    expect(cond.text).toBe('selection_img and selection_cli and not and filter_main');
  });

  it('maps errors through quoted and block conditions too', () => {
    const dq = parse('title: t\ndetection:\n  a:\n    x: 1\n  condition: "a \\t and )"\n').problems;
    expect(dq.map((p) => [p.message, at(p.loc)])).toEqual([["expected a search identifier after 'and', found ')'", '5:24-5:25']]);
    const block = parse('title: t\ndetection:\n  a:\n    x: 1\n  condition: |\n    a or\n    a b\n').problems;
    expect(block.map((p) => [p.message, at(p.loc)])).toEqual([["expected 'and' or 'or' before 'b'", '7:7-7:8']]);
  });

  it('reports identifiers and patterns that match no search identifier', () => {
    const { problems } = fixture('condition-reference-missing.yml');
    expect(problems.map((p) => [p.checkId, at(p.loc), p.message])).toEqual([
      ['sigma-condition-reference', '12:16-12:25', "'selectoin' is not a search identifier of this detection (did you mean 'selection'?)"],
      ['sigma-condition-reference', '12:39-12:56', "1 of filter_optional_*: 'filter_optional_*' matches no search identifier"],
    ]);
  });

  it('reports invalid regular expressions at the value, and accepts PCRE that JavaScript spells differently', () => {
    const { problems } = fixture('regex-values.yml');
    expect(problems.map((p) => [p.checkId, at(p.loc), p.message])).toEqual([
      ['sigma-regex-invalid', '15:15-15:26', 'invalid regular expression: Unterminated group'],
      ['sigma-regex-invalid', '17:15-17:22', 'invalid regular expression: Range out of order in character class'],
    ]);
  });

  it('reports YAML syntax errors as fatal, at their line', () => {
    const { documents, problems } = fixture('invalid-yaml.yml');
    expect(documents).toEqual([]);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.checkId).toBe('parse-error');
      expect(p.fatal).toBe(true);
    }
    expect(problems[0]?.loc.line).toBeGreaterThanOrEqual(6);
  });

  it('reports a document that is not a mapping as fatal, where it is', () => {
    const { documents, problems } = parse('title: ok\ndetection:\n  s:\n    a: 1\n  condition: s\n---\n- just\n- a list\n');
    expect(documents).toHaveLength(1);
    const p = only(problems);
    expect([p.checkId, p.fatal, at(p.loc)]).toEqual(['parse-error', true, '7:1-8:9']);
  });

  it('reports a repeated key, and keeps the last value as YAML loaders do', () => {
    const { documents, problems } = parse("title: t\ndetection:\n  s:\n    Image|endswith: '\\a.exe'\n    Image|endswith: '\\b.exe'\n  condition: s\n");
    expect(problems.map((p) => [p.checkId, at(p.loc)])).toEqual([['sigma-duplicate-key', '5:5-5:19']]);
    const items = documents[0]?.detection?.selections.get('s')?.groups[0] ?? [];
    expect(items.map((i) => i.values[0]?.value)).toEqual(['\\b.exe']);
  });

  it('reports repeated keys alike whichever YAML reader read the file (CRLF line ends go to the yaml package)', () => {
    const text = "title: t\ndetection:\n  s:\n    - a: 1\n      a: 2\n  condition: s\ntitle: u\n";
    const problems = (t: string): unknown => parse(t).problems.map((p) => [p.checkId, at(p.loc)]);
    const expected = [['sigma-duplicate-key', '5:7-5:8'], ['sigma-duplicate-key', '7:1-7:6']];
    expect(problems(text)).toEqual(expected);
    expect(problems(text.replaceAll('\n', '\r\n'))).toEqual(expected);
  });

  it('warns about a deprecated aggregation without failing the rule', () => {
    const { documents, problems } = parse('title: t\ndetection:\n  s:\n    a: 1\n  timeframe: 5m\n  condition: s | count() by host > 5\n');
    expect(problems.map((p) => [p.checkId, p.severity, at(p.loc)])).toEqual([['sigma-condition-aggregation', 'warn', '6:16-6:37']]);
    expect(documents[0]?.detection?.timeframe?.value).toBe('5m');
    expect(documents[0]?.detection?.condition[0]?.ast?.kind).toBe('aggregation');
  });

  it('reports structurally invalid detection values', () => {
    const { problems } = parse('title: t\ndetection:\n  s:\n    a:\n      nested: map\n  e:\n  l:\n    - - x\n  condition: s or e or l\n');
    expect(problems.map((p) => [p.checkId, at(p.loc)])).toEqual([
      ['sigma-detection-invalid', '5:7-5:18'],
      ['sigma-detection-invalid', '6:3-6:4'],
      ['sigma-detection-invalid', '8:7-8:10'],
    ]);
  });

  it('never throws on hostile input', () => {
    const inputs = [
      '', '---', '--- \n---\n', ':', '- - - -', '{', '[', '"', "'", '|', '>', 'a: |\n  x\n b: 1', 'title: [1, {a: 2}]',
      '\u0000\u0001binary', 'a: *alias', 'a: &x [*x]', 'detection: 5', 'detection:\n  condition: [1, 2]',
      'detection:\n  s: {a: 1}\n  condition: ' + '('.repeat(3000), 'a:\n\tb: 1', '\ufeffa: 1\r\nb: 2\r\n',
      'detection:\n  condition:\n    x: y', 'correlation: 3', 'filter:\n  condition: a\n  rules: 5',
    ];
    for (const text of inputs) expect(() => parse(text)).not.toThrow();
  });

  it('refuses absurdly deep nesting with a message instead of a stack overflow', () => {
    const deepMap = Array.from({ length: 400 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n') + ' x\n';
    const deepSeq = '- '.repeat(400) + 'x\n';
    for (const text of [deepMap, deepSeq]) {
      const { documents, problems } = parse(text);
      expect(documents).toEqual([]);
      expect(problems.map((p) => [p.checkId, p.fatal])).toContainEqual(['parse-error', true]);
    }
  });
});
