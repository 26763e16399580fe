import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SourceText } from '../../src/model/location.js';
import { parseSplunkFile } from '../../src/parse/splunk/document.js';
import { readYamlFast } from '../../src/parse/yaml/fast-reader.js';
import { parseYamlValue } from '../../src/parse/yaml/plain-value.js';

function outcome(read: (text: string) => unknown, text: string): unknown {
  try {
    return { value: read(text) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

describe('parseYamlValue gives what yaml.parse gives', () => {
  it.each([
    ['a macro', 'definition: (`sysmon` EventCode=1)\ndescription: x\nname: m\narguments:\n- a\n- b\n'],
    ['core schema scalars', 'a: 0x1F\nb: .inf\nc: ~\nd: 2024-01-01\ne: "1"\n'],
    ['a repeated key (an error)', 'name: a\nname: b\n'],
    ['malformed YAML', "definition: 'unclosed\nname: x\n"],
    ['two documents (an error)', 'a: 1\n---\nb: 2\n'],
    ['an empty text', ''],
    ['only a comment', '# nothing\n'],
    ['an explicit empty document', '---\n'],
    ['a file the fast reader leaves to the package', 'a: &x 1\nb: *x\n'],
  ])('%s', (_name, text) => {
    expect(outcome(parseYamlValue, text)).toEqual(outcome(parse, text));
  });
});

describe('keys longer than YAML allows', () => {
  it('are left to the package, which reports them', () => {
    expect(readYamlFast(`${'k'.repeat(1024)}: v\n`)).not.toBeNull();
    expect(readYamlFast(`${'k'.repeat(1025)}: v\n`)).toBeNull();
    expect(readYamlFast(`"${'k'.repeat(1023)}": v\n`)).toBeNull();
    const { doc, problems } = parseSplunkFile(new SourceText(`search: x\n${'k'.repeat(1100)}: v\n`));
    expect(doc).toBeNull();
    expect(problems.map((p) => [p.checkId, p.loc.line])).toEqual([['parse-error', 2]]);
  });
});

describe('Splunk detections outside the fast subset', () => {
  it('read the same with Windows line breaks, through the package', () => {
    const lf = "name: Test\nsearch: '| tstats count\n  where a=1'\ntags:\n  mitre_attack_id:\n  - T1059\n";
    const crlf = parseSplunkFile(new SourceText(lf.replace(/\n/g, '\r\n'))).doc;
    const plain = parseSplunkFile(new SourceText(lf)).doc;
    expect(crlf?.data).toEqual(plain?.data);
    expect(crlf?.tags.mitreAttackId.map((t) => t.loc)).toEqual(plain?.tags.mitreAttackId.map((t) => t.loc));
    expect(crlf?.search?.text).toBe('| tstats count where a=1');
    expect(crlf?.search?.locate({ start: 15, end: 20 })).toEqual({ line: 3, column: 3, endLine: 3, endColumn: 8 });
  });

  it('report a repeated key at its second place, keeping the last value', () => {
    const { doc, problems } = parseSplunkFile(new SourceText('name: a\nsearch: x\nname: b\n'));
    expect(doc?.name?.value).toBe('b');
    expect(problems.map((p) => [p.checkId, p.message, p.loc.line, p.loc.column])).toEqual([['duplicate-key', "duplicate key 'name': the last value is used", 3, 1]]);
  });
});
