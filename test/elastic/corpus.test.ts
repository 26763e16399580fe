import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RunResources } from '../../src/cli/resources.js';
import type { RuleSetting } from '../../src/engine/config-file.js';
import { loadConfig, type Config } from '../../src/engine/config.js';
import { Linter, type LintMessage } from '../../src/engine/linter.js';
import { aggregateTechnique } from '../../src/index/aggregate.js';
import { indexRule } from '../../src/index/build.js';
import type { CorpusIndex, IndexedRule } from '../../src/index/corpus-index.js';
import { SourceText } from '../../src/model/location.js';
import { fieldOfKey } from '../../src/model/normalize.js';
import type { RuleModel } from '../../src/model/rule.js';
import { elasticParser } from '../../src/parse/elastic/model.js';
import { sigmaParser } from '../../src/parse/sigma/model.js';
import { buildCatalogPage } from '../../src/report/catalog/page.js';
import { catalogText } from '../../src/report/catalog/text.js';
import { ALL_CHECKS } from '../../src/rules/index.js';
import { FIXTURES, ROOT, SHARED } from '../helpers/paths.js';

/**
 * The corpus index these tests read is built (once) into a cache of their
 * own, from the default corpus: the Elastic rules must be in it as the
 * Elastic model builder reads them today.
 */
const CACHE = path.join(ROOT, '.cache', 'test-elastic');

let config: Config;
let resources: RunResources;
let index: CorpusIndex;

beforeAll(async () => {
  config = { ...loadConfig({ cwd: FIXTURES, checks: ALL_CHECKS, noLookup: true, preset: 'strict' }), cacheDir: CACHE };
  resources = new RunResources(config);
  const opened = await resources.openIndex({ quietProgress: true });
  if (!opened) throw new Error(`no corpus index: ${resources.notices.join('; ')}`);
  index = opened;
});

/** Lints one fixture with only the given checks on. */
async function lint(file: string, rules: Record<string, RuleSetting>, settings: Config['settings'] = config.settings): Promise<LintMessage[]> {
  const only = loadConfig({ cwd: FIXTURES, checks: ALL_CHECKS, noLookup: true, preset: 'strict', ruleOverrides: rules });
  for (const [id, entry] of only.rules) if (!(id in rules)) only.rules.set(id, { ...entry, severity: 'off' });
  const linter = new Linter({ ...config, rules: only.rules, settings }, ALL_CHECKS, resources);
  const [result] = await linter.lintFiles([path.join(FIXTURES, 'elastic', file)]);
  expect(linter.internalErrors).toEqual([]);
  return result?.messages ?? [];
}

/** The rule titles the seed catalog page lists under a vendor heading (`Elastic 10 rules`). */
function seedTitles(vendor: string): string[] {
  const lines = readFileSync(path.join(SHARED, 'seed/catalog-page-T1102.002.txt'), 'utf8').split('\n');
  const start = lines.findIndex((l) => new RegExp(`^${vendor} \\d+ rules$`).test(l));
  const out: string[] = [];
  for (let i = start + 1; i < lines.length && (lines[i] as string).startsWith('- '); i++) out.push((lines[i] as string).slice(2).trim());
  return out;
}

describe('lint-rule explain T1102.002 with Elastic rules in the index', () => {
  it('lists the Elastic rules the seed page names, beside the Sigma ones', () => {
    const page = buildCatalogPage('T1102.002', resources.attack(), index);
    const elastic = (page?.rulesByVendor.elastic ?? []).map((r) => r.title);
    const sigma = (page?.rulesByVendor.sigma ?? []).map((r) => r.title);
    const seedElastic = seedTitles('Elastic');
    expect(seedElastic).toHaveLength(10);
    expect(elastic).toEqual(expect.arrayContaining(seedElastic));
    expect(sigma).toEqual(expect.arrayContaining(seedTitles('Sigma')));
    const text = catalogText(page!, { top: 20, color: false });
    for (const title of seedElastic) expect(text).toContain(title);
  });

  it('covers the seed page’s events, Sysmon 22 (DNS query) among them', () => {
    const page = buildCatalogPage('T1102.002', resources.attack(), index);
    expect(page?.events.map((e) => e.key).sort()).toEqual(['esf:NOTIFY_WRITE', 'security:4688', 'sysmon:1', 'sysmon:22', 'sysmon:3']);
    const dns = page?.events.find((e) => e.key === 'sysmon:22');
    expect(dns).toMatchObject({ provider: 'Sysmon', label: 'Event ID 22' });
    expect(dns?.rules).toBeGreaterThanOrEqual(2);
  });

  it('shows the fields and exclusions of command_and_control_common_webservices.toml in its sections', () => {
    const page = buildCatalogPage('T1102.002', resources.attack(), index);
    const own = index.rulesOf('T1102.002').find((r) => r.file === 'elastic/rules/windows/command_and_control_common_webservices.toml') as IndexedRule;
    expect(own.vendor).toBe('elastic');
    const fields = new Set(page?.fields.map((f) => f.field));
    for (const p of own.predicates) if (!p.negated) expect(fields, fieldOfKey(p.key)).toContain(fieldOfKey(p.key));
    expect(fields).toContain('dns.question.name');
    expect(fields).toContain('process.code_signature.subject_name');
    const exclusions = own.predicates.filter((p) => p.role === 'exclusion');
    expect(exclusions.length).toBeGreaterThan(50);
    for (const p of exclusions) {
      const row = page?.exclusions.find((r) => r.key === p.key);
      expect(row?.refs, p.key).toContain(own.ref);
    }
    const program = page?.exclusions.find((r) => r.field === 'process.executable' && r.value === '?:\\program files\\*.exe');
    expect(program?.examples.elastic?.value).toBe('?:\\Program Files\\*.exe');
  });
});

describe('corpus-aware checks on Elastic drafts, with snippets in the draft’s language', () => {
  const snippetOf = (m: LintMessage | undefined): string | undefined => m?.suggestions?.[0]?.snippet;

  it('missing-common-exclusions on a KQL draft writes a KQL `and not (…)` filter', async () => {
    const messages = await lint('draft-rundll32-network-kql.toml', { 'missing-common-exclusions': 'error' });
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['missing-common-exclusions', 10]]);
    const m = messages[0];
    expect(m?.message).toMatch(/^excludes none of the false positives that T1218 rules reading Sysmon Event ID 3 \(Network connection\) commonly exclude:/);
    expect(snippetOf(m)).toMatch(/^and not \(destination\.ip : \("10\.0\.0\.0\/8" or "127\.0\.0\.0\/8" or /);
    expect(m?.message).toContain(snippetOf(m));
  });

  it('missing-common-exclusions on an EQL draft writes `and not field : (…)` lines', async () => {
    const messages = await lint('draft-dll-sideload-eql.toml', { 'missing-common-exclusions': 'error' });
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['missing-common-exclusions', 10]]);
    const snippet = snippetOf(messages[0]) ?? '';
    expect(snippet.split('\n').length).toBeGreaterThan(1);
    for (const line of snippet.split('\n')) expect(line).toMatch(/^and not dll\.code_signature\.status : /);
    expect(snippet).toContain('"errorCode_endpoint*"');
  });

  it('missing-common-exclusions on an ES|QL draft writes `AND NOT field LIKE (…)` with ES|QL quoting', async () => {
    const messages = await lint('draft-token-esql.toml', { 'missing-common-exclusions': 'error' });
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['missing-common-exclusions', 9]]);
    expect(snippetOf(messages[0])).toMatch(/^AND NOT process\.executable LIKE \("""\?:\\\\Windows\\\\System32\\\\WerFault\.exe""", /);
  });

  it('missing-common-exclusions is quiet when the draft excludes a common exclusion', async () => {
    expect(await lint('draft-dll-sideload-eql-filtered.toml', { 'missing-common-exclusions': 'error' })).toEqual([]);
  });

  it('noisy-indicators-only fires on a draft that relies on the PowerShell process name alone', async () => {
    const messages = await lint('draft-powershell-only-kql.toml', { 'noisy-indicators-only': 'error' });
    expect(messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['noisy-indicators-only', 11, 49]]);
    expect(messages[0]?.message).toMatch(/process\.name eq 'powershell\.exe': in \d{3} corpus rules/);
    expect(await lint('draft-dll-sideload-eql.toml', { 'noisy-indicators-only': 'error' })).toEqual([]);
  });
});

describe('one index row across vendors', () => {
  const SIGMA = `title: X Started
id: 2b6f7e51-3c4d-4e5f-8a9b-0c1d2e3f4a5b
status: test
description: Sigma form of the same indicator.
tags:
    - attack.execution
    - attack.t1059
logsource:
    category: process_creation
    product: windows
detection:
    selection:
        Image|endswith: '\\x.exe'
    condition: selection
level: low
`;

  it('Sigma Image|endswith: \'\\x.exe\' and ECS process.name : "X.exe" are one indicator, reached by both rules', () => {
    const attack = resources.attack();
    const sigma = sigmaParser.parse('x.yml', new SourceText(SIGMA), {}).rules[0] as RuleModel;
    const file = path.join(FIXTURES, 'elastic/cross-vendor-process-name.toml');
    const elastic = elasticParser.parse(file, new SourceText(readFileSync(file, 'utf8')), {}).rules[0] as RuleModel;
    const rules = [indexRule(sigma, 'sigma/x.yml', 0, attack), indexRule(elastic, 'elastic/x.toml', 1, attack)];
    const key = (r: IndexedRule): string | undefined => r.predicates.find((p) => p.role === 'indicator')?.key;
    expect(key(rules[0] as IndexedRule)).toBe(key(rules[1] as IndexedRule));
    const reach = (k: string): number => rules.filter((r) => r.predicates.some((p) => p.key === k && p.role === 'indicator')).length;
    const agg = aggregateTechnique('T1059', rules, reach);
    const row = agg.indicators.find((r) => r.field === 'process.name');
    expect(row).toMatchObject({ operator: 'eq', value: 'x.exe', rules: 2 });
    expect(reach(row!.key)).toBe(2);
    expect(row?.examples.sigma).toMatchObject({ written: 'Image', operator: 'ends_with', value: '\\x.exe' });
    expect(row?.examples.elastic).toMatchObject({ written: 'process.name', operator: 'match', value: 'X.exe' });
    expect(agg.events.map((e) => [e.key, e.rules])).toEqual(expect.arrayContaining([['sysmon:1', 2], ['security:4688', 2]]));
  });
});

describe('settings.elastic.ecsSchema reaches the Elastic parser', () => {
  it('a configured schema replaces the one found beside the rules; one that holds no schema silences field-unknown', async () => {
    const etc = path.join(SHARED, 'corpus/elastic/detection_rules/etc');
    const withSchema = await lint('field-not-in-ecs.toml', { 'field-unknown': 'error' }, { elastic: { ecsSchema: etc } });
    expect(withSchema.map((m) => m.line)).toEqual([12, 13]);
    expect(await lint('field-not-in-ecs.toml', { 'field-unknown': 'error' }, { elastic: { ecsSchema: path.join(FIXTURES, 'elastic') } })).toEqual([]);
  });
});
