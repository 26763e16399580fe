import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/engine/config.js';
import { SourceText } from '../../src/model/location.js';
import { EmbeddedText } from '../../src/parse/embedded.js';
import { analyzeSearch } from '../../src/parse/splunk/analyze-search.js';
import { createMacroTable } from '../../src/parse/splunk/macros.js';
import { ALL_CHECKS } from '../../src/rules/index.js';
import { SPLUNK_PARITY_CHECKS } from '../../src/rules/splunk-parity-checks.js';
import * as values from '../../src/rules/splunk/contentctl-values.js';
import { resultFieldsOf } from '../../src/rules/splunk/result-fields.js';
import { contentctlRiskScore } from '../../src/rules/splunk/risk-score.js';
import { contentFileStem } from '../../src/rules/splunk/splunk-doc.js';
import { lintWith } from '../helpers/rule-tester.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';

const D = 'splunk/parity/detections';

describe('the splunk preset', () => {
  const config = loadConfig({ cwd: FIXTURES, checks: ALL_CHECKS, noLookup: true, preset: 'splunk' });

  it('turns on what contentctl enforces as errors, with the options that mirror it', () => {
    const sev = (id: string): string | undefined => config.rules.get(id)?.severity;
    for (const id of ['splunk-schema', 'splunk-filter-macro', 'splunk-filename-mismatch', 'splunk-drilldown', 'splunk-duplicate', 'technique-unknown', 'parse-error']) {
      expect(sev(id), id).toBe('error');
    }
    expect(config.rules.get('splunk-mitre-parent-and-sub')?.options).toEqual({ legacy: false });
    expect(config.rules.get('splunk-rba-fields')?.options).toEqual({ productionOnly: true });
    // contentctl only warns, or does not check at all: lint-rule's own findings stay warnings.
    for (const id of ['splunk-data-source-unknown', 'splunk-drilldown-field', 'splunk-filter-macro-position', 'splunk-risk-score-mismatch', 'splunk-macro-unknown']) {
      expect(sev(id), id).toBe('warn');
    }
    expect(sev('sigma-schema')).toBe('off');
    expect(sev('splunk-required-fields')).toBe('off');
  });

  it('finds nothing at all in the two valid detections (both formats)', async () => {
    const only = Object.fromEntries([...config.rules].filter(([, e]) => e.severity !== 'off').map(([id, e]) => [id, [e.severity, e.options] as ['error' | 'warn', Record<string, unknown>]]));
    const results = await lintWith([`${D}/valid_legacy_detection.yml`, `${D}/valid_rba_detection.yml`], only);
    expect(results.flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)} ${m.ruleId} ${m.message}`))).toEqual([]);
  });
});

describe('docs/parity.md (Splunk)', () => {
  const all = readFileSync(path.join(ROOT, 'docs', 'parity.md'), 'utf8');
  // The Splunk section: from its heading to the end of the page.
  const doc = all.slice(all.indexOf("## Parity with Splunk contentctl's validation"));
  const named = new Set<string>();
  for (const row of doc.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| contentctl validation'))) {
    const cell = row.split(' | ')[1] ?? '';
    for (const m of cell.matchAll(/`([a-z0-9-]+)`/g)) named.add(m[1] as string);
  }

  it('names only checks that exist, and every check of the Splunk parity set', () => {
    const ids = new Set(ALL_CHECKS.map((c) => c.meta.id));
    expect([...named].filter((id) => !ids.has(id))).toEqual([]);
    expect(SPLUNK_PARITY_CHECKS.map((c) => c.meta.id).filter((id) => !named.has(id))).toEqual([]);
  });

  it('every check the preset turns on has a row', () => {
    const config = loadConfig({ cwd: FIXTURES, checks: ALL_CHECKS, noLookup: true, preset: 'splunk' });
    const on = [...config.rules].filter(([, e]) => e.severity !== 'off').map(([id]) => id);
    expect(on.filter((id) => !named.has(id))).toEqual([]);
  });
});

describe('contentctl values', () => {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'rules-schema', 'splunk-detection.schema.json'), 'utf8')) as {
    properties: Record<string, { enum?: string[] }>;
    definitions: Record<string, { properties: Record<string, { enum?: string[]; items?: { enum?: string[]; properties?: Record<string, { enum?: string[] }> } }> }>;
  };
  const defs = schema.definitions;

  it('the JSON schema lists the same enum values as the checks', () => {
    expect(schema.properties.type?.enum).toEqual(values.ANALYTICS_TYPES);
    expect(schema.properties.status?.enum).toEqual(values.DETECTION_STATUSES);
    expect(defs.tags?.properties.asset_type?.enum).toEqual(values.ASSET_TYPES);
    expect(defs.tags?.properties.security_domain?.enum).toEqual(values.SECURITY_DOMAINS);
    expect(defs.tags?.properties.product?.items?.enum).toEqual(values.PRODUCTS);
    expect(defs.observable?.properties.type?.enum).toEqual(values.OBSERVABLE_TYPES);
    expect(defs.observable?.properties.role?.items?.enum).toEqual(values.OBSERVABLE_ROLES);
    expect(defs.rba?.properties.risk_objects?.items?.properties?.type?.enum).toEqual(values.RISK_OBJECT_TYPES);
    expect(defs.rba?.properties.threat_objects?.items?.properties?.type?.enum).toEqual(values.THREAT_OBJECT_TYPES);
  });

  it('the risk score rounds halves to even, as Python does', () => {
    expect(contentctlRiskScore(50, 5)).toBe(2);
    expect(contentctlRiskScore(50, 7)).toBe(4);
    expect(contentctlRiskScore(75, 75)).toBe(56);
    expect(contentctlRiskScore(100, 100)).toBe(100);
  });

  it('file stems as contentctl derives them', () => {
    expect(contentFileStem('Windows AD Replication Request Initiated from Unsanctioned Location')).toBe('windows_ad_replication_request_initiated_from_unsanctioned_location');
    expect(contentFileStem('Windows Steal Authentication Certificates - ESC1 Abuse')).toBe('windows_steal_authentication_certificates___esc1_abuse');
    expect(contentFileStem('Detect .NET/WMI v1.2')).toBe('detect__net_wmi_v1_2');
  });
});

describe('result fields of a search', () => {
  const macros = createMacroTable([]);
  const fields = (spl: string) => {
    const source = new SourceText(spl);
    return resultFieldsOf(analyzeSearch(EmbeddedText.identity(source, 0, spl), macros));
  };

  it('tstats and drop_dm_object_name, then eval, rex and lookup outputs', () => {
    const r = fields('| tstats count min(_time) as firstTime from datamodel=Endpoint.Processes by Processes.dest Processes.user | `drop_dm_object_name(Processes)` | eval risk=1 | rex field=user "(?<domain>[^\\\\]+)" | lookup users user OUTPUT department as dept');
    expect(r.known).toBe(true);
    expect(r.names).toEqual(['count', 'firstTime', 'dest', 'user', 'risk', 'domain', 'dept']);
    expect(r.has('Processes.dest')).toBe(false);
  });

  it('renames, table globs and removals', () => {
    const r = fields('index=x | stats values(a) as a count by host | rename host as dest | table dest a* count | fields - count');
    expect(r.known).toBe(true);
    expect([r.has('dest'), r.has('a'), r.has('abc'), r.has('count'), r.has('host')]).toEqual([true, true, true, false, false]);
  });

  it('a join adds the fields of its subsearch', () => {
    const r = fields('| tstats count from datamodel=Endpoint.Processes by Processes.dest | `drop_dm_object_name(Processes)` | join dest [| tstats count from datamodel=Endpoint.Filesystem by Filesystem.dest Filesystem.file_path | `drop_dm_object_name(Filesystem)` | fields dest file_path]');
    expect(r.known).toBe(true);
    expect(r.has('file_path')).toBe(true);
  });

  it('is unknown on raw events, after a lookup without OUTPUT, a timechart by, or an unknown command', () => {
    expect(fields('index=x EventCode=1 | search user=*').known).toBe(false);
    expect(fields('index=x | stats count by user | lookup users user').known).toBe(false);
    expect(fields('index=x | timechart count by user').known).toBe(false);
    expect(fields('index=x | stats count by user | xyseries user a b').known).toBe(false);
    expect(fields('index=x | stats count by src | iplocation src').has('Country')).toBe(true);
  });
});
