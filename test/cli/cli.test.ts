import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { LintResult } from '../../src/engine/linter.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';

async function cli(args: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: FIXTURES, stdoutIsTTY: false });
    return { code, stdout, stderr };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const json = (out: string): LintResult[] => JSON.parse(out) as LintResult[];

describe('exit codes', () => {
  it('0 for a clean rule', async () => {
    const r = await cli(['sigma/valid-process-creation.yml']);
    expect(r).toMatchObject({ code: 0, stdout: '' });
  });

  it('0 with warnings, 1 when they exceed --max-warnings', async () => {
    expect((await cli(['drafts/sigma-powershell-download.yml'])).code).toBe(0);
    const r = await cli(['--max-warnings', '0', 'drafts/sigma-powershell-download.yml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('too many warnings (maximum: 0)');
  });

  it('1 for errors', async () => {
    expect((await cli(['sigma/technique-revoked/invalid-t1562-001.yml'])).code).toBe(1);
  });

  it('2 for usage and config errors, with one line and no stack trace', async () => {
    for (const args of [['--bogus', 'x.yml'], ['missing.yml'], ['--format', 'nope', 'x.yml'], ['--rule', 'no-such-check:warn', 'sigma/valid-process-creation.yml'], []]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^lint-rule: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('2 for an invalid config file, naming the problem', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-cli-'));
    writeFileSync(path.join(dir, 'bad.yml'), 'rules:\n  technique-missing: loud\n');
    const r = await cli(['--config', path.join(dir, 'bad.yml'), 'sigma/valid-process-creation.yml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid configuration');
  });
});

describe('bad input', () => {
  it('gives each bad file one fatal message with line and column and still lints the others', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-bad-'));
    const binary = path.join(dir, 'binary.yml');
    writeFileSync(binary, Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x0a, 0x00, 0x01, 0x02]));
    const huge = path.join(dir, 'huge.yml');
    writeFileSync(huge, `title: x\n${'# padding\n'.repeat(300_000)}`);
    const r = await cli(['--format', 'json', 'bad/malformed-yaml.yml', 'bad/empty.yml', 'bad/not-a-rule.yml', binary, huge, 'sigma/valid-process-creation.yml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const byFile = new Map(json(r.stdout).map((x) => [path.basename(x.filePath), x]));
    const fatal = (name: string) => byFile.get(name)!.messages.filter((m) => m.fatal);
    expect(fatal('malformed-yaml.yml')).toHaveLength(1);
    expect(fatal('malformed-yaml.yml')[0]).toMatchObject({ ruleId: 'parse-error', severity: 2, line: 5 });
    expect(fatal('empty.yml')[0]).toMatchObject({ message: 'file is empty', line: 1, column: 1 });
    expect(fatal('not-a-rule.yml')[0]?.message).toMatch(/not a Sigma rule/i);
    expect(fatal('binary.yml')[0]).toMatchObject({ line: 2, column: 1 });
    expect(fatal('binary.yml')[0]?.message).toMatch(/binary/);
    expect(fatal('huge.yml')[0]?.message).toMatch(/over the 2\.0 MiB limit/);
    expect(byFile.get('valid-process-creation.yml')!.messages).toEqual([]);
  });

  it('gives input built to exhaust a reader (an alias bomb, deep nesting) one fatal message, at once', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-deep-'));
    const deepYaml = path.join(dir, 'deep.yml');
    writeFileSync(deepYaml, `title: x\ndetection:\n  sel: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n  condition: sel\n`);
    const deepToml = path.join(dir, 'deep.toml');
    writeFileSync(deepToml, `[rule]\nname = "x"\nx = ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
    // In a child process with a time limit: expanding the aliases took minutes and gigabytes, which would stall the suite.
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/lint-rule.js'), '--format', 'json', 'fixtures/bad/yaml-alias-bomb.yml', deepYaml, deepToml], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(1);
    const byFile = new Map(json(r.stdout).map((x) => [path.basename(x.filePath), x.messages.filter((m) => m.fatal)]));
    expect(byFile.get('yaml-alias-bomb.yml')).toMatchObject([{ ruleId: 'parse-error', message: 'YAML: aliases expand to more than 10000 nodes', line: 7, column: 8 }]);
    // The reader's own limit, said once; not also the YAML package's stack overflow.
    expect(byFile.get('deep.yml')).toMatchObject([{ message: 'YAML: nesting deeper than 64 levels', line: 3 }]);
    expect(byFile.get('deep.toml')?.[0]?.message).toMatch(/^invalid TOML: too large for the TOML parser/);
  });

  it('reports a condition syntax error at its line and column', async () => {
    const r = await cli(['--format', 'json', 'bad/condition-syntax-error.yml']);
    const m = json(r.stdout)[0]!.messages.find((x) => x.ruleId === 'sigma-condition-syntax');
    expect(m).toMatchObject({ severity: 2, line: 16 });
    expect(m!.column).toBeGreaterThan(16);
  });
});

describe('formats and options', () => {
  it('json follows ESLint\'s formatter shape', async () => {
    const r = await cli(['--format', 'json', 'drafts/sigma-powershell-download.yml']);
    const [res] = json(r.stdout);
    expect(Object.keys(res!)).toEqual(expect.arrayContaining(['filePath', 'messages', 'errorCount', 'warningCount']));
    expect(res!.messages[0]).toMatchObject({ ruleId: 'noisy-indicators-only', severity: 1, line: 15, column: 25, endLine: 15 });
    expect(typeof res!.messages[0]!.endColumn).toBe('number');
  });

  it('stylish has no colour codes with --no-color or NO_COLOR, and has them with FORCE_COLOR', async () => {
    const file = 'drafts/sigma-powershell-download.yml';
    expect((await cli(['--no-color', file])).stdout).not.toMatch(/\x1b\[/);
    expect((await cli([file], { NO_COLOR: '1', FORCE_COLOR: undefined })).stdout).not.toMatch(/\x1b\[/);
    expect((await cli([file], { FORCE_COLOR: '1', NO_COLOR: undefined })).stdout).toMatch(/\x1b\[/);
    expect((await cli([file], { FORCE_COLOR: '1', NO_COLOR: undefined })).stdout).toContain('noisy-indicators-only');
  });

  it('--quiet drops warnings; --rule turns a check off', async () => {
    expect((await cli(['--quiet', 'drafts/sigma-powershell-download.yml'])).stdout).toBe('');
    const r = await cli(['--format', 'json', '--rule', 'noisy-indicators-only:off', 'drafts/sigma-powershell-download.yml']);
    expect(json(r.stdout)[0]!.messages).toEqual([]);
  });

  it('LINT_RULE_TIMING prints the time spent per check after the report, and nothing without it', async () => {
    const timed = await cli(['--format', 'json', 'drafts/sigma-powershell-download.yml'], { LINT_RULE_TIMING: '100' });
    expect(timed.stderr).toMatch(/^Check +\| Time \(ms\) \| Relative$/m);
    expect(timed.stderr).toMatch(/^\(read and parse\) +\| +\d+\.\d \|/m);
    expect(timed.stderr).toMatch(/^noisy-indicators-only +\| +\d+\.\d \|/m);
    expect(json(timed.stdout)[0]!.messages.length).toBeGreaterThan(0);
    expect((await cli(['--format', 'json', 'drafts/sigma-powershell-download.yml'], { LINT_RULE_TIMING: undefined })).stderr).not.toContain('Time (ms)');
  });

  it('honours suppression comments', async () => {
    const r = await cli(['--format', 'json', 'sigma/suppressed-noisy.yml']);
    expect(json(r.stdout)[0]!.messages.filter((m) => m.ruleId === 'noisy-indicators-only')).toEqual([]);
    const unsuppressed = await cli(['--format', 'json', 'sigma/noisy-indicators-only/invalid-powershell-image-only.yml']);
    expect(json(unsuppressed.stdout)[0]!.messages.filter((m) => m.ruleId === 'noisy-indicators-only')).toHaveLength(1);
  });
});

describe('explain', () => {
  it('prints the catalog page as JSON and Markdown', async () => {
    const j = await cli(['explain', 'T1102.002', '--format', 'json']);
    expect(j.code).toBe(0);
    const page = JSON.parse(j.stdout);
    expect(page.technique).toMatchObject({ id: 'T1102.002', name: 'Web Service: Bidirectional Communication' });
    expect(page.rulesByVendor.sigma.map((r: { title: string }) => r.title)).toContain('Telegram Bot API Request');
    const md = await cli(['explain', 'T1102.002', '--format', 'markdown']);
    expect(md.stdout).toMatch(/^# Web Service: Bidirectional Communication T1102\.002/);
    expect(md.stdout).toContain('Adversaries may use an existing, legitimate external Web service as a means for sending commands');
    expect(md.stdout).not.toContain('(Citation:');
    for (const section of ['## Events covered', '## Fields filtered most', '## Top indicator values', '## Exclusions', '## Rules under this technique', '### Sigma 4 rules']) expect(md.stdout).toContain(section);
  });

  it('says so for an id ATT&CK does not hold, and for a malformed one', async () => {
    expect(await cli(['explain', 'T1999'])).toMatchObject({ code: 1, stderr: 'lint-rule: T1999 is not in ATT&CK v19.0\n' });
    expect((await cli(['explain', 'X1'])).stderr).toContain('is not a technique id');
  });
});

describe('the built binary', () => {
  it('runs as users run it', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/lint-rule.js'), '--no-color', 'fixtures/drafts/sigma-dll-sideloading.yml'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('missing-common-exclusions');
    expect(r.stdout).toContain('filter_main_corpus_1:');
  });
});
