import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { RunResources } from '../../src/cli/resources.js';
import { loadConfig } from '../../src/engine/config.js';
import { listFiles } from '../../src/engine/file-list.js';
import { LARGE_RUN_FILES } from '../../src/engine/large-run.js';
import { Linter } from '../../src/engine/linter.js';
import { lintInThreads } from '../../src/engine/parallel.js';
import { ReadAhead } from '../../src/parse/read-ahead.js';
import { ALL_CHECKS } from '../../src/rules/index.js';
import { FIXTURES } from '../helpers/paths.js';

/** Copies of the fixture rules in numbered folders, until there are enough for a large run; and files that are no rule. */
function largeRun(): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-large-run-'));
  const fixtures = listFiles(['sigma', 'drafts', 'bad'], FIXTURES);
  const files: string[] = [];
  for (let copy = 0; files.length < LARGE_RUN_FILES + 10; copy++) {
    for (const file of fixtures) {
      const to = path.join(dir, String(copy), path.relative(FIXTURES, file));
      mkdirSync(path.dirname(to), { recursive: true });
      copyFileSync(file, to);
      files.push(to);
    }
  }
  const odd = { 'empty.yml': '', 'binary.yml': Buffer.from('title: a\n\0'), 'big.yml': `title: big\n${'#'.repeat(2 * 1024 * 1024)}\n` };
  for (const [name, data] of Object.entries(odd)) {
    writeFileSync(path.join(dir, name), data);
    files.splice(100, 0, path.join(dir, name));
  }
  return files;
}

describe('a large run reads its files ahead', () => {
  it('and gives the same messages as threads that read their own (cross-file and unreadable files included)', async () => {
    const files = largeRun();
    const config = loadConfig({ cwd: FIXTURES, checks: ALL_CHECKS });
    const resources = new RunResources(config);
    await resources.openIndex({ quietProgress: true });
    const start = vi.spyOn(ReadAhead, 'start');
    const one = new Linter(config, ALL_CHECKS, resources);
    const expected = one.finish(await one.lintBatch(files));
    expect(start).toHaveBeenCalledTimes(1);
    start.mockRestore();

    const threads = new Linter(config, ALL_CHECKS, resources);
    const base = { loadOptions: { cwd: FIXTURES }, cacheDir: config.cacheDir, indexDir: resources.index()?.location };
    const { batch } = await lintInThreads(threads, files, 2, base, { mainThreadLints: false });
    expect(threads.finish(batch)).toEqual(expected);

    const fatal = (name: string): string | undefined => expected.find((r) => r.filePath.endsWith(name))?.messages.find((m) => m.fatal)?.message;
    expect(fatal('empty.yml')).toBe('file is empty');
    expect(fatal('binary.yml')).toMatch(/binary/);
    expect(fatal('big.yml')).toMatch(/over the .* limit/);
    expect(expected.some((r) => r.messages.some((m) => m.ruleId === 'sigma-id-duplicate'))).toBe(true);
  });

  it('not a small one', async () => {
    const config = loadConfig({ cwd: FIXTURES, checks: ALL_CHECKS });
    const resources = new RunResources(config);
    const start = vi.spyOn(ReadAhead, 'start');
    const linter = new Linter(config, ALL_CHECKS, resources);
    await linter.lintBatch(listFiles(['sigma/valid-process-creation.yml'], FIXTURES));
    expect(start).not.toHaveBeenCalled();
    start.mockRestore();
  });
});
