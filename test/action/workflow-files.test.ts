import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventRange } from '../../src/action/changed-files.js';
import { appendOutputs, appendSummary, fitSummary } from '../../src/action/workflow-files.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-wf-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('$GITHUB_OUTPUT', () => {
  it('appends each output in the multi-line syntax, so values with line breaks survive', () => {
    const file = path.join(tmp, 'out');
    writeFileSync(file, 'earlier=1\n');
    appendOutputs(file, { errors: 2, note: 'two\nlines' });
    const text = readFileSync(file, 'utf8');
    const m = /^earlier=1\nerrors<<(ghadelimiter_[0-9a-f-]{36})\n2\n\1\nnote<<(ghadelimiter_[0-9a-f-]{36})\ntwo\nlines\n\2\n$/.exec(text);
    expect(m, text).not.toBeNull();
    expect(m![1]).not.toBe(m![2]);
  });
});

describe('$GITHUB_STEP_SUMMARY', () => {
  it('appends to what other steps wrote', () => {
    const file = path.join(tmp, 'summary');
    writeFileSync(file, '# earlier step\n');
    appendSummary(file, '## lint-rule\n\nok');
    expect(readFileSync(file, 'utf8')).toBe('# earlier step\n## lint-rule\n\nok\n');
  });

  it('cuts a summary over the size limit at a line break and says so', () => {
    const rows = Array.from({ length: 100 }, (_, i) => `| ${i} | é message |`).join('\n');
    const cut = fitSummary(rows, 500);
    expect(Buffer.byteLength(cut, 'utf8')).toBeLessThanOrEqual(500);
    expect(cut).toMatch(/^\| 0 \| é message \|\n/);
    expect(cut).toMatch(/\| \d+ \| é message \|\n\n> The summary was cut to fit GitHub’s size limit/);
    expect(fitSummary('short', 500)).toBe('short');
  });
});

describe('event payload', () => {
  const write = (payload: unknown): string => {
    const file = path.join(tmp, `event-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(payload));
    return file;
  };

  it('takes a pull request\'s base and head', () => {
    expect(eventRange(write({ pull_request: { base: { sha: 'aaa' }, head: { sha: 'bbb' } } }))).toEqual({ base: 'aaa', head: 'bbb' });
  });

  it('takes a push\'s before and after, except for a new branch', () => {
    expect(eventRange(write({ before: 'ccc', after: 'ddd' }))).toEqual({ base: 'ccc', head: 'ddd' });
    expect(eventRange(write({ before: '0000000000000000000000000000000000000000', after: 'ddd' }))).toBeUndefined();
  });

  it('has no range for other events or unreadable payloads', () => {
    expect(eventRange(write({ schedule: '0 0 * * *' }))).toBeUndefined();
    expect(eventRange(path.join(tmp, 'missing.json'))).toBeUndefined();
    expect(eventRange(undefined)).toBeUndefined();
  });
});
