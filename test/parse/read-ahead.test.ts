import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReadAhead } from '../../src/parse/read-ahead.js';
import { READ_AHEAD_BATCH } from '../../src/parse/read-ahead-protocol.js';
import { readRuleFile } from '../../src/parse/read-file.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-read-ahead-'));
const MAX = 4096;
/** The tests that wait for the worker to end: one stuck on a file (a pipe opened blocking) fails them in this time. */
const WORKER_ENDS = 20_000;

/** A run's worth of files: small rules, with an empty, a too-large, a missing and a folder among them. */
function runFiles(): { files: string[]; special: Map<string, string> } {
  const files: string[] = [];
  for (let i = 0; i < 3 * READ_AHEAD_BATCH + 5; i++) {
    const file = path.join(dir, `rule-${i}.yml`);
    writeFileSync(file, `title: rule ${i}\n${'# line\n'.repeat(i)}`);
    files.push(file);
  }
  const special = new Map<string, string>([
    [path.join(dir, 'empty.yml'), ''],
    [path.join(dir, 'big.yml'), 'x'.repeat(MAX + 1)],
    [path.join(dir, 'missing.yml'), 'missing'],
    [path.join(dir, 'folder.yml'), 'folder'],
  ]);
  // A named pipe would hold a worker that opened it blocking until a writer came: the test would never end.
  if (process.platform !== 'win32') special.set(path.join(dir, 'pipe.yml'), 'pipe');
  for (const [file, text] of special) {
    if (text === 'folder') mkdirSync(file, { recursive: true });
    else if (text === 'pipe') {
      if (!existsSync(file)) execFileSync('mkfifo', [file]);
    } else if (text !== 'missing') writeFileSync(file, text);
  }
  // Among the others, not at the end: a file left to the main thread must not stop the ones after it.
  files.splice(40, 0, ...special.keys());
  return { files, special };
}

describe('ReadAhead', () => {
  it('hands over each file read in the worker, in order, and leaves the ones it cannot read to the main thread', async () => {
    const { files, special } = runFiles();
    const ahead = ReadAhead.start(files, MAX);
    expect(ahead).toBeDefined();
    if (!ahead) return;
    await ahead.ended;
    for (const file of files) {
      const bytes = ahead.take(file);
      const text = special.get(file);
      if (text === '') expect(bytes?.length).toBe(0);
      else if (text !== undefined) expect(bytes).toBeUndefined();
      else expect(bytes?.toString('utf8')).toBe(readFileSync(file, 'utf8'));
    }
    // The empty file is handed over (it is read); the too-large, missing, folder and pipe ones are not.
    expect(ahead.hits).toBe(files.length - special.size + 1);
    ahead.close();
  }, WORKER_ENDS);

  it('gives nothing for a file asked out of order, and goes on in order after it', async () => {
    const { files } = runFiles();
    const ahead = ReadAhead.start(files, MAX);
    if (!ahead) throw new Error('no worker');
    await ahead.ended;
    expect(ahead.take(files[1] as string)).toBeUndefined();
    expect(ahead.take(files[0] as string)?.toString('utf8')).toBe(readFileSync(files[0] as string, 'utf8'));
    expect(ahead.take(files[1] as string)?.toString('utf8')).toBe(readFileSync(files[1] as string, 'utf8'));
    ahead.close();
  }, WORKER_ENDS);

  it('gives nothing before the worker has read a file; the main thread reads it instead', () => {
    const { files } = runFiles();
    const ahead = ReadAhead.start(files, MAX);
    if (!ahead) throw new Error('no worker');
    // Asked at once, before the worker has even started: every answer is "read it yourself", and reading it gives the same text.
    const first = ahead.take(files[0] as string);
    const read = readRuleFile(files[0] as string, MAX, ahead);
    expect(first).toBeUndefined();
    expect(read.ok && read.source.text).toBe(readFileSync(files[0] as string, 'utf8'));
    ahead.close();
  });

  it('gives the same refusals as reading directly (empty, too large, missing, folder)', async () => {
    const { files, special } = runFiles();
    const ahead = ReadAhead.start(files, MAX);
    if (!ahead) throw new Error('no worker');
    await ahead.ended;
    for (const file of files) {
      // The main thread's own read of a pipe is read-file.test.ts's (in a child process: done wrong, it would hang here).
      if (special.get(file) === 'pipe') continue;
      const viaAhead = readRuleFile(file, MAX, ahead);
      const direct = readRuleFile(file, MAX);
      expect(viaAhead.ok ? viaAhead.source.text : viaAhead.problem.message).toBe(direct.ok ? direct.source.text : direct.problem.message);
      if (special.has(file)) expect(viaAhead.ok).toBe(false);
    }
    ahead.close();
  }, WORKER_ENDS);
});
