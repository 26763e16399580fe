import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, SHARED } from '../helpers/paths.js';

/**
 * The pre-commit hook, tested with pre-commit itself: a throw-away repository
 * whose .pre-commit-config.yaml points at a git repository holding this
 * project's current tree (committed afresh, since the working tree may hold
 * uncommitted files), `pre-commit install`, then `git commit`.
 *
 * pre-commit installs the hook as its `language: node` does: `npm install`
 * in its clone, `npm pack`, `npm install -g` of the tarball into an isolated
 * node env. That needs the npm registry, and a `prepare` script that builds
 * dist/ (bin/lint-rule.js runs dist/cli/main.js).
 *
 * The snapshot is committed with fixed dates, so an unchanged tree has the
 * same SHA and pre-commit reuses the hook environment it installed before
 * (PRE_COMMIT_HOME is kept under .cache/, which git ignores).
 */
const WORK = path.join(ROOT, '.cache/pre-commit-test');
const SNAPSHOT = path.join(WORK, 'lint-rule');
const PRE_COMMIT_HOME = path.join(WORK, 'home');
const DRAFTS = path.join(FIXTURES, 'action/drafts');

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'lint-rule test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'lint-rule test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_AUTHOR_DATE: '2025-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2025-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

const env = (): NodeJS.ProcessEnv => ({ ...process.env, ...GIT_ENV, PRE_COMMIT_HOME, PRE_COMMIT_COLOR: 'never' });

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: env(), stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** Commits the project's tracked and untracked-but-not-ignored files, as they are now, into a repository of their own. */
function snapshotProject(): string {
  rmSync(SNAPSHOT, { recursive: true, force: true });
  mkdirSync(SNAPSHOT, { recursive: true });
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0');
  for (const f of files) {
    const from = path.join(ROOT, f);
    if (f === '' || !existsSync(from) || !statSync(from).isFile()) continue;
    mkdirSync(path.dirname(path.join(SNAPSHOT, f)), { recursive: true });
    copyFileSync(from, path.join(SNAPSHOT, f));
  }
  git(SNAPSHOT, 'init', '-q', '-b', 'main');
  git(SNAPSHOT, 'add', '-A');
  git(SNAPSHOT, 'commit', '-q', '--no-verify', '-m', 'snapshot of the working tree');
  return git(SNAPSHOT, 'rev-parse', 'HEAD');
}

function commit(repo: string, message: string): { status: number | null; output: string } {
  const r = spawnSync('git', ['commit', '-m', message], { cwd: repo, env: env(), encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

describe('pre-commit hook', () => {
  let repo: string;
  beforeAll(() => {
    if (!hasPreCommit) throw new Error('pre-commit is not installed (Debian: apt-get install pre-commit); this test runs the hook with it');
    const rev = snapshotProject();
    repo = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-pre-commit-'));
    git(repo, 'init', '-q', '-b', 'main');
    writeFileSync(path.join(repo, '.pre-commit-config.yaml'), `repos:\n  - repo: ${JSON.stringify(SNAPSHOT)}\n    rev: ${rev}\n    hooks:\n      - id: lint-rule\n`);
    // The hook's install has no ../shared beside it: the repository's config names the ATT&CK data and no corpus.
    writeFileSync(
      path.join(repo, 'lint-rule.config.yml'),
      [
        'corpus: []',
        'attack:',
        `  bundle: ${JSON.stringify(path.join(SHARED, 'attack/enterprise-attack.json'))}`,
        `  overlays: [${JSON.stringify(path.join(SHARED, 'attack/attack-v19-changes.json'))}]`,
        `  crosswalks: [${JSON.stringify(path.join(SHARED, 'attack/attack_v18_to_v19.yaml'))}]`,
        '',
      ].join('\n'),
    );
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'set up pre-commit');
    execFileSync('pre-commit', ['install'], { cwd: repo, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  });

  afterAll(() => {
    if (repo) rmSync(repo, { recursive: true, force: true });
  });

  it('the package builds dist/ when pre-commit installs it, without writing to npm pack\'s stdout', () => {
    // pre-commit runs `npm install` then `npm pack` in its clone and takes pack's whole stdout as the tarball's name.
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    expect(pkg.scripts?.prepare, 'package.json needs "prepare": "npm run build" so that the installed hook has dist/').toMatch(/\bbuild\b/);
    const npmrc = existsSync(path.join(ROOT, '.npmrc')) ? readFileSync(path.join(ROOT, '.npmrc'), 'utf8') : '';
    expect(npmrc, '.npmrc needs foreground-scripts=false, or npm pack prints the prepare banner on stdout').toMatch(/^\s*foreground-scripts\s*=\s*false\s*$/m);
  });

  it('blocks a commit of a draft with an error, with lint-rule\'s message, and lets a clean draft through', () => {
    const started = Date.now();
    mkdirSync(path.join(repo, 'rules'));
    copyFileSync(path.join(DRAFTS, 'bad-condition-reference.yml'), path.join(repo, 'rules/bad.yml'));
    git(repo, 'add', 'rules/bad.yml');
    const bad = commit(repo, 'add a bad draft');
    expect(bad.output).toMatch(/lint-rule\.+Failed/);
    expect(bad.output).toContain('rules/bad.yml');
    expect(bad.output).toMatch(/19:34\s+error\s+'filter_known_installers' is not a search identifier of this detection\s+sigma-condition-reference/);
    expect(bad.status).not.toBe(0);
    expect(git(repo, 'rev-list', '--count', 'HEAD')).toBe('1');

    // Unstaged, the bad draft stays in the working tree: only staged files are passed to the hook.
    git(repo, 'reset', '-q', '--', 'rules/bad.yml');
    copyFileSync(path.join(DRAFTS, 'clean-whoami-discovery.yml'), path.join(repo, 'rules/clean.yml'));
    git(repo, 'add', 'rules/clean.yml');
    const clean = commit(repo, 'add a clean draft');
    expect(clean.output).toMatch(/lint-rule\.+Passed/);
    expect(clean.status, clean.output).toBe(0);
    expect(git(repo, 'log', '-1', '--format=%s')).toBe('add a clean draft');
    console.info(`pre-commit hook test: ${((Date.now() - started) / 1000).toFixed(1)} s (hook environment ${existsSync(PRE_COMMIT_HOME) ? 'in' : 'not in'} ${PRE_COMMIT_HOME})`);
  }, 300_000);
});
