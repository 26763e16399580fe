import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ValueRow } from '../../src/index/corpus-index.js';
import { SourceText } from '../../src/model/location.js';
import { keyOf } from '../../src/model/normalize.js';
import type { Operator, RuleModel } from '../../src/model/rule.js';
import { splunkParser } from '../../src/parse/splunk/model.js';
import { exclusionSnippet } from '../../src/report/snippets/index.js';
import { FIXTURES } from '../helpers/paths.js';

const RAW = path.join(FIXTURES, 'splunk/detections/missing-common-exclusions/invalid-dll-sideloading-unfiltered.yml');
const TSTATS = path.join(FIXTURES, 'splunk/detections/missing-common-exclusions/invalid-token-tstats-unfiltered.yml');

function rule(file: string, text = readFileSync(file, 'utf8')): RuleModel {
  const parsed = splunkParser.parse(file, new SourceText(text), {});
  expect(parsed.problems).toEqual([]);
  return parsed.rules[0] as RuleModel;
}

/** A corpus row as the index keeps it: normalised (lower-case) value, with a Sigma example carrying the casing. */
function row(field: string, operator: Operator, value: string, written: string, example = value): ValueRow {
  const n = { field, operator, value: value.toLowerCase() };
  return { key: keyOf(n), ...n, rules: 5, refs: [], examples: { sigma: { field, written, operator, value: example } } };
}

const ROWS: ValueRow[] = [
  row('dll.path', 'starts_with', 'C:\\Program Files\\My "Agent"\\', 'ImageLoaded'),
  row('dll.path', 'ends_with', '\\agent.dll', 'ImageLoaded'),
  row('process.executable', 'eq', 'C:\\Windows\\explorer.exe', 'Image'),
  row('process.command_line', 'regex_match', '\\s-nop\\s', 'CommandLine'),
];

/** The search with the snippet's SPL (comment line dropped) inserted where the snippet says. */
function withSnippet(file: string, snippet: string, insertBefore: string): string {
  const spl = snippet.split('\n').slice(1).join(' ');
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(insertBefore);
  expect(at).toBeGreaterThan(0);
  return `${text.slice(0, at)} ${spl}${text.slice(at)}`;
}

describe('SPL exclusion snippets', () => {
  it('a raw search gets `| search NOT (…)` with \\ and " escaped, patterns as * wildcards, and a where per regex', () => {
    const snippet = exclusionSnippet(rule(RAW), ROWS);
    expect(snippet).toBe([
      '``` after the base search, before the first stats: ```',
      '| search NOT (ImageLoaded IN ("C:\\\\Program Files\\\\My \\"Agent\\"\\\\*", "*\\\\agent.dll") OR Image="C:\\\\Windows\\\\explorer.exe")',
      '| where NOT match(CommandLine, "\\\\s-nop\\\\s")',
    ].join('\n'));
  });

  it('pasted into the raw search, it parses back to exclusions with the corpus values', () => {
    const snippet = exclusionSnippet(rule(RAW), ROWS) ?? '';
    const pasted = rule(RAW, withSnippet(RAW, snippet, ' | stats'));
    const exclusions = pasted.predicates.filter((p) => p.role === 'exclusion').map((p) => `${p.field} ${p.operator} ${String(p.value)}`);
    expect(exclusions).toEqual([
      'dll.path in C:\\Program Files\\My "Agent"\\*',
      'dll.path in *\\agent.dll',
      'process.executable match C:\\Windows\\explorer.exe',
      'process.command_line regex_match \\s-nop\\s',
    ]);
  });

  it('a tstats search gets a NOT (…) for its where clause, with CIM fields under the dataset prefix; rows CIM cannot name are left out', () => {
    const snippet = exclusionSnippet(rule(TSTATS), ROWS) ?? '';
    expect(snippet).toBe([
      '``` in the tstats where clause, before "by": ```',
      'NOT (Processes.process_path="C:\\\\Windows\\\\explorer.exe")',
    ].join('\n'));
    const pasted = rule(TSTATS, withSnippet(TSTATS, snippet, ' by Processes.dest'));
    expect(pasted.predicates.filter((p) => p.role === 'exclusion').map((p) => `${p.fieldAsWritten} ${p.field} ${String(p.value)}`)).toEqual([
      'Processes.process_path process.executable C:\\Windows\\explorer.exe',
    ]);
  });

  it('a tstats search without a where clause gets one', () => {
    const text = readFileSync(TSTATS, 'utf8').replace(/ where .*? by /, ' by ');
    const snippet = exclusionSnippet(rule(TSTATS, text), ROWS) ?? '';
    expect(snippet).toBe(['``` after "from datamodel=…", before "by": ```', 'where NOT (Processes.process_path="C:\\\\Windows\\\\explorer.exe")'].join('\n'));
    const at = text.indexOf(' by Processes.dest');
    const pasted = rule(TSTATS, `${text.slice(0, at)} ${snippet.split('\n')[1] ?? ''}${text.slice(at)}`);
    expect(pasted.predicates.map((p) => `${p.role} ${p.field}`)).toEqual(['exclusion process.executable']);
  });
});
