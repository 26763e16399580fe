import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, runCli } from '../cli/main.js';
import { listFiles } from '../engine/file-list.js';
import type { LintResult } from '../engine/linter.js';
import { escapeCommandData, github } from '../report/formatters/github.js';
import { markdown } from '../report/formatters/markdown.js';
import { sarif } from '../report/formatters/sarif.js';
import type { FormatterContext } from '../report/formatters/types.js';
import { plural } from '../report/formatters/compact.js';
import { ALL_CHECKS } from '../rules/index.js';
import { changedRuleFiles, eventRange } from './changed-files.js';
import { readInputs, type ActionEnv, type ActionInputs } from './inputs.js';
import { appendOutputs, appendSummary } from './workflow-files.js';

export interface ActionIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Set by the Action's entry point only: the process is lint-rule's own (see CliIO.ownProcess). */
  ownProcess?: boolean;
}

interface Totals {
  errors: number;
  warnings: number;
  files: number;
}

/**
 * The GitHub Action: reads its inputs from `INPUT_*`, lints in-process with
 * the CLI (so config lookup, presets, ignores and exit codes are the CLI's),
 * then annotates the run through workflow commands on stdout, appends a
 * Markdown summary to `$GITHUB_STEP_SUMMARY`, optionally writes SARIF, and
 * sets the `errors`, `warnings`, `files` outputs. Returns the exit code:
 * 0, 1 when `fail-on` says the problems found fail the step, 2 when lint-rule
 * could not run (bad input, config or internal error).
 */
export async function runAction(env: ActionEnv, io: ActionIO): Promise<number> {
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  if (env.GITHUB_ACTIONS !== 'true') io.stderr('lint-rule action: GITHUB_ACTIONS is not "true"; writing workflow commands to stdout anyway\n');

  let inputs: ActionInputs;
  let files: string[];
  try {
    inputs = readInputs(env);
    files = selectFiles(inputs, env, workspace, io);
  } catch (err) {
    return failToRun(io, env, (err as Error).message);
  }

  if (files.length === 0) {
    io.stdout('lint-rule: no changed rule files to lint\n');
    finish(env, inputs, { errors: 0, warnings: 0, files: 0 }, '## lint-rule\n\nNo rule files changed in this pull request.\n');
    return EXIT_OK;
  }

  let stdout = '';
  let stderr = '';
  const code = await runCli(cliArguments(inputs, files), {
    cwd: workspace,
    ...(io.ownProcess ? { ownProcess: true } : {}),
    stdout: (t) => (stdout += t),
    stderr: (t) => {
      stderr += t;
      io.stderr(t);
    },
  });
  let results: LintResult[];
  try {
    results = JSON.parse(stdout) as LintResult[];
  } catch {
    return failToRun(io, env, cliFailure(stderr) || `lint-rule exited with code ${code}`);
  }
  for (const r of results) if (r.messages.length > 0) r.source ??= readText(r.filePath);

  const ctx: FormatterContext = { cwd: workspace, repoRoot: workspace, checks: ALL_CHECKS, color: false };
  io.stdout(github(results, ctx));
  const totals: Totals = {
    errors: results.reduce((n, r) => n + r.errorCount, 0),
    warnings: results.reduce((n, r) => n + r.warningCount, 0),
    files: results.length,
  };
  io.stdout(`lint-rule: ${plural(totals.errors, 'error')} and ${plural(totals.warnings, 'warning')} in ${plural(totals.files, 'file')}\n`);

  if (inputs.sarifFile) {
    const sarifPath = path.resolve(workspace, inputs.sarifFile);
    mkdirSync(path.dirname(sarifPath), { recursive: true });
    writeFileSync(sarifPath, sarif(results, ctx));
  }
  finish(env, inputs, totals, markdown(results, ctx));

  if (code === EXIT_USAGE) {
    // The report was written, but lint-rule itself failed (an internal error in a check): the step must fail.
    io.stdout(`::error title=lint-rule::${escapeCommandData(cliFailure(stderr) || 'lint-rule failed')}\n`);
    return EXIT_USAGE;
  }
  return failsOn(inputs.failOn, totals) ? EXIT_PROBLEMS : EXIT_OK;
}

/** The files to lint: everything under `paths`, or with `only-changed` the changed rule files among them. */
function selectFiles(inputs: ActionInputs, env: ActionEnv, workspace: string, io: ActionIO): string[] {
  if (!inputs.onlyChanged) return inputs.paths;
  const range = eventRange(env.GITHUB_EVENT_PATH);
  if (!range) {
    io.stderr('lint-rule action: only-changed needs a pull_request or push event with a base commit; linting every path\n');
    return inputs.paths;
  }
  const changed = changedRuleFiles(workspace, range);
  if (changed.length === 0) return [];
  const inPaths = new Set(listFiles(inputs.paths, workspace));
  return changed.filter((f) => inPaths.has(f)).map((f) => path.relative(workspace, f));
}

/**
 * The command line the action runs: JSON out (the action formats it several
 * ways), and `--` so no file name reads as an option. Relative paths get a
 * `./` so that a folder named like a command (`rules`, `index`, `explain`)
 * is linted, not run as that command.
 */
export function cliArguments(inputs: ActionInputs, files: readonly string[]): string[] {
  const args = ['--format', 'json', '--no-color'];
  if (inputs.config) args.push('--config', inputs.config);
  if (inputs.preset) args.push('--preset', inputs.preset);
  if (inputs.attack) args.push('--attack', inputs.attack);
  if (inputs.corpus.length === 0) args.push('--no-corpus');
  for (const c of inputs.corpus) args.push('--corpus', c);
  return [...args, '--', ...files.map(asPathArgument)];
}

function asPathArgument(file: string): string {
  return path.isAbsolute(file) || file.startsWith('./') || file.startsWith('../') || file === '.' || file === '..' ? file : `./${file}`;
}

export function failsOn(failOn: ActionInputs['failOn'], totals: { errors: number; warnings: number }): boolean {
  if (failOn === 'never') return false;
  if (failOn === 'warning') return totals.errors + totals.warnings > 0;
  return totals.errors > 0;
}

function finish(env: ActionEnv, inputs: ActionInputs, totals: Totals, summary: string): void {
  if (env.GITHUB_STEP_SUMMARY) appendSummary(env.GITHUB_STEP_SUMMARY, summary);
  if (env.GITHUB_OUTPUT) {
    appendOutputs(env.GITHUB_OUTPUT, {
      errors: totals.errors,
      warnings: totals.warnings,
      files: totals.files,
      'sarif-file': inputs.sarifFile && totals.files > 0 ? inputs.sarifFile : '',
    });
  }
}

function failToRun(io: ActionIO, env: ActionEnv, message: string): number {
  io.stdout(`::error title=lint-rule::${escapeCommandData(message)}\n`);
  if (env.GITHUB_STEP_SUMMARY) appendSummary(env.GITHUB_STEP_SUMMARY, `## lint-rule\n\n❌ lint-rule could not run: ${message.replace(/[<>&]/g, (c) => `&#${c.charCodeAt(0)};`)}\n`);
  return EXIT_USAGE;
}

/**
 * Why the CLI failed, from its stderr: its last `lint-rule: ` message with the
 * lines that continue it (a config error lists its problems below), without
 * the pointer to --help. Notices printed earlier are left out.
 */
function cliFailure(stderr: string): string {
  const lines = stderr.split('\n');
  let start = -1;
  for (let i = lines.length - 1; i >= 0 && start === -1; i--) if ((lines[i] as string).startsWith('lint-rule: ')) start = i;
  if (start === -1) return stderr.trim();
  return lines
    .slice(start)
    .filter((l) => !l.startsWith('Run "lint-rule --help"'))
    .join('\n')
    .replace(/^lint-rule: /, '')
    .trim();
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
