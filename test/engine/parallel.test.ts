import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { RunResources } from '../../src/cli/resources.js';
import { loadConfig } from '../../src/engine/config.js';
import { listFiles } from '../../src/engine/file-list.js';
import { Linter } from '../../src/engine/linter.js';
import { CHUNK, lintInThreads, takeChunk, threadCount } from '../../src/engine/parallel.js';
import { ALL_CHECKS } from '../../src/rules/index.js';
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
    expect(threadCount(5000)).toBe(1);
    process.env.LINT_RULE_WORKERS = 'auto';
    expect(threadCount(10)).toBe(1);
    process.env.LINT_RULE_WORKERS = '3';
    expect(threadCount(10)).toBe(3);
    expect(threadCount(2)).toBe(2);
    process.env.LINT_RULE_WORKERS = '1';
    expect(threadCount(5000)).toBe(1);
    if (saved === undefined) delete process.env.LINT_RULE_WORKERS;
    else process.env.LINT_RULE_WORKERS = saved;
  });

  it('take every file exactly once from the shared cursor', () => {
    const cursor = new Int32Array(new SharedArrayBuffer(4));
    const total = 2 * CHUNK + 3;
    const taken: number[] = [];
    for (let [a, b] = takeChunk(cursor, total); a < b; [a, b] = takeChunk(cursor, total)) for (let i = a; i < b; i++) taken.push(i);
    expect(taken).toEqual(Array.from({ length: total }, (_, i) => i));
    expect(takeChunk(cursor, total)).toEqual([total, total]);
  });

  it('give the same results as one thread, cross-file checks included', async () => {
    // Two copies of one rule in different folders: a cross-file duplicate the merged facts must still find.
    const files = ['sigma', 'drafts', 'bad', 'sigma/pysigma/id-duplicate'].map((d) => path.join(FIXTURES, d));
    const one = await lintJson(files, '1');
    const two = await lintJson(files, '2');
    expect(two).toEqual(one);
    expect(JSON.stringify(one)).toContain('sigma-id-duplicate');
  });

  it('merge batches linted by workers alone into what one thread gives', async () => {
    const files = listFiles(['sigma', 'drafts', 'bad', 'sigma/pysigma/id-duplicate'], FIXTURES);
    const config = loadConfig({ cwd: FIXTURES, checks: ALL_CHECKS });
    const resources = new RunResources(config);
    await resources.openIndex({ quietProgress: true });
    const one = new Linter(config, ALL_CHECKS, resources);
    const expected = one.finish(await one.lintBatch(files));
    const parallel = new Linter(config, ALL_CHECKS, resources);
    const base = { loadOptions: { cwd: FIXTURES }, cacheDir: config.cacheDir, indexDir: resources.index()?.location };
    const { batch } = await lintInThreads(parallel, files, 3, base, { mainThreadLints: false });
    expect(parallel.finish(batch)).toEqual(expected);
    expect(expected.some((r) => r.messages.some((m) => m.ruleId === 'sigma-id-duplicate'))).toBe(true);
  });
});
