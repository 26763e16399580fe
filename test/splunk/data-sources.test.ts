import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadDataSources, scanDataSource } from '../../src/parse/splunk/data-sources.js';
import { CORPUS, FIXTURES } from '../helpers/paths.js';

const DATA_SOURCES = path.join(CORPUS, 'splunk/data_sources');

describe('data source objects', () => {
  it('the line scanner reads name, fields and CIM mappings of every corpus data source exactly as the YAML parser does', () => {
    const files = readdirSync(DATA_SOURCES).filter((f) => f.endsWith('.yml'));
    expect(files.length).toBeGreaterThan(200);
    let scanned = 0;
    for (const f of files) {
      const text = readFileSync(path.join(DATA_SOURCES, f), 'utf8');
      const info = scanDataSource(text, f);
      if (!info) continue;
      scanned++;
      const data = parseYaml(text) as { name: string; fields?: string[]; field_mappings?: { data_model?: string; data_set?: string; mapping?: Record<string, string> }[] };
      expect(info.name, f).toBe(data.name);
      expect(info.fields, f).toEqual(data.fields);
      const cim = new Map<string, string[]>();
      for (const m of data.field_mappings ?? []) {
        if (m.data_model === 'cim' && m.data_set && m.mapping) cim.set(m.data_set, [...(cim.get(m.data_set) ?? []), ...Object.values(m.mapping)]);
      }
      expect(Object.fromEntries(info.datamodelFields), f).toEqual(Object.fromEntries(cim));
    }
    // Every file security_content generated is read without the YAML parser.
    expect(scanned).toBe(files.length);
  });

  it('leaves YAML it does not expect to the parser', () => {
    expect(scanDataSource('name: X\nfields: [a, b]\n', 'x.yml')).toBeUndefined();
    expect(scanDataSource('name: X\nfields:\n- &anchor a\n', 'x.yml')).toBeUndefined();
    expect(scanDataSource('fields:\n- a\n', 'x.yml')).toBeUndefined();
    expect(scanDataSource("name: 'It''s'\nfields:\n- \"a b\"\n- c\n", 'x.yml')).toEqual({ name: "It's", file: 'x.yml', fields: ['a b', 'c'], datamodelFields: new Map() });
  });

  it('finds a data source by name, whatever the case, also when its file name cannot be guessed', () => {
    const table = loadDataSources(DATA_SOURCES);
    expect(table.get('sysmon eventid 1')?.fields).toContain('CommandLine');
    expect(table.get('Sysmon EventID 1')?.datamodelFields.get('Endpoint.Processes')).toContain('Processes.process_path');
    // Its file is o365_add_member_to_role_.yml.
    expect(table.get('O365 Add member to role.')?.name).toBe('O365 Add member to role.');
    expect(table.get('No Such Source')).toBeUndefined();
    expect(loadDataSources(path.join(FIXTURES, 'splunk/no-such-folder')).get('Sysmon EventID 1')).toBeUndefined();
  });
});
