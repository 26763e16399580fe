import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/model/location.js';
import { parseSplunkFile, type SplunkDetectionDocument } from '../../src/parse/splunk/document.js';
import { loadMacros } from '../../src/parse/splunk/macros.js';
import type { SearchExpr, SplCommand } from '../../src/parse/splunk/spl-ast.js';
import { parseSplunkSearch } from '../../src/parse/splunk/spl-search.js';
import { CORPUS, FIXTURES } from '../helpers/paths.js';

const DIR = path.join(FIXTURES, 'parse/splunk');
const CORPUS_MACROS = path.join(CORPUS, 'splunk/macros');

function read(name: string): { source: SourceText; doc: SplunkDetectionDocument | null; problems: ReturnType<typeof parseSplunkFile>['problems'] } {
  const source = new SourceText(readFileSync(path.join(DIR, name), 'utf8'));
  return { source, ...parseSplunkFile(source) };
}

function mustRead(name: string): { source: SourceText; doc: SplunkDetectionDocument } {
  const r = read(name);
  expect(r.problems).toEqual([]);
  if (!r.doc) throw new Error(`${name} did not parse`);
  return { source: r.source, doc: r.doc };
}

/** File position of the n-th occurrence of `needle` in the decoded search. */
function searchTokenPos(doc: SplunkDetectionDocument, needle: string, nth = 0): { line: number; column: number } {
  const s = doc.search;
  if (!s) throw new Error('no search');
  let at = -1;
  for (let i = 0; i <= nth; i++) at = s.text.indexOf(needle, at + 1);
  expect(at).toBeGreaterThanOrEqual(0);
  const loc = s.locate({ start: at, end: at + needle.length });
  return { line: loc.line, column: loc.column };
}

function findCompare(cmds: readonly SplCommand[], field: string): Extract<SearchExpr, { kind: 'compare' }> | undefined {
  const walk = (e: SearchExpr | null): Extract<SearchExpr, { kind: 'compare' }> | undefined => {
    if (!e) return undefined;
    if (e.kind === 'compare' && e.field.text === field) return e;
    if (e.kind === 'and' || e.kind === 'or') for (const i of e.items) { const f = walk(i); if (f) return f; }
    if (e.kind === 'not') return walk(e.item);
    return undefined;
  };
  for (const c of cmds) {
    const found = c.kind === 'search' ? walk(c.expr) : c.kind === 'tstats' ? walk(c.where) : undefined;
    if (found) return found;
  }
  return undefined;
}

describe('parseSplunkFile: typed fields', () => {
  it('reads the metadata, tags and drilldowns with their places', () => {
    const { doc } = mustRead('search-single-quoted-multiline.yml');
    expect(doc.name?.value).toBe('Single Quoted Search Over Lines');
    expect(doc.name?.loc).toEqual({ line: 1, column: 7, endLine: 1, endColumn: 38 });
    expect(doc.id?.value).toBe('11111111-2222-3333-4444-555555555555');
    expect(doc.version?.value).toBe(2);
    expect(doc.date?.value).toBe('2024-10-17');
    expect(doc.type?.value).toBe('TTP');
    expect(doc.status?.value).toBe('production');
    expect(doc.dataSource.map((d) => d.value)).toEqual(['Sysmon EventID 1', 'Windows Event Log Security 4688']);
    expect(doc.dataSource[1]?.loc.line).toBe(10);
    expect(doc.references).toHaveLength(2);
    expect(doc.tags.mitreAttackId.map((t) => t.value)).toEqual(['T1105', 'T1218.011']);
    expect(doc.tags.mitreAttackId[1]?.loc).toEqual({ line: 27, column: 5, endLine: 27, endColumn: 14 });
    expect(doc.tags.assetType.map((t) => t.value)).toEqual(['Endpoint']);
    expect(doc.tags.securityDomain?.value).toBe('endpoint');
    expect(doc.tags.confidence?.value).toBe(80);
    expect(doc.tags.riskScore?.value).toBe(56);
    expect(doc.tags.observable).toEqual([{ name: 'dest', type: 'Hostname', role: ['Victim'], loc: expect.objectContaining({ line: 36 }) }]);
    expect(doc.requiredFields.map((f) => f.value)).toEqual(['Processes.process_name']);
    expect(doc.drilldownSearches).toHaveLength(1);
    expect(doc.drilldownSearches[0]?.search?.text).toBe('%original_detection_search% | search  dest = "$dest$"');
    expect(doc.drilldownSearches[0]?.earliestOffset?.value).toBe('$info_min_time$');
  });

  it('reads rba and a data_source written as one string', () => {
    const { doc } = mustRead('search-block-literal.yml');
    expect(doc.dataSource.map((d) => d.value)).toEqual(['Sysmon EventID 1']);
    expect(doc.rba?.message?.value).toBe('rundll32 by ordinal on $dest$');
    expect(doc.rba?.riskObjects).toEqual([{ field: 'dest', type: 'system', score: 42, loc: expect.objectContaining({ line: 18 }) }]);
    expect(doc.rba?.threatObjects.map((t) => t.field)).toEqual(['process_name']);
    expect(doc.references).toEqual([]);
  });

  it('locates nodes and keys by path', () => {
    const { doc } = mustRead('search-single-quoted-multiline.yml');
    expect(doc.locate(['tags', 'mitre_attack_id', 1])).toEqual({ line: 27, column: 5, endLine: 27, endColumn: 14 });
    expect(doc.locateKey(['tags', 'mitre_attack_id'])).toEqual({ line: 25, column: 3, endLine: 25, endColumn: 18 });
    expect(doc.locateKey(['tags', 'mitre_attack_id', 0])?.line).toBe(26);
    expect(doc.locate(['tags', 'observable', 0, 'role', 0])?.line).toBe(39);
    expect(doc.locate(['tags', 'nope'])).toBeUndefined();
    expect(doc.locate(['references', 9])).toBeUndefined();
    expect(doc.data.tags).toMatchObject({ mitre_attack_id: ['T1105', 'T1218.011'] });
  });
});

describe('parseSplunkFile: search positions', () => {
  it('maps a token deep inside a multi-line single-quoted search to its file line and column', () => {
    const { doc } = mustRead('search-single-quoted-multiline.yml');
    expect(doc.searchLoc).toMatchObject({ line: 12, column: 9, endLine: 15 });
    expect(searchTokenPos(doc, '-urlcache')).toEqual({ line: 14, column: 23 });
    // `''` in the file is one `'` in the search.
    expect(doc.search?.text).toContain("user!='SYSTEM'");
    expect(searchTokenPos(doc, 'SYSTEM')).toEqual({ line: 15, column: 19 });
  });

  it('maps a parsed predicate through macro expansion back to the file', () => {
    const { doc } = mustRead('search-single-quoted-multiline.yml');
    const search = doc.search;
    if (!search) throw new Error('no search');
    const parsed = parseSplunkSearch(search.text, loadMacros(CORPUS_MACROS));
    expect(parsed.errors).toEqual([]);
    const cmp = findCompare(parsed.result.ast?.pipeline.commands ?? [], 'Processes.process');
    expect(cmp?.value.text).toBe('*-urlcache*');
    const original = parsed.expansion.toOriginalSpan(cmp?.value.span ?? { start: 0, end: 0 });
    expect(search.locate(original)).toEqual({ line: 14, column: 21, endLine: 14, endColumn: 34 });
  });

  it('maps tokens of a block literal search', () => {
    const { doc } = mustRead('search-block-literal.yml');
    expect(searchTokenPos(doc, 'ParentImage')).toEqual({ line: 13, column: 52 });
    const search = doc.search;
    if (!search) throw new Error('no search');
    const parsed = parseSplunkSearch(search.text, loadMacros(CORPUS_MACROS));
    expect(parsed.errors).toEqual([]);
    const cmp = findCompare(parsed.result.ast?.pipeline.commands ?? [], 'Image');
    expect(cmp?.value.text).toBe('*\\rundll32.exe');
    expect(search.locate(parsed.expansion.toOriginalSpan(cmp?.value.span ?? { start: 0, end: 0 }))).toMatchObject({ line: 12, column: 12 });
  });

  it('maps tokens of a double-quoted search with escapes and a line continuation', () => {
    const { doc } = mustRead('search-double-quoted.yml');
    expect(doc.search?.text).toBe('`wineventlog_security` EventCode=4688 NewProcessName="*\\\\mimikatz.exe"\n| stats count by dest');
    expect(searchTokenPos(doc, 'NewProcessName')).toEqual({ line: 4, column: 5 });
    expect(searchTokenPos(doc, 'stats')).toEqual({ line: 4, column: 45 });
  });
});

describe('parseSplunkFile: bad input', () => {
  it('reports malformed YAML as one fatal problem at the error', () => {
    const { doc, problems } = read('malformed-yaml.yml');
    expect(doc).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ checkId: 'parse-error', fatal: true, severity: 'error', loc: { line: 3, column: 20 } });
    expect(problems[0]?.message).toMatch(/^invalid YAML: /);
  });

  it('reports a duplicate key without failing, and the last value wins', () => {
    const { doc, problems } = read('duplicate-key.yml');
    expect(problems).toEqual([
      expect.objectContaining({ checkId: 'duplicate-key', loc: expect.objectContaining({ line: 3, column: 1 }) }),
    ]);
    expect(problems[0]?.fatal).toBeUndefined();
    expect(doc?.name?.value).toBe('Second Name');
    expect(doc?.data.name).toBe('Second Name');
    expect(doc?.locateKey(['name'])?.line).toBe(3);
  });

  it('rejects a document that is not a mapping', () => {
    const { doc, problems } = read('not-a-mapping.yml');
    expect(doc).toBeNull();
    expect(problems[0]).toMatchObject({ checkId: 'parse-error', fatal: true, loc: { line: 1, column: 1 } });
  });

  it('never throws on binary or empty input', () => {
    for (const text of ['', '\u0000\u0001\u0002', ': : :', 'search: [unclosed', '\t- x\n  y: z']) {
      const r = parseSplunkFile(new SourceText(text));
      expect(r.doc).toBeNull();
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]?.fatal).toBe(true);
    }
  });
});
