import { describe, expect, it } from 'vitest';
import type { RowExample, ValueRow } from '../../src/index/corpus-index.js';
import { SourceText } from '../../src/model/location.js';
import { normalizePredicate, predicateKey } from '../../src/model/normalize.js';
import type { Operator, Predicate, RuleModel, Vendor } from '../../src/model/rule.js';
import { elasticParser } from '../../src/parse/elastic/model.js';
import { exclusionSnippet } from '../../src/report/snippets/index.js';

/** A corpus row as the index would hold it, from one vendor's predicate as written. */
function row(vendor: Vendor, field: string, written: string, operator: Operator, value: string): ValueRow {
  const n = normalizePredicate({ field, operator, value });
  const example: RowExample = { field, written, operator, value };
  return { key: predicateKey({ field, operator, value }), field: n.field, operator: n.operator, value: n.value, rules: 5, refs: [], examples: { [vendor]: example } };
}

const ROWS: ValueRow[] = [
  // Sigma `Image|endswith: '\WerFault.exe'`: normalised to process.name, written in ECS.
  row('sigma', 'process.executable', 'Image', 'ends_with', '\\WerFault.exe'),
  row('elastic', 'process.executable', 'process.executable', 'wildcard', '?:\\Program Files (x86)\\*\\Update.exe'),
  row('sigma', 'dll.path', 'ImageLoaded', 'starts_with', 'C:\\Windows\\System32\\'),
  row('splunk', 'process.command_line', 'Processes.process', 'contains', 'IEX (New-Object "Net.WebClient")'),
  row('sigma', 'destination.ip', 'DestinationIp', 'cidr', '10.0.0.0/8'),
  row('elastic', 'destination.ip', 'destination.ip', 'cidr', '192.168.0.0/16'),
  row('elastic', 'registry.data.strings', 'registry.data.strings', 'is_null', ''),
];

const REGEX_ROW = row('sigma', 'process.command_line', 'CommandLine', 'regex_match', '\\s-e(nc)?\\s');

const QUERIES = {
  kuery: { type: 'query', query: 'event.category:process and process.name:"rundll32.exe"' },
  eql: { type: 'eql', query: 'process where process.name : "rundll32.exe"' },
  esql: { type: 'esql', query: 'FROM logs-endpoint.events.process-*\n| WHERE process.name == "rundll32.exe"' },
} as const;

function toml(language: keyof typeof QUERIES, query: string): string {
  return [
    '[rule]',
    'name = "Snippet round trip"',
    `type = "${QUERIES[language].type}"`,
    `language = "${language}"`,
    "query = '''",
    query,
    "'''",
    '',
  ].join('\n');
}

function draft(language: keyof typeof QUERIES, query = QUERIES[language].query): RuleModel {
  const parsed = elasticParser.parse('draft.toml', new SourceText(toml(language, query)), {});
  expect(parsed.problems).toEqual([]);
  return parsed.rules[0] as RuleModel;
}

/** The draft with the snippet appended, read back by lint-rule's own parser. */
function roundTrip(language: keyof typeof QUERIES, rows: ValueRow[]): { snippet: string; exclusions: Predicate[] } {
  const snippet = exclusionSnippet(draft(language), rows) ?? '';
  const rule = draft(language, `${QUERIES[language].query}\n${snippet}`);
  return { snippet, exclusions: rule.predicates.filter((p) => p.role === 'exclusion') };
}

describe('exclusion snippets in the draft’s own language', () => {
  it('KQL: one `and not (…)` group that reads back as the same rows', () => {
    const { snippet, exclusions } = roundTrip('kuery', ROWS);
    expect(snippet).toBe(
      [
        'and not (',
        '  process.name : "WerFault.exe" or',
        '  process.executable : ?\\:\\\\Program Files \\(x86\\)\\\\*\\\\Update.exe or',
        '  dll.path : C\\:\\\\Windows\\\\System32\\\\* or',
        '  process.command_line : *IEX \\(New-Object \\"Net.WebClient\\"\\)* or',
        '  destination.ip : ("10.0.0.0/8" or "192.168.0.0/16") or',
        '  not registry.data.strings : *',
        ')',
      ].join('\n'),
    );
    // `not field : *` inside the group is a negated is_not_null: the same test as is_null.
    const keys = exclusions.filter((p) => !p.negated).map(predicateKey);
    expect(keys).toEqual(ROWS.slice(0, 6).map((r) => r.key));
    const nullTest = exclusions.find((p) => p.negated);
    expect(nullTest).toMatchObject({ field: 'registry.data.strings', operator: 'is_not_null' });
  });

  it('KQL leaves out what it cannot say (regular expressions)', () => {
    expect(exclusionSnippet(draft('kuery'), [REGEX_ROW])).toBe('');
    expect(roundTrip('kuery', [ROWS[0] as ValueRow, REGEX_ROW]).snippet).toBe('and not (process.name : "WerFault.exe")');
  });

  it('KQL breaks keywords inside unquoted values so Kibana does not read them as operators', () => {
    const r = row('sigma', 'process.command_line', 'CommandLine', 'contains', 'copy a or b');
    const { snippet, exclusions } = roundTrip('kuery', [r]);
    expect(snippet).toBe('and not (process.command_line : *copy a?or b*)');
    expect(exclusions).toHaveLength(1);
    expect(exclusions[0]).toMatchObject({ operator: 'wildcard', value: '*copy a?or b*' });
  });

  it('EQL: `and not field : (…)` lines, escaped EQL strings, regex~ and cidrMatch', () => {
    const { snippet, exclusions } = roundTrip('eql', [...ROWS, REGEX_ROW]);
    expect(snippet).toBe(
      [
        'and not process.name : "WerFault.exe"',
        'and not process.executable : "?:\\\\Program Files (x86)\\\\*\\\\Update.exe"',
        'and not dll.path : "C:\\\\Windows\\\\System32\\\\*"',
        'and not process.command_line : "*IEX (New-Object \\"Net.WebClient\\")*"',
        'and not cidrMatch(destination.ip, "10.0.0.0/8", "192.168.0.0/16")',
        'and not registry.data.strings == null',
        'and not process.command_line regex~ "\\\\s-e(nc)?\\\\s"',
      ].join('\n'),
    );
    expect(exclusions.map(predicateKey)).toEqual([...ROWS, REGEX_ROW].map((r) => r.key));
  });

  it('EQL uses startsWith~ where the value itself holds a wildcard character', () => {
    const r = row('sigma', 'file.path', 'TargetFilename', 'starts_with', 'C:\\Temp\\?\\');
    const { snippet, exclusions } = roundTrip('eql', [r]);
    expect(snippet).toBe('and not startsWith~(file.path, "C:\\\\Temp\\\\?\\\\")');
    expect(exclusions.map(predicateKey)).toEqual([r.key]);
  });

  it('ES|QL: `AND NOT field IN/LIKE …` lines; LIKE patterns in triple quotes keep Windows paths readable', () => {
    const { snippet, exclusions } = roundTrip('esql', [...ROWS, REGEX_ROW]);
    expect(snippet).toBe(
      [
        'AND NOT process.name == "WerFault.exe"',
        'AND NOT process.executable LIKE """?:\\\\Program Files (x86)\\\\*\\\\Update.exe"""',
        'AND NOT dll.path LIKE """C:\\\\Windows\\\\System32\\\\*"""',
        'AND NOT process.command_line LIKE """*IEX (New-Object "Net.WebClient")*"""',
        'AND NOT CIDR_MATCH(destination.ip, "10.0.0.0/8", "192.168.0.0/16")',
        'AND NOT registry.data.strings IS NULL',
        'AND NOT process.command_line RLIKE """\\s-e(nc)?\\s"""',
      ].join('\n'),
    );
    expect(exclusions.map(predicateKey)).toEqual([...ROWS, REGEX_ROW].map((r) => r.key));
  });

  it('ES|QL escapes LIKE wildcards that are meant literally, and lists several values', () => {
    const rows = [
      row('elastic', 'file.name', 'file.name', 'eq', 'setup.exe'),
      row('elastic', 'file.name', 'file.name', 'eq', 'Install.exe'),
      row('sigma', 'file.path', 'TargetFilename', 'contains', '\\Temp\\*'),
    ];
    const { snippet, exclusions } = roundTrip('esql', rows);
    expect(snippet).toBe(['AND NOT file.name IN ("setup.exe", "Install.exe")', 'AND NOT file.path LIKE """*\\\\Temp\\\\\\**"""'].join('\n'));
    expect(exclusions.slice(0, 2).map(predicateKey)).toEqual(rows.slice(0, 2).map((r) => r.key));
    // The ES|QL lowering resolves LIKE escapes so values compare across vendors; a literal `*` then reads as a wildcard.
    expect(exclusions[2]).toMatchObject({ operator: 'wildcard', value: '*\\Temp\\**' });
  });

  it('writes the casing corpus rules use, and a field as the Elastic example spells it', () => {
    const r = row('elastic', 'process.name', 'process.name.caseless', 'eq', 'OneDrive.exe');
    expect(exclusionSnippet(draft('eql'), [r])).toBe('and not process.name.caseless : "OneDrive.exe"');
  });
});
