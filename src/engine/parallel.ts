import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LoadConfigOptions } from './config.js';
import type { FileBatch, LintResult } from './linter.js';

/** What a worker needs to rebuild the main thread's setup: config options, cache and index folders, its files. */
export interface WorkerInput {
  loadOptions: Omit<LoadConfigOptions, 'checks'>;
  cacheDir: string;
  indexDir: string | undefined;
  files: string[];
}

type WorkerReply = { batch: FileBatch; notices: string[] } | { error: string };

/** Below this many files a worker's start-up (module loading, ~100 ms) costs more than it saves. */
const MIN_FILES = 200;
const MAX_WORKERS = 4;

/**
 * How many worker threads to lint `fileCount` files with: LINT_RULE_WORKERS
 * when set to a number (0 or 1 = in the main thread), or `auto` (one per core
 * up to four, for runs of 200 files or more); by default none.
 */
export function workerCount(fileCount: number): number {
  const env = process.env.LINT_RULE_WORKERS;
  if (env !== undefined && env !== '' && env !== 'auto') {
    const n = Number(env);
    return Number.isInteger(n) && n > 1 ? Math.min(n, fileCount) : 0;
  }
  // Off unless asked for: on two cores a single thread already keeps both busy (the
  // second runs V8's garbage collection and compilation), and workers only add
  // their start-up and their own copies of the index shards (measured slower).
  if (env === undefined || fileCount < MIN_FILES) return 0;
  return Math.min(availableParallelism(), MAX_WORKERS);
}

/**
 * Lints files in worker threads and merges their batches in the files'
 * order. Files are dealt out in turn, so that neighbouring (similar) files —
 * and their costs — spread over the workers.
 */
export async function lintInWorkers(files: readonly string[], workers: number, base: Omit<WorkerInput, 'files'>): Promise<{ batch: FileBatch; notices: string[] }> {
  const shares: string[][] = Array.from({ length: workers }, () => []);
  files.forEach((f, i) => (shares[i % workers] as string[]).push(f));
  // src/engine and dist/engine both sit two levels under the package root; workers always run the build.
  const url = new URL('../../dist/engine/lint-worker.js', import.meta.url);
  const replies = await Promise.all(shares.map((share) => runWorker(url, { ...base, files: share })));
  const byFile = new Map<string, LintResult>();
  const batch: FileBatch = { results: [], facts: [], internalErrors: [] };
  const notices = new Set<string>();
  for (const r of replies) {
    for (const res of r.batch.results) byFile.set(res.filePath, res);
    batch.facts.push(...r.batch.facts);
    batch.internalErrors.push(...r.batch.internalErrors);
    for (const n of r.notices) notices.add(n);
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
