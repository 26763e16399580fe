import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The fenced blocks of one language, in the order the README shows them. */
function blocks(lang: string): string[] {
  return [...readme.matchAll(new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```$', 'gm'))].map((m) => m[1] ?? '');
}

// A newcomer runs the README's first command and compares what it prints
// with the sample beside it: a sample the corpus or the checks have moved
// away from reads as a bug.
describe('README', () => {
  it('starts with the set-up-and-lint command, then the test command', () => {
    const [setup, test] = blocks('sh');
    expect(setup).toMatch(/^npm ci && npm run build && node bin\/lint-rule\.js \S+\n$/);
    expect(test).toBe('npm test\n');
  });

  it('shows what its sample command prints', () => {
    const setup = blocks('sh')[0] ?? '';
    const draft = /node bin\/lint-rule\.js (\S+)/.exec(setup)?.[1];
    expect(draft).toBeDefined();
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/lint-rule.js'), draft ?? ''], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
    });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(blocks('text')[0]?.trim());
  });
});
