import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LARGE_RUN_FILES, LARGE_RUN_V8_FLAGS } from '../../src/engine/large-run.js';
import { CORPUS, FIXTURES, ROOT } from '../helpers/paths.js';

// Loaded with --import into the process under test: at exit it prints the nice value of its main
// thread and of every other thread (field 19 of /proc/<pid>/task/<tid>/stat).
const REPORT_NICE = `
import { readdirSync, readFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
if (isMainThread) process.on('exit', () => {
  const nice = (tid) => Number(readFileSync('/proc/self/task/' + tid + '/stat', 'utf8').split(') ')[1].split(' ')[16]);
  const others = readdirSync('/proc/self/task').filter((t) => Number(t) !== process.pid).map(nice);
  process.stderr.write('NICE ' + JSON.stringify({ main: nice(process.pid), others }) + '\\n');
});
`;

function niceAfterRun(args: string[]): { main: number; others: number[] } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-nice-'));
  const preload = path.join(dir, 'report-nice.mjs');
  writeFileSync(preload, REPORT_NICE);
  const r = spawnSync(process.execPath, ['--import', preload, path.join(ROOT, 'bin/lint-rule.js'), '--format', 'json', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LINT_RULE_CACHE_DIR: path.join(ROOT, '.cache/test') },
    maxBuffer: 1 << 28,
  });
  expect(r.status, r.stderr).toBeLessThan(2);
  const line = /^NICE (.*)$/m.exec(r.stderr)?.[1];
  if (!line) throw new Error(`no NICE line in: ${r.stderr.slice(0, 500)}`);
  return JSON.parse(line) as { main: number; others: number[] };
}

describe.runIf(process.platform === 'linux')('a large lint run favours its main thread', () => {
  it(`lowers every other thread to nice 19 when it lints ${LARGE_RUN_FILES} files or more`, () => {
    const folder = path.join(CORPUS, 'sigma/rules/windows/registry');
    const { main, others } = niceAfterRun([folder]);
    expect(main).toBe(0);
    expect(others.length).toBeGreaterThan(0);
    // Threads started after the lowering (a lint worker, say) may keep their priority; the helpers that existed do not.
    expect(others.filter((n) => n === 19).length).toBeGreaterThanOrEqual(4);
  });

  it('leaves every thread alone in a small run', () => {
    const { main, others } = niceAfterRun([path.join(FIXTURES, 'sigma/valid-process-creation.yml')]);
    expect(main).toBe(0);
    expect(others.every((n) => n === 0)).toBe(true);
  });
});

describe('the V8 flags a large run sets while V8 runs', () => {
  it('are only those each compile job copies when it starts', () => {
    // --max-inlined-bytecode-size is read twice within one job: lowering it mid-run aborted two of about 200
    // large runs with "Check failed: inlineability == SharedFunctionInfo::kHasOptimizationDisabled".
    const safeAtRuntime = ['--max-inlined-bytecode-size-cumulative'];
    expect(LARGE_RUN_V8_FLAGS.length).toBeGreaterThan(0);
    for (const flag of LARGE_RUN_V8_FLAGS) expect(safeAtRuntime).toContain(flag.split('=')[0]);
  });
});
