import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { RULE_EXTENSIONS } from '../parse/index.js';

/** The commits a pull request (or push) spans. */
export interface CommitRange {
  base: string;
  head: string;
}

const NULL_SHA = /^0+$/;

/**
 * The range to diff, from the event payload the runner saved at
 * `$GITHUB_EVENT_PATH`: a pull request's base and head SHAs, or a push's
 * `before` and `after`. Undefined for other events, a push that created
 * the branch (its `before` is all zeros), or an unreadable payload.
 */
export function eventRange(eventPath: string | undefined): CommitRange | undefined {
  if (!eventPath) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(eventPath, 'utf8'));
  } catch {
    return undefined;
  }
  const event = payload as { pull_request?: { base?: { sha?: unknown }; head?: { sha?: unknown } }; before?: unknown; after?: unknown };
  const pr = event.pull_request;
  const base = pr ? pr.base?.sha : event.before;
  const head = pr ? pr.head?.sha : event.after;
  if (typeof base !== 'string' || typeof head !== 'string' || base === '' || head === '' || NULL_SHA.test(base)) return undefined;
  return { base, head };
}

/** Runs git in a folder without a shell; a failure throws with git's message. */
export type Git = (args: readonly string[], cwd: string) => string;

export const runGit: Git = (args, cwd) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });

export class ChangedFilesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChangedFilesError';
  }
}

/**
 * The rule files (.yml, .yaml, .toml) the range changes that still exist in
 * the workspace, as absolute paths, sorted. The diff is taken from the merge
 * base (`base...head`), so changes that landed on the base branch after the
 * pull request branched off are not counted; when the history is too
 * shallow for a merge base, the two commits are compared directly. Commits
 * missing from a shallow checkout are fetched from `origin` first.
 */
export function changedRuleFiles(workspace: string, range: CommitRange, git: Git = runGit): string[] {
  for (const sha of [range.base, range.head]) {
    if (hasCommit(git, workspace, sha)) continue;
    try {
      git(['fetch', '--no-tags', '--quiet', '--depth=1', 'origin', sha], workspace);
    } catch (err) {
      throw new ChangedFilesError(`commit ${sha} is not in the checkout and cannot be fetched (use actions/checkout with fetch-depth: 0): ${firstLine(err)}`);
    }
  }
  let out: string;
  try {
    out = git(['diff', '--name-only', '-z', '--diff-filter=ACMRT', `${range.base}...${range.head}`], workspace);
  } catch {
    try {
      out = git(['diff', '--name-only', '-z', '--diff-filter=ACMRT', range.base, range.head], workspace);
    } catch (err) {
      throw new ChangedFilesError(`git diff ${range.base} ${range.head} failed: ${firstLine(err)}`);
    }
  }
  const top = git(['rev-parse', '--show-toplevel'], workspace).trim();
  const files = out
    .split('\0')
    .filter((name) => name !== '' && isRuleFileName(name))
    .map((name) => path.resolve(top, name))
    .filter(isFile);
  return [...new Set(files)].sort();
}

function hasCommit(git: Git, cwd: string, sha: string): boolean {
  try {
    git(['cat-file', '-e', `${sha}^{commit}`], cwd);
    return true;
  } catch {
    return false;
  }
}

function isRuleFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return RULE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function firstLine(err: unknown): string {
  const e = err as { stderr?: string | Buffer; message?: string };
  const text = (e.stderr ? String(e.stderr) : '') || e.message || String(err);
  return text.trim().split('\n')[0] ?? '';
}
