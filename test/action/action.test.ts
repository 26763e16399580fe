import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync as makeTempDir, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../../src/action/run.js';
import { FIXTURES, ROOT, SHARED } from '../helpers/paths.js';

const ENTRY = path.join(ROOT, 'dist/action/main.js');
const DRAFTS = path.join(FIXTURES, 'action/drafts');
const BAD_ANNOTATION =
  "::error file=rules/bad-condition-reference.yml,line=19,col=34,endLine=19,endColumn=57,title=sigma-condition-reference::'filter_known_installers' is not a search identifier of this detection";

const tempDirs: string[] = [];
function mkdtempSync(prefix: string): string {
  const dir = makeTempDir(prefix);
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...GIT_ENV, HOME: cwd } }).trim();
}

function put(repo: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), text);
}

/**
 * A throw-away repository as a pull request leaves it: the base commit holds
 * the clean draft and the config; the head commit adds the bad draft and
 * touches a non-rule file.
 */
function makeRepo(): { repo: string; base: string; head: string } {
  const repo = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-action-'));
  git(repo, 'init', '-q', '-b', 'main');
  // The runner has no ../shared beside the action: the repository's config names the ATT&CK data.
  put(
    repo,
    'lint-rule.config.yml',
    [
      'attack:',
      `  bundle: ${JSON.stringify(path.join(SHARED, 'attack/enterprise-attack.json'))}`,
      `  overlays: [${JSON.stringify(path.join(SHARED, 'attack/attack-v19-changes.json'))}]`,
      `  crosswalks: [${JSON.stringify(path.join(SHARED, 'attack/attack_v18_to_v19.yaml'))}]`,
      '',
    ].join('\n'),
  );
  put(repo, 'README.md', '# detections\n');
  mkdirSync(path.join(repo, 'rules'));
  copyFileSync(path.join(DRAFTS, 'clean-whoami-discovery.yml'), path.join(repo, 'rules/clean-whoami-discovery.yml'));
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  const base = git(repo, 'rev-parse', 'HEAD');
  git(repo, 'checkout', '-q', '-b', 'feature');
  copyFileSync(path.join(DRAFTS, 'bad-condition-reference.yml'), path.join(repo, 'rules/bad-condition-reference.yml'));
  put(repo, 'README.md', '# detections\n\nNow with a temp-folder rule.\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'head');
  return { repo, base, head: git(repo, 'rev-parse', 'HEAD') };
}

interface RunnerFiles {
  env: Record<string, string>;
  output: string;
  summary: string;
}

/** The environment the runner gives the action's step: inputs, workspace, event payload, and the file commands' files. */
function runnerEnv(repo: string, range: { base: string; head: string }, inputs: Record<string, string>): RunnerFiles {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-runner-'));
  const output = path.join(tmp, 'github_output');
  const summary = path.join(tmp, 'step_summary');
  const event = path.join(tmp, 'event.json');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  writeFileSync(event, JSON.stringify({ action: 'synchronize', number: 7, pull_request: { number: 7, base: { ref: 'main', sha: range.base }, head: { ref: 'feature', sha: range.head } } }));
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_WORKSPACE: repo,
    GITHUB_EVENT_PATH: event,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return { env, output, summary };
}

/** Reads `$GITHUB_OUTPUT` the way the runner does: `name<<delimiter` blocks. */
function readOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] as string);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i] as string);
    out[m[1] as string] = value.join('\n');
  }
  return out;
}

/** Runs the compiled entry point exactly as action.yml does: `node dist/action/main.js` in the workspace. */
function runEntry(files: RunnerFiles, cwd: string): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('INPUT_') || k.startsWith('GITHUB_')) delete env[k];
  const r = spawnSync(process.execPath, [ENTRY], { cwd, env: { ...env, ...files.env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('GitHub Action entry point, run as the runner runs it', () => {
  let pr: ReturnType<typeof makeRepo>;
  beforeAll(() => {
    if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run "npm run build" first (npm test does)`);
    pr = makeRepo();
  });

  it('annotates the bad draft, summarises, sets outputs, and fails the step on the error', () => {
    const files = runnerEnv(pr.repo, pr, { paths: 'rules', 'fail-on': 'error', 'sarif-file': 'reports/lint-rule.sarif' });
    expect(files.env['INPUT_FAIL-ON']).toBe('error');
    const run = runEntry(files, pr.repo);

    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations.filter((l) => l.startsWith('::error'))).toEqual([BAD_ANNOTATION]);
    // Whatever else the checks say, nothing is reported on the clean draft.
    expect(run.stdout).not.toContain('clean-whoami-discovery.yml');
    const warnings = annotations.filter((l) => l.startsWith('::warning')).length;
    expect(run.status, run.stderr).toBe(1);

    expect(readOutputs(files.output)).toEqual({ errors: '1', warnings: String(warnings), files: '2', 'sarif-file': 'reports/lint-rule.sarif' });

    const summary = readFileSync(files.summary, 'utf8');
    expect(summary).toMatch(/^## lint-rule\n\n❌ \*\*\d+ problems?\*\* \(1 error, \d+ warnings?\) in 1 of 2 files\.\n/);
    expect(summary).toContain('### `rules/bad-condition-reference.yml`');
    expect(summary).toMatch(/\| 19:34 \| ❌ error \| .*sigma-condition-reference.* \| 'filter\\_known\\_installers' is not a search identifier of this detection \|/);
    expect(summary).not.toContain('clean-whoami-discovery');

    const sarif = JSON.parse(readFileSync(path.join(pr.repo, 'reports/lint-rule.sarif'), 'utf8')) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toContain('rules/bad-condition-reference.yml');
  });

  it('only-changed lints only the rule files the pull request changes', () => {
    const files = runnerEnv(pr.repo, pr, { paths: '.', 'only-changed': 'true', 'fail-on': 'never' });
    const run = runEntry(files, pr.repo);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split('\n')).toContain(BAD_ANNOTATION);
    expect(readOutputs(files.output)).toMatchObject({ errors: '1', files: '1' });
    // README.md changed too, but is not a rule file; the clean draft did not change.
    expect(readFileSync(files.summary, 'utf8')).toContain('in 1 of 1 file.');
  });

  it('only-changed on a shallow checkout fetches the base commit and still finds the changed file', () => {
    const shallow = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-shallow-'));
    git(shallow, 'clone', '-q', '--depth=1', '--branch', 'feature', `file://${pr.repo}`, '.');
    expect(() => git(shallow, 'cat-file', '-e', `${pr.base}^{commit}`)).toThrow();
    const files = runnerEnv(shallow, pr, { paths: 'rules', 'only-changed': 'true' });
    const run = runEntry(files, shallow);
    expect(readOutputs(files.output), run.stdout + run.stderr).toMatchObject({ errors: '1', files: '1' });
    expect(run.status).toBe(1);
  });
});

describe('runAction', () => {
  let pr: ReturnType<typeof makeRepo>;
  beforeAll(() => {
    pr = makeRepo();
  });

  const run = async (inputs: Record<string, string>, repo = pr.repo): Promise<{ code: number; stdout: string; stderr: string; files: RunnerFiles }> => {
    const files = runnerEnv(repo, pr, inputs);
    let stdout = '';
    let stderr = '';
    const code = await runAction(files.env, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr, files };
  };

  it('fail-on decides whether problems fail the step', async () => {
    expect((await run({ paths: 'rules', 'fail-on': 'error' })).code).toBe(1);
    expect((await run({ paths: 'rules', 'fail-on': 'never' })).code).toBe(0);
    copyFileSync(path.join(DRAFTS, 'warn-no-technique.yml'), path.join(pr.repo, 'rules/warn-no-technique.yml'));
    const warnOnly = await run({ paths: 'rules/warn-no-technique.yml', 'fail-on': 'error' });
    expect(warnOnly.stdout).toMatch(/^::warning file=rules\/warn-no-technique.yml,line=1,col=8,.*title=technique-missing::/m);
    expect(warnOnly.code).toBe(0);
    expect((await run({ paths: 'rules/warn-no-technique.yml', 'fail-on': 'warning' })).code).toBe(1);
  });

  it('a folder named like a CLI command (rules) is linted, not run as the command', async () => {
    const r = await run({ paths: 'rules' });
    expect(r.stdout).toContain(BAD_ANNOTATION);
  });

  it('a bad input value fails the step with an annotation, before linting', async () => {
    const r = await run({ paths: 'rules', 'fail-on': 'sometimes' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('::error title=lint-rule::input "fail-on" must be one of error, warning, never, got "sometimes"\n');
    expect(readFileSync(r.files.summary, 'utf8')).toContain('lint-rule could not run');
  });

  it('a path that does not exist fails the step with lint-rule\'s message', async () => {
    const r = await run({ paths: 'no-such-folder' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('::error title=lint-rule::no such file or folder: ./no-such-folder\n');
  });

  it('a config error fails the step with the CLI\'s whole message', async () => {
    put(pr.repo, 'bad-config.yml', 'extends: no-such-preset\nrules:\n  no-such-check: error\n');
    const r = await run({ paths: 'rules', config: 'bad-config.yml' });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^::error title=lint-rule::.*bad-config\.yml.*no-such-preset/);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stdout).not.toContain('--help');
  });

  it('with no changed rule file, lints nothing and says so', async () => {
    const repo = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-nochange-'));
    git(repo, 'init', '-q', '-b', 'main');
    put(repo, 'rules/a.yml', 'title: a\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'base');
    const base = git(repo, 'rev-parse', 'HEAD');
    put(repo, 'README.md', 'docs only\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'docs');
    const files = runnerEnv(repo, { base, head: git(repo, 'rev-parse', 'HEAD') }, { paths: '.', 'only-changed': 'true' });
    let stdout = '';
    const code = await runAction(files.env, { stdout: (t) => (stdout += t), stderr: () => {} });
    expect(code).toBe(0);
    expect(stdout).toBe('lint-rule: no changed rule files to lint\n');
    expect(readOutputs(files.output)).toEqual({ errors: '0', warnings: '0', files: '0', 'sarif-file': '' });
    expect(readFileSync(files.summary, 'utf8')).toContain('No rule files changed');
  });
});
