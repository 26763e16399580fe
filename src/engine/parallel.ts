import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LoadConfigOptions } from './config.js';
import { builtScript } from './paths.js';
import type { FileBatch, Linter, LintResult } from './linter.js';

/** What a worker needs to rebuild the main thread's setup: config options, cache and index folders, the files and the shared cursor. */
export interface WorkerInput {
  loadOptions: Omit<LoadConfigOptions, 'checks'>;
  cacheDir: string;
  indexDir: string | undefined;
  files: string[];
  /** One Int32 shared by every thread: the index of the next file nobody has taken. */
  cursor: SharedArrayBuffer;
}

type WorkerReply = { batch: FileBatch; notices: string[] } | { error: string };

/** Below this many files a worker's start-up (module loading, ~100 ms) costs more than it saves. */
const MIN_FILES = 200;
const MAX_THREADS = 4;
/** Files a thread takes at a time: small enough to even out the threads' ends, large enough that taking is free. */
export const CHUNK = 16;

/**
 * How many threads, the main one included, lint `fileCount` files:
 * LINT_RULE_WORKERS when set to a number (0 or 1 = the main thread alone),
 * or `auto` (one per core up to four, for runs of 200 files or more); by
 * default the main thread alone.
 */
export function threadCount(fileCount: number): number {
  const env = process.env.LINT_RULE_WORKERS;
  if (env !== undefined && env !== '' && env !== 'auto') {
    const n = Number(env);
    return Number.isInteger(n) && n > 1 ? Math.min(n, fileCount) : 1;
  }
  // Off unless asked for: on two cores a single thread already keeps both busy (the
  // second runs V8's garbage collection and compilation), and each worker pays its
  // own start-up, compilation and copies of the index shards.
  if (env === undefined || fileCount < MIN_FILES) return 1;
  return Math.max(1, Math.min(availableParallelism(), MAX_THREADS));
}

/** Takes the next chunk of file indexes from the shared cursor; an empty range when all are taken. */
export function takeChunk(cursor: Int32Array, total: number): [number, number] {
  const start = Atomics.add(cursor, 0, CHUNK);
  return [Math.min(start, total), Math.min(start + CHUNK, total)];
}

/**
 * Lints files in the main thread and `threads - 1` worker threads. Every
 * thread takes the next chunk of files from one shared cursor until none is
 * left, so a slow file or a late-starting worker evens out by itself, and the
 * main thread, whose modules and index are already loaded, starts at once.
 * The batches are merged in the files' order.
 */
export async function lintInThreads(
  linter: Linter,
  files: readonly string[],
  threads: number,
  base: Omit<WorkerInput, 'files' | 'cursor'>,
  { mainThreadLints = true }: { mainThreadLints?: boolean } = {},
): Promise<{ batch: FileBatch; notices: string[] }> {
  const cursor = new SharedArrayBuffer(4);
  const url = builtScript('lint-worker.cjs', 'engine/lint-worker.js');
  const replies = Array.from({ length: threads - 1 }, () => runWorker(url, { ...base, files: [...files], cursor }));
  // Let the workers start loading before this thread gets busy.
  await new Promise((resolve) => setImmediate(resolve));
  // Tests turn the main thread's share off to see that the workers' batches merge the same.
  const mine = mainThreadLints ? await linter.lintTaken(files, new Int32Array(cursor)) : { results: [], facts: [], internalErrors: [] };
  const batches = [mine, ...(await Promise.all(replies)).map((r) => r.batch)];
  const notices = new Set((await Promise.all(replies)).flatMap((r) => r.notices));

  const byFile = new Map<string, LintResult>();
  const batch: FileBatch = { results: [], facts: [], internalErrors: [] };
  for (const b of batches) {
    for (const res of b.results) byFile.set(res.filePath, res);
    batch.facts.push(...b.facts);
    for (const e of b.internalErrors) if (!batch.internalErrors.includes(e)) batch.internalErrors.push(e);
  }
  batch.results = files.map((f) => byFile.get(f) as LintResult);
  // Facts in the files' order, as one thread gathers them: cross-file messages list the others in that order.
  const order = new Map(files.map((f, i) => [f, i]));
  batch.facts.sort((a, b) => (order.get(a.fact.file) ?? 0) - (order.get(b.fact.file) ?? 0));
  return { batch, notices: [...notices] };
}

function runWorker(url: URL, input: WorkerInput): Promise<{ batch: FileBatch; notices: string[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: input });
    let settled = false;
    worker.once('message', (reply: WorkerReply) => {
      settled = true;
      if ('error' in reply) reject(new Error(`lint worker failed: ${reply.error}`));
      else resolve(reply);
      void worker.terminate();
    });
    worker.once('error', (err) => {
      if (!settled) reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`lint worker exited with code ${code}`));
    });
  });
}
