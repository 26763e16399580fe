import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { applyFixes } from '../../src/engine/fix.js';
import type { LintMessage } from '../../src/engine/linter.js';
import { FIXTURES } from '../helpers/paths.js';

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

const fixture = path.join(FIXTURES, 'fix', 'sigma-revoked-with-comments.yml');

describe('--fix', () => {
  it('rewrites a revoked technique tag in place and keeps every other byte, comments included', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-fix-'));
    const file = path.join(dir, 'draft.yml');
    copyFileSync(fixture, file);
    const before = readFileSync(file, 'utf8');
    const r = await cli(['--fix', '--format', 'json', '--rule', 'technique-revoked:error', file], dir);
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(before.replace("'attack.t1562.001'", "'attack.t1685'"));
    expect(JSON.parse(r.stdout)[0].messages.filter((m: LintMessage) => m.ruleId === 'technique-revoked')).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('--fix-dry-run prints a unified diff and leaves the file alone', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-fix-'));
    const file = path.join(dir, 'draft.yml');
    copyFileSync(fixture, file);
    const before = readFileSync(file, 'utf8');
    const r = await cli(['--fix-dry-run', '--no-color', file], dir);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(r.stdout).toContain("-    -   'attack.t1562.001'     # revoked in ATT&CK v19");
    expect(r.stdout).toContain("+    -   'attack.t1685'     # revoked in ATT&CK v19");
  });

  it('applies non-overlapping edits together and defers overlapping ones', () => {
    const m = (id: string, range: [number, number], text: string): LintMessage => ({ ruleId: id, severity: 2, message: id, line: 1, column: 1, endLine: 1, endColumn: 1, fix: [{ range, text }] });
    const out = applyFixes('abcdef', [m('a', [0, 2], 'XY'), m('b', [1, 3], 'ZZ'), m('c', [4, 6], '!')]);
    expect(out.output).toBe('XYcd!');
    expect(out.fixed.map((x) => x.ruleId)).toEqual(['a', 'c']);
  });
});

describe('init and --print-config', () => {
  it('init writes a commented config that loads, and refuses to overwrite it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-init-'));
    expect((await cli(['init'], dir)).code).toBe(0);
    expect(readFileSync(path.join(dir, 'lint-rule.config.yml'), 'utf8')).toMatch(/^# lint-rule configuration/);
    const again = await cli(['init'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    const printed = await cli(['--print-config', 'x.yml'], dir);
    expect(printed.code).toBe(0);
    const cfg = JSON.parse(printed.stdout);
    expect(cfg.configFile).toBe(path.join(dir, 'lint-rule.config.yml'));
    expect(cfg.rules['technique-revoked']).toBe('error');
    expect(cfg.ignored).toBe(false);
  });
});

describe('--cache', () => {
  it('reuses results of unchanged files and relints edited ones, under the same config only', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-cache-'));
    const file = path.join(dir, 'draft.yml');
    copyFileSync(path.join(FIXTURES, 'sigma', 'valid-process-creation.yml'), file);
    const location = path.join(dir, 'results.json');
    const run = async (...extra: string[]) => JSON.parse((await cli(['--cache', '--cache-location', location, '--format', 'json', ...extra, file], dir)).stdout)[0].messages as LintMessage[];
    expect(await run()).toEqual([]);
    const stored = JSON.parse(readFileSync(location, 'utf8'));
    expect(Object.keys(stored.files)).toEqual([file]);
    // A cached entry is only used for the same text: an edit is linted again.
    writeFileSync(file, readFileSync(file, 'utf8').replace('attack.t1059.001', 'attack.t1562.001'));
    expect((await run()).map((m) => m.ruleId)).toContain('technique-revoked');
    // A different config is a different cache.
    expect((await run('--rule', 'technique-revoked:off')).map((m) => m.ruleId)).not.toContain('technique-revoked');
    expect((await run()).map((m) => m.ruleId)).toContain('technique-revoked');
  });
});

describe('--fix for Sigma wildcards and duplicate tags', () => {
  it('moves wildcards into modifiers and drops the repeated tag line, keeping comments and quotes', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-fix-'));
    const file = path.join(dir, 'draft.yml');
    copyFileSync(path.join(FIXTURES, 'fix', 'sigma-wildcards-and-duplicate-tag.yml'), file);
    const before = readFileSync(file, 'utf8');
    await cli(['--fix', '--format', 'json', '--rule', 'sigma-wildcards-instead-of-modifiers:error', '--rule', 'sigma-duplicate-tag:error', file], dir);
    const expected = before
      .replace('    - attack.t1105   # pasted twice\n', '')
      .replace("Image: '*\\certutil.exe'", "Image|endswith: '\\certutil.exe'")
      .replace('CommandLine:', 'CommandLine|contains:')
      .replace("'*urlcache*'", "'urlcache'")
      .replace('"*verifyctl*"', '"verifyctl"');
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });
});
