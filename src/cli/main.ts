import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pc from 'picocolors';
import { ConfigError } from '../engine/config-file.js';
import { FileListError } from '../engine/file-list.js';
import { untuneAfterLargeRun } from '../engine/large-run.js';
import { packageVersion } from '../engine/paths.js';
import { HELP, parseCli, UsageError, type CliValues } from './args.js';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Standard input, for --stdin. */
  readStdin?: () => Promise<string>;
  stdoutIsTTY?: boolean;
  /**
   * Set by the entry points only (the command line, the Action): the process is lint-rule's
   * own, so a large run may tune it, with V8 flags and thread priorities (engine/large-run.ts).
   * Tests and programs that embed runCli leave it unset.
   */
  ownProcess?: boolean;
}

/** Exit codes CI can trust. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/**
 * Runs one command line and returns the exit code. Every failure ends as a
 * one-line message and exit code 2; stack traces only with LINT_RULE_DEBUG=1.
 */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  try {
    const cli = parseCli(argv);
    if (cli.values.help) {
      io.stdout(HELP);
      return EXIT_OK;
    }
    if (cli.values.version) {
      io.stdout(`${packageVersion()}\n`);
      return EXIT_OK;
    }
    switch (cli.command) {
      case 'lint':
        linted = true;
        return await (await import('./lint.js')).lintCommand(cli.positionals, cli.values, io);
      case 'explain':
        return await (await import('./explain.js')).explainCommand(cli.positionals, cli.values, io);
      case 'index':
        return await (await import('./index-command.js')).indexCommand(cli.values, io);
      case 'rules':
        return await (await import('./rules-command.js')).rulesCommand(cli.values, io);
      case 'init':
        return await (await import('./init-command.js')).initCommand(cli.values, io);
      case 'gaps':
        return await (await import('./gaps.js')).gapsCommand(cli.positionals, cli.values, io);
      case 'site':
        return await (await import('./site.js')).siteCommand(cli.positionals, cli.values, io);
      default:
        throw new UsageError(`the "${cli.command}" command is not available yet`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`lint-rule: ${err.message}\nRun "lint-rule --help" for usage.\n`);
      return EXIT_USAGE;
    }
    if (err instanceof ConfigError || err instanceof FileListError) {
      io.stderr(`lint-rule: ${err.message}\n`);
      return EXIT_USAGE;
    }
    const e = err as Error;
    io.stderr(`lint-rule: internal error: ${e.message}\n`);
    if (process.env.LINT_RULE_DEBUG) io.stderr(`${e.stack ?? ''}\n`);
    return EXIT_USAGE;
  }
}

/**
 * What a finished run compiled, for its code cache: `large` (a large lint run,
 * every parser and check), `lint` (a small one), `other` (help, index,
 * explain …, which leave most checks uncompiled).
 */
export type RunWeight = 'other' | 'lint' | 'large';

let linted = false;

/**
 * For bin/lint-rule.js once runCli is done, before it writes the code cache:
 * V8's flags back at their defaults (the cache carries their hash), and how
 * much of lint-rule this run compiled.
 */
export function finishRun(): RunWeight {
  if (untuneAfterLargeRun()) return 'large';
  return linted ? 'lint' : 'other';
}

/** Whether to colour output: --color/--no-color, else picocolors' reading of NO_COLOR, FORCE_COLOR and the terminal. */
export function useColor(values: CliValues, io: CliIO): boolean {
  if (values['no-color']) return false;
  if (values.color) return true;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(io.stdoutIsTTY) && pc.isColorSupported;
}

/** Writes a report to --output-file or stdout. */
export function emit(text: string, values: CliValues, io: CliIO): void {
  const out = values['output-file'];
  if (out) writeFileSync(path.resolve(io.cwd, out), text.endsWith('\n') ? text : `${text}\n`);
  else if (text !== '') io.stdout(text.endsWith('\n') ? text : `${text}\n`);
}
