import path from 'node:path';
import type { LintMessage, LintResult } from '../../src/engine/linter.js';
import { runCli } from '../../src/cli/main.js';
import { ALL_CHECKS } from '../../src/rules/index.js';
import type { FormatterContext } from '../../src/report/formatters/types.js';

/** A result for a file, its counts derived from its messages as the linter does. */
export function result(filePath: string, messages: Partial<LintMessage>[], source?: string): LintResult {
  const full = messages.map<LintMessage>((m) => ({
    ruleId: 'technique-missing',
    severity: 1,
    message: 'a problem',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    ...m,
  }));
  return {
    filePath,
    messages: full,
    errorCount: full.filter((m) => m.severity === 2).length,
    warningCount: full.filter((m) => m.severity === 1).length,
    fatalErrorCount: full.filter((m) => m.fatal).length,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    ...(source === undefined ? {} : { source }),
  };
}

export function context(root: string, extra: Partial<FormatterContext> = {}): FormatterContext {
  return { cwd: root, repoRoot: root, checks: ALL_CHECKS, color: false, ...extra };
}

/** Runs the real CLI in-process with a format, returning what it printed and its exit code. */
export async function lintWith(format: string, files: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--no-corpus', '--no-config-lookup', '--format', format, ...files.map((f) => path.relative(cwd, f))], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd,
  });
  return { code, stdout, stderr };
}
