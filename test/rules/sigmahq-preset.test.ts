import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunResources } from '../../src/cli/resources.js';
import { loadConfig } from '../../src/engine/config.js';
import { Linter } from '../../src/engine/linter.js';
import { ALL_CHECKS } from '../../src/rules/index.js';
import { enabledValidators, readSigmaCliConfig, sigmahqPreset } from '../../src/rules/sigma/sigmahq-preset.js';
import { SIGMAHQ_TESTS, SIGMAHQ_VALIDATORS } from '../../src/rules/sigmahq-validator-map.js';
import { lintWith } from '../helpers/rule-tester.js';
import { CORPUS, FIXTURES, ROOT } from '../helpers/paths.js';

const CUSTOM = path.join(FIXTURES, 'sigma', 'sigmahq', 'custom-ci');

describe('the sigmahq preset', () => {
  it('reads a sigma-cli config: validators with `-` removals, exclusions as lists, a repeated rule id replaces the earlier entry (as PyYAML does)', () => {
    const cli = readSigmaCliConfig(path.join(CUSTOM, 'sigma_cli_conf.yml'));
    expect(cli.validators).toEqual(['all', '-sigmahq_field_duplicate_value', '-escaped_wildcard']);
    expect(cli.exclusions).toEqual({
      '3d1c5a4e-8f2b-4c6d-9e7a-1b2c3d4e5f60': ['sigmahq_invalid_hash_kv'],
      '0b8f2a43-5c1e-4d7a-9f3b-2e6c8d1a4b70': ['sigmahq_mitre_link'],
    });
    const on = enabledValidators(cli.validators);
    expect(on.has('sigmahq_hash_kv')).toBe(false);
    expect(on.has('sigmahq_invalid_hash_kv')).toBe(true);
    expect(on.has('sigmahq_field_duplicate_value')).toBe(false);
    expect(on.has('dangling_detection')).toBe(true);
    // Validators the plugin version SigmaHQ's corpus is checked with does not have.
    expect(on.has('sigmahq_logsource_coherent')).toBe(false);
  });

  it('turns on the mapped checks at error level and the exclusions into overrides by rule id (settings.sigma.cliConfig)', () => {
    const preset = sigmahqPreset(ALL_CHECKS, { settings: { sigma: { cliConfig: path.join(CUSTOM, 'sigma_cli_conf.yml') } } });
    expect(preset.rules?.['sigmahq-hash-format']).toBe('error');
    expect(preset.rules?.['sigmahq-title-format']).toBe('error');
    // sigmahq_field_duplicate_value is removed, but test_look_for_duplicate_filters of test_rules.py still enforces it.
    expect(preset.rules?.['sigmahq-duplicate-value']).toBe('error');
    expect(preset.rules?.['sigma-escaped-wildcard']).toBeUndefined();
    expect(preset.rules?.['technique-unknown']).toBeUndefined();
    expect(preset.overrides).toEqual([
      { ids: ['3d1c5a4e-8f2b-4c6d-9e7a-1b2c3d4e5f60'], rules: { 'sigmahq-hash-format': 'off' } },
      { ids: ['0b8f2a43-5c1e-4d7a-9f3b-2e6c8d1a4b70'], rules: { 'sigmahq-mitre-link': 'off' } },
    ]);
  });

  it('by default reads SigmaHQ\'s tests/sigma_cli_conf.yml beside the corpus; an excluded rule is not reported by the excluded check', async () => {
    const config = loadConfig({ cwd: FIXTURES, checks: ALL_CHECKS, noLookup: true, preset: 'sigmahq' });
    expect(config.rules.get('sigmahq-of-selection-single')?.severity).toBe('off');
    expect(config.rules.get('sigmahq-hash-format')?.severity).toBe('error');
    const excluded = path.join(CORPUS, 'sigma', 'rules', 'windows', 'create_stream_hash', 'create_stream_hash_ads_executable.yml');
    // Without the exclusion the check reports the rule's `Hash|contains: 'IMPHASH='`…
    const [alone] = await lintWith([excluded], { 'sigmahq-hash-format': 'error' });
    expect(alone!.messages.filter((m) => m.ruleId === 'sigmahq-hash-format').length).toBe(1);
    // …with the preset, SigmaHQ's exclusion by rule id turns it off for that rule only.
    const linter = new Linter(config, ALL_CHECKS, new RunResources(config));
    const [r, other] = await linter.lintFiles([excluded, path.join(FIXTURES, 'sigma', 'sigmahq', 'proc_creation_win_hashes_malformed.yml')]);
    expect(r!.messages.filter((m) => m.ruleId === 'sigmahq-hash-format')).toEqual([]);
    expect(other!.messages.filter((m) => m.ruleId === 'sigmahq-hash-format').map((m) => m.line)).toEqual([20, 21, 22]);
  });

  it('settings.sigma.logsourceJson points the logsource and field checks at another reference (addon and common fields count)', async () => {
    const config = loadConfig({ cwd: FIXTURES, checks: ALL_CHECKS, noLookup: true, preset: 'strict' });
    for (const [id, e] of config.rules) config.rules.set(id, { ...e, severity: id.startsWith('sigmahq-logsource') || id.startsWith('sigmahq-field') ? 'error' : 'off' });
    const file = path.join(CUSTOM, 'acme_audit_unknown_field.yml');
    const withDefault = await new Linter(config, ALL_CHECKS, new RunResources(config)).lintFiles([file]);
    expect(withDefault[0]!.messages.map((m) => `${m.ruleId}:${m.line}`)).toEqual(['sigmahq-logsource-unknown:9']);
    config.settings = { sigma: { logsourceJson: path.join(CUSTOM, 'logsource.json') } };
    const withCustom = await new Linter(config, ALL_CHECKS, new RunResources(config)).lintFiles([file]);
    expect(withCustom[0]!.messages.map((m) => `${m.ruleId}:${m.line}:${m.message}`)).toEqual([
      "sigmahq-field-unknown:15:'usr' is not a field of the logsource (product: acme, category: -, service: audit) in SigmaHQ's logsource.json",
    ]);
  });
});

describe('the SigmaHQ maps and their parity page', () => {
  const byId = new Map(ALL_CHECKS.map((c) => [c.meta.id, c]));
  const doc = readFileSync(path.join(ROOT, 'docs', 'parity.md'), 'utf8');

  it('map every plugin validator and every CI test to a registered Sigma check (or to none, with a reason on the page)', () => {
    for (const [name, id] of [...Object.entries(SIGMAHQ_VALIDATORS), ...Object.entries(SIGMAHQ_TESTS)]) {
      if (id !== null) expect(byId.get(id)?.meta.vendors ?? ['sigma'], `${name} → ${id}`).toContain('sigma');
      const row = doc.split('\n').find((l) => l.startsWith('| `') && (l.split('|')[1] ?? '').includes(`\`${name}\``));
      if (name !== 'validate_sigma_schema' && name !== 'test_file_names_prefix' && name !== 'test_file_names_duplicate' && name !== 'test_fieldname_case_cast') {
        expect(row, `${name} has a row`).toBeDefined();
        expect(row).toContain(id === null ? '| — |' : `\`${id}\``);
      }
    }
  });

  it("know every plugin validator SigmaHQ's CI config names", () => {
    const conf = readFileSync(path.join(CORPUS, 'sigma', 'tests', 'sigma_cli_conf.yml'), 'utf8');
    const named = new Set([...conf.matchAll(/\b(sigmahq_[a-z0-9_]+)/g)].map((m) => m[1] as string));
    expect(named.size).toBeGreaterThan(5);
    for (const n of named) expect(SIGMAHQ_VALIDATORS, n).toHaveProperty(n);
  });

  it('every SigmaHQ, duplicate and logic check is registered and documented', () => {
    const mine = ALL_CHECKS.filter((c) => /^(sigmahq-|logic-|corpus-duplicate-|duplicate-detection$|near-duplicate$)/.test(c.meta.id));
    expect(mine.length).toBe(49);
    for (const c of mine) expect(c.meta.docs.length, c.meta.id).toBeGreaterThan(150);
  });
});
