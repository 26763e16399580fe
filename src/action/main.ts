// The GitHub Action's entry point (action.yml runs `node dist/action/main.js`).
import { escapeCommandData } from '../report/formatters/github.js';
import { runAction } from './run.js';

try {
  process.exitCode = await runAction(process.env, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    ownProcess: true,
  });
} catch (err) {
  // runAction reports the failures it expects; anything else still ends as one annotation, not a stack trace.
  const message = err instanceof Error ? err.message : String(err);
  process.stdout.write(`::error title=lint-rule::lint-rule action failed: ${escapeCommandData(message)}\n`);
  if (process.env.LINT_RULE_DEBUG && err instanceof Error) process.stderr.write(`${err.stack ?? ''}\n`);
  process.exitCode = 2;
}
