import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineCheck, type Check } from '../../src/engine/check.js';
import { configForFile, isIgnored, loadConfig } from '../../src/engine/config.js';
import { ConfigError } from '../../src/engine/config-file.js';

const checks: Check[] = [
  defineCheck({ meta: { id: 'alpha-check', description: 'a', defaultSeverity: 'warn', recommended: true, docs: '' } }),
  defineCheck({ meta: { id: 'beta-check', description: 'b', defaultSeverity: 'error', recommended: false, docs: '' } }),
  defineCheck({
    meta: {
      id: 'gamma-check', description: 'g', defaultSeverity: 'warn', recommended: true, docs: '',
      schema: { type: 'object', additionalProperties: false, properties: { min: { type: 'integer', minimum: 1 } } },
      defaultOptions: { min: 3 },
    },
  }),
] as Check[];

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const severities = (rules: Map<string, { severity: string }>): Record<string, string> => Object.fromEntries([...rules].map(([k, v]) => [k, v.severity]));

describe('loadConfig', () => {
  it('defaults to the recommended preset when there is no config file', () => {
    const cfg = loadConfig({ cwd: project({}), checks, noLookup: true });
    expect(severities(cfg.rules)).toEqual({ 'alpha-check': 'warn', 'beta-check': 'off', 'gamma-check': 'warn' });
  });

  it('strict turns on every check at its default severity', () => {
    const cfg = loadConfig({ cwd: project({}), checks, noLookup: true, preset: 'strict' });
    expect(severities(cfg.rules)).toEqual({ 'alpha-check': 'warn', 'beta-check': 'error', 'gamma-check': 'warn' });
  });

  it('finds the nearest config upwards, merges severities and options, resolves paths from its folder', () => {
    const dir = project({
      'lint-rule.config.yml': 'extends: recommended\ncorpus: [corpus/sigma]\nrules:\n  alpha-check: error\n  gamma-check: [1, { min: 7 }]\n  beta-check: 2\n',
      'rules/x/.keep': '',
    });
    const cfg = loadConfig({ cwd: path.join(dir, 'rules/x'), checks });
    expect(cfg.file).toBe(path.join(dir, 'lint-rule.config.yml'));
    expect(severities(cfg.rules)).toEqual({ 'alpha-check': 'error', 'beta-check': 'error', 'gamma-check': 'warn' });
    expect(cfg.rules.get('gamma-check')?.options).toEqual({ min: 7 });
    expect(cfg.corpus).toEqual([path.join(dir, 'corpus/sigma')]);
  });

  it('applies per-glob overrides in order and honours ignores', () => {
    const dir = project({
      'lint-rule.config.json': JSON.stringify({
        ignores: ['**/deprecated/**'],
        overrides: [
          { files: 'rules/windows/**', rules: { 'alpha-check': 'off' } },
          { files: ['*.toml'], excludedFiles: 'rules/keep/**', rules: { 'beta-check': 'warn' } },
        ],
      }),
    });
    const cfg = loadConfig({ cwd: dir, checks });
    expect(severities(configForFile(cfg, path.join(dir, 'rules/windows/a.yml')).rules)['alpha-check']).toBe('off');
    expect(severities(configForFile(cfg, path.join(dir, 'rules/linux/a.yml')).rules)['alpha-check']).toBe('warn');
    expect(severities(configForFile(cfg, path.join(dir, 'rules/x/a.toml')).rules)['beta-check']).toBe('warn');
    expect(severities(configForFile(cfg, path.join(dir, 'rules/keep/a.toml')).rules)['beta-check']).toBe('off');
    expect(isIgnored(cfg, path.join(dir, 'rules/deprecated/a.yml'))).toBe(true);
    expect(isIgnored(cfg, path.join(dir, 'rules/a.yml'))).toBe(false);
  });

  it('applies overrides by rule id, whatever the file', () => {
    const dir = project({
      'lint-rule.config.yml': 'overrides:\n  - ids: [021310D9-30a6-480a-84b7-eaa69aeb92bb]\n    rules:\n      alpha-check: off\n',
    });
    const cfg = loadConfig({ cwd: dir, checks });
    expect(severities(configForFile(cfg, path.join(dir, 'a.yml'), '021310d9-30a6-480a-84b7-eaa69aeb92bb').rules)['alpha-check']).toBe('off');
    expect(severities(configForFile(cfg, path.join(dir, 'a.yml'), 'another-id').rules)['alpha-check']).toBe('warn');
    expect(severities(configForFile(cfg, path.join(dir, 'a.yml')).rules)['alpha-check']).toBe('warn');
  });

  it('rejects what the schema does not allow, naming the property', () => {
    const dir = project({ 'lint-rule.config.yml': 'rulez: {}\n' });
    expect(() => loadConfig({ cwd: dir, checks })).toThrow(/has unknown property "rulez"/);
  });

  it('rejects an unknown check with a did-you-mean, and bad options against the check schema', () => {
    expect(() => loadConfig({ cwd: project({ 'lint-rule.config.yml': 'rules:\n  alpha-chek: warn\n' }), checks })).toThrow(/unknown check "alpha-chek" \(did you mean "alpha-check"\?\)/);
    expect(() => loadConfig({ cwd: project({ 'lint-rule.config.yml': 'rules:\n  gamma-check: [warn, { min: 0 }]\n' }), checks })).toThrow(/invalid options for "gamma-check"/);
  });

  it('reports YAML syntax errors with line and column', () => {
    const dir = project({ 'lint-rule.config.yml': 'rules:\n  alpha-check: [warn\n' });
    expect(() => loadConfig({ cwd: dir, checks })).toThrow(ConfigError);
    expect(() => loadConfig({ cwd: dir, checks })).toThrow(/lint-rule\.config\.yml:\d+:\d+:/);
  });

  it('reports YAML the package refuses to expand as a config error, not an internal one', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');
    const dir = project({ 'lint-rule.config.yml': `${bomb}\n` });
    expect(() => loadConfig({ cwd: dir, checks })).toThrow(ConfigError);
    expect(() => loadConfig({ cwd: dir, checks })).toThrow(/lint-rule\.config\.yml: invalid YAML: Excessive alias count/);
  });

  it('rejects an unknown preset', () => {
    expect(() => loadConfig({ cwd: project({}), checks, noLookup: true, preset: 'recomended' })).toThrow(/unknown preset "recomended" \(did you mean "recommended"\?\)/);
  });
});
