import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES } from '../helpers/paths.js';
import { SourceText } from '../../src/model/location.js';
import type { Logic } from '../../src/model/logic.js';
import { lowerItem, parseSigmaFile, sigmaToLogic } from '../../src/parse/sigma/index.js';
import type { SigmaDocument } from '../../src/parse/sigma/index.js';

/** A compact rendering: `Field op "value"` with modifiers and case-sensitivity when set. */
function show(l: Logic | undefined): string {
  if (!l) return 'none';
  switch (l.kind) {
    case 'and':
    case 'or':
      return `${l.kind}(${l.items.map(show).join(', ')})`;
    case 'not':
      return `not(${show(l.item)})`;
    case 'opaque':
      return `opaque(${l.description})`;
    case 'cmp':
      return `${l.field || '*'} ${l.operator} ${JSON.stringify(l.value)}${l.modifiers ? ` [${l.modifiers.join('|')}]` : ''}${l.caseSensitive !== undefined ? ` cs=${l.caseSensitive}` : ''}`;
  }
}

function parseDoc(text: string): { doc: SigmaDocument; source: SourceText } {
  const source = new SourceText(text);
  const { documents } = parseSigmaFile(source);
  return { doc: documents[0] as SigmaDocument, source };
}

function rule(detection: string): string {
  return `title: t\nlogsource:\n  product: windows\ndetection:\n${detection}`;
}

describe('lowering detection items', () => {
  const source = new SourceText(fs.readFileSync(path.join(FIXTURES, 'parse/sigma/every-modifier.yml'), 'utf8'));
  const doc = parseSigmaFile(source).documents[0] as SigmaDocument;
  const lowered = (selection: string, key: string): string => {
    const it = doc.detection?.selections.get(selection)?.groups.flat().find((i) => i.key === key);
    if (!it) throw new Error(`no item ${key}`);
    return show(lowerItem(it, selection));
  };

  it.each([
    ['sel_strings', 'Image|endswith', 'Image ends_with "\\\\cmd.exe" [endswith]'],
    ['sel_strings', 'CommandLine|contains|all', 'and(CommandLine contains " /c " [contains|all], CommandLine contains "whoami" [contains|all])'],
    ['sel_strings', 'ParentImage|startswith', 'ParentImage starts_with "C:\\\\Windows\\\\" [startswith]'],
    ['sel_strings', 'OriginalFileName', 'OriginalFileName eq "Cmd.Exe"'],
    ['sel_strings', 'Description', 'Description wildcard "Windows*Processor"'],
    ['sel_strings', 'Product|contains', 'Product wildcard "*Micro*soft*" [contains]'],
    ['sel_encodings', 'CommandLine|base64offset|contains', 'CommandLine contains "IEX" [base64offset|contains]'],
    ['sel_encodings', 'ScriptBlockText|base64', 'ScriptBlockText eq "Invoke" [base64]'],
    ['sel_encodings', 'Payload|utf16le|base64offset|contains', 'Payload contains "cmd" [utf16le|base64offset|contains]'],
    ['sel_encodings', 'Data|utf16be|base64', 'Data eq "cmd" [utf16be|base64]'],
    ['sel_encodings', 'Data2|utf16|base64', 'Data2 eq "cmd" [utf16|base64]'],
    ['sel_encodings', 'Data3|wide|base64offset|contains', 'Data3 contains "cmd" [wide|base64offset|contains]'],
    ['sel_encodings', 'CommandLine|windash|contains', 'CommandLine contains "-nop" [windash|contains]'],
    ['sel_types', 'DestinationIp|cidr', 'DestinationIp cidr "10.0.0.0/8" [cidr]'],
    ['sel_types', 'CommandLine|re|i|m|s', 'CommandLine regex_match "^a.b$" [re|i|m|s] cs=false'],
    ['sel_types', 'Name|re|ignorecase|multiline|dotall', 'Name regex_match "x" [re|ignorecase|multiline|dotall] cs=false'],
    ['sel_types', 'User|cased', 'User eq "SYSTEM" [cased] cs=true'],
    ['sel_types', 'Hashes|exists', 'Hashes is_not_null null [exists]'],
    ['sel_types', 'Signature|exists', 'Signature is_null null [exists]'],
    ['sel_types', 'ParentUser', 'ParentUser is_null null'],
    ['sel_types', 'EventID|gt', 'EventID gt 4000 [gt]'],
    ['sel_types', 'EventID|gte', 'EventID gte 4001 [gte]'],
    ['sel_types', 'EventID|lt', 'EventID lt 5000 [lt]'],
    ['sel_types', 'EventID|lte', 'EventID lte 4999 [lte]'],
    ['sel_types', 'LogonType|neq', 'LogonType ne 3 [neq]'],
    ['sel_types', 'TargetUserName|neq', 'and(TargetUserName ne "admin" [neq], TargetUserName ne "root" [neq])'],
    ['sel_types', 'TargetUserName|fieldref', 'opaque(TargetUserName|fieldref: field reference to SubjectUserName)'],
    ['sel_types', 'Computer|expand', 'Computer eq "%DomainControllers%" [expand]'],
    ['sel_types', 'UtcTime|hour', 'UtcTime eq 3 [hour]'],
    ['sel_types', 'UtcTime|minute|gte', 'UtcTime gte 30 [minute|gte]'],
    ['sel_types', 'UtcTime|year', 'UtcTime eq 2024 [year]'],
    ['keywords_all', '|all', 'and(* contains "OabVirtualDirectory" [all], * contains " -ExternalUrl " [all])'],
  ])('%s: %s', (selection, key, expected) => {
    expect(lowered(selection, key)).toBe(expected);
  });

  it('puts each comparison at its value, or at the key for exists and null', () => {
    const logic = sigmaToLogic(doc);
    const cmps: { field: string; text: string; fieldText?: string }[] = [];
    const walk = (l: Logic): void => {
      if (l.kind === 'cmp') {
        const c = { field: l.field, text: source.text.slice(l.span.start, l.span.end) } as { field: string; text: string; fieldText?: string };
        if (l.fieldSpan) c.fieldText = source.text.slice(l.fieldSpan.start, l.fieldSpan.end);
        cmps.push(c);
      } else if (l.kind === 'not') walk(l.item);
      else if (l.kind === 'and' || l.kind === 'or') l.items.forEach(walk);
    };
    if (logic) walk(logic);
    expect(cmps.find((c) => c.field === 'Image')).toEqual({ field: 'Image', text: "'\\cmd.exe'", fieldText: 'Image' });
    expect(cmps.find((c) => c.field === 'Hashes')).toEqual({ field: 'Hashes', text: 'Hashes|exists', fieldText: 'Hashes' });
    expect(cmps.find((c) => c.field === 'ParentUser')).toEqual({ field: 'ParentUser', text: 'ParentUser', fieldText: 'ParentUser' });
    expect(cmps.find((c) => c.field === '' && c.text.includes('mimikatz'))).toEqual({ field: '', text: "'mimikatz'" });
    // `_helper` is never referenced by `1 of sel_*`, so it is not in the logic.
    expect(cmps.some((c) => c.field === 'Image' && c.text === "'x'")).toBe(false);
  });

  it('tags every comparison with its selection', () => {
    const logic = sigmaToLogic(doc);
    const groups = new Set<string>();
    const walk = (l: Logic): void => {
      if (l.kind === 'cmp') groups.add(l.group ?? '?');
      else if (l.kind === 'not') walk(l.item);
      else if (l.kind === 'and' || l.kind === 'or') l.items.forEach(walk);
    };
    if (logic) walk(logic);
    expect([...groups].sort()).toEqual(['keywords', 'keywords_all', 'sel_encodings', 'sel_list', 'sel_strings', 'sel_types']);
  });
});

describe('lowering conditions', () => {
  const sels = "  selection:\n    Image|endswith: '\\a.exe'\n  filter_main_x:\n    User: 'SYSTEM'\n  filter_main_y:\n    User: 'LOCAL SERVICE'\n  filter_optional_z:\n    Image: 'b'\n";

  it.each([
    ['selection and not filter_main_x', 'and(Image ends_with "\\\\a.exe" [endswith], not(User eq "SYSTEM"))'],
    ['selection and not 1 of filter_main_*', 'and(Image ends_with "\\\\a.exe" [endswith], not(or(User eq "SYSTEM", User eq "LOCAL SERVICE")))'],
    ['selection and not (filter_main_x or filter_optional_z)', 'and(Image ends_with "\\\\a.exe" [endswith], not(or(User eq "SYSTEM", Image eq "b")))'],
    ['1 of selection* and not 1 of filter_main_* and not 1 of filter_optional_*', 'and(Image ends_with "\\\\a.exe" [endswith], not(or(User eq "SYSTEM", User eq "LOCAL SERVICE")), not(Image eq "b"))'],
    ['all of filter_main_*', 'and(User eq "SYSTEM", User eq "LOCAL SERVICE")'],
    ['all of them', 'and(Image ends_with "\\\\a.exe" [endswith], User eq "SYSTEM", User eq "LOCAL SERVICE", Image eq "b")'],
    ['not 1 of filter_*', 'not(or(User eq "SYSTEM", User eq "LOCAL SERVICE", Image eq "b"))'],
    ['selection | count() by Computer > 5', 'Image ends_with "\\\\a.exe" [endswith]'],
  ])('%s', (condition, expected) => {
    const { doc } = parseDoc(rule(`${sels}  condition: ${condition}\n`));
    expect(show(sigmaToLogic(doc))).toBe(expected);
  });

  it('ORs a list of conditions', () => {
    const { doc } = parseDoc(rule(`${sels}  condition:\n    - selection\n    - filter_optional_z\n`));
    expect(show(sigmaToLogic(doc))).toBe('or(Image ends_with "\\\\a.exe" [endswith], Image eq "b")');
  });

  it('ORs the maps of a list and ANDs the items of a map', () => {
    const { doc } = parseDoc(rule("  sel:\n    - Image: 'a'\n      User: 'u'\n    - Image: 'b'\n    - 'free text'\n  condition: sel\n"));
    expect(show(sigmaToLogic(doc))).toBe('or(and(Image eq "a", User eq "u"), Image eq "b", * contains "free text")');
  });

  it('keeps escapes and wildcards apart', () => {
    const { doc } = parseDoc(rule("  sel:\n    A: 'lit\\*star'\n    B: 'C:\\\\*'\n    C: 'C:\\Windows\\'\n    D|contains: 'x\\*'\n    E|endswith: '*.exe'\n    F: 'a?c'\n  condition: sel\n"));
    expect(show(sigmaToLogic(doc))).toBe(
      'and(A eq "lit*star", B wildcard "C:\\\\\\\\*", C eq "C:\\\\Windows\\\\", D contains "x*" [contains], E ends_with ".exe" [endswith], F wildcard "a?c")',
    );
  });

  it('leaves out what a broken or dangling condition cannot say', () => {
    expect(sigmaToLogic(parseDoc(rule(`${sels}  condition: selection and\n`)).doc)).toBeUndefined();
    expect(show(sigmaToLogic(parseDoc(rule(`${sels}  condition: selection and not missing\n`)).doc))).toBe('Image ends_with "\\\\a.exe" [endswith]');
  });

  it('lowers filters and gives nothing for correlations', () => {
    const filter = parseDoc("title: f\nlogsource:\n  product: windows\nfilter:\n  rules:\n    - abc\n  selection:\n    User|startswith: 'adm_'\n  condition: not selection\n").doc;
    expect(show(sigmaToLogic(filter))).toBe('not(User starts_with "adm_" [startswith])');
    const corr = parseDoc('title: c\ncorrelation:\n  type: event_count\n  rules: [a]\n  timespan: 5m\n  condition:\n    gte: 3\n').doc;
    expect(corr.kind).toBe('correlation');
    expect(sigmaToLogic(corr)).toBeUndefined();
  });

  it('negates non-equality comparisons under neq', () => {
    const { doc } = parseDoc(rule("  sel:\n    Image|neq|endswith: '\\x.exe'\n    User|neq: null\n  condition: sel\n"));
    expect(show(sigmaToLogic(doc))).toBe('and(not(Image ends_with "\\\\x.exe" [neq|endswith]), User is_not_null null [neq])');
  });
});

describe('Sigma predicates: places', () => {
  it('read each place from the detection: value, field, the key of a presence test, none for a keyword', async () => {
    const { sigmaParser } = await import('../../src/parse/sigma/model.js');
    const text = [
      'title: t',
      'logsource: {category: process_creation, product: windows}',
      'detection:',
      '  sel:',
      '    Image|endswith: \\cmd.exe',
      '    CommandLine: null',
      '  kw:',
      '    - whoami',
      '  condition: sel or kw',
      '',
    ].join('\n');
    const rule = sigmaParser.parse('x.yml', new SourceText(text), {}).rules[0];
    const at = (l: { line: number; column: number; endLine: number; endColumn: number } | undefined): string =>
      l ? `${l.line}:${l.column}-${l.endLine}:${l.endColumn}` : 'undefined';
    expect(rule?.predicates.map((p) => [p.fieldAsWritten, p.operator, at(p.loc), at(p.fieldLoc)])).toEqual([
      ['Image', 'ends_with', '5:21-5:29', '5:5-5:10'],
      ['CommandLine', 'is_null', '6:5-6:16', '6:5-6:16'],
      ['', 'contains', '8:7-8:13', 'undefined'],
    ]);
  });
});
