import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { workerCount } from '../../src/engine/parallel.js';
import { FIXTURES } from '../helpers/paths.js';

async function lintJson(args: string[], workers: string | undefined): Promise<unknown> {
  const saved = process.env.LINT_RULE_WORKERS;
  if (workers === undefined) delete process.env.LINT_RULE_WORKERS;
  else process.env.LINT_RULE_WORKERS = workers;
  let out = '';
  try {
    await runCli(['--format', 'json', ...args], { stdout: (t) => (out += t), stderr: () => {}, cwd: FIXTURES });
  } finally {
    if (saved === undefined) delete process.env.LINT_RULE_WORKERS;
    else process.env.LINT_RULE_WORKERS = saved;
  }
  return JSON.parse(out);
}

describe('worker threads (LINT_RULE_WORKERS)', () => {
  it('are off by default and for small runs, on when asked for', () => {
    const saved = process.env.LINT_RULE_WORKERS;
    delete process.env.LINT_RULE_WORKERS;
    expect(workerCount(5000)).toBe(0);
    process.env.LINT_RULE_WORKERS = 'auto';
    expect(workerCount(10)).toBe(0);
    process.env.LINT_RULE_WORKERS = '3';
    expect(workerCount(10)).toBe(3);
    if (saved === undefined) delete process.env.LINT_RULE_WORKERS;
    else process.env.LINT_RULE_WORKERS = saved;
  });

  it('give the same results as one thread, cross-file checks included', async () => {
    // Two copies of one rule in different folders: a cross-file duplicate the merged facts must still find.
    const files = ['sigma', 'drafts', 'bad', 'sigma/pysigma/id-duplicate'].map((d) => path.join(FIXTURES, d));
    const one = await lintJson(files, '1');
    const two = await lintJson(files, '2');
    expect(two).toEqual(one);
    expect(JSON.stringify(one)).toContain('sigma-id-duplicate');
  });
});
