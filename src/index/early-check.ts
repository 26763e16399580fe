import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { builtScript, defaultCacheDir } from '../engine/paths.js';

/**
 * A head start for the corpus check of a small run. The CLI's entry point
 * calls `startEarlyCheck` before it loads the rest of lint-rule: it starts
 * checking the stamps of the corpus the last run used, in a worker thread,
 * while the main thread is still loading modules. `openCorpusIndex` then takes
 * that answer if it is for the stamps file it needs. The state lives on
 * globalThis because the entry point and the bundled CLI are separate copies
 * of this module.
 */
interface EarlyCheck {
  stampsFile: string;
  fresh: Promise<string | null>;
  worker: Worker;
}

const SLOT = Symbol.for('lint-rule.early-stamps-check');
type Slot = { [SLOT]?: EarlyCheck };

/** The file naming the stamps the last run checked. */
export function lastStampsPointer(cacheDir: string): string {
  return path.join(cacheDir, 'index', 'last-stamps');
}

/**
 * Checks the stamps in a worker thread: `fresh` is the key if they still hold,
 * null if not, and `ifFailed()` if the worker fails. Throws when no worker can start.
 */
export function checkStampsInWorker(stampsFile: string, ifFailed: () => string | null): { worker: Worker; fresh: Promise<string | null> } {
  const worker = new Worker(builtScript('stamps-worker.cjs', 'index/stamps-worker.js'), { workerData: { stampsFile } });
  const fresh = new Promise<string | null>((resolve) => {
    worker.once('message', (key: string | null) => {
      resolve(key);
      void worker.terminate();
    });
    worker.once('error', () => resolve(ifFailed()));
  });
  return { worker, fresh };
}

export function startEarlyCheck(): void {
  try {
    const stampsFile = readFileSync(lastStampsPointer(defaultCacheDir()), 'utf8').trim();
    if (!stampsFile) return;
    const { worker, fresh } = checkStampsInWorker(stampsFile, () => null);
    // An answer nobody asks for (another corpus, no corpus checks) must not hold the process.
    worker.unref();
    (globalThis as Slot)[SLOT] = { stampsFile, fresh, worker };
  } catch {
    // No previous run, or no worker: the check runs later, as usual.
  }
}

/** The early answer for this stamps file, if one was started: the key if fresh, null if not. */
export function takeEarlyCheck(stampsFile: string): Promise<string | null> | undefined {
  const early = (globalThis as Slot)[SLOT];
  if (!early || early.stampsFile !== stampsFile) return undefined;
  delete (globalThis as Slot)[SLOT];
  // Now someone waits for the answer: the worker keeps the process alive until it gives it.
  early.worker.ref();
  return early.fresh;
}
