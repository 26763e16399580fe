import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import { lazyRequire } from './lazy.js';

/** node:v8, loaded only by a large run: loading it costs every run about 3 ms. */
const nodeV8 = lazyRequire<typeof import('node:v8')>('node:v8');

/** From this many files on, a lint run is long enough to be tuned for (see `tuneForLargeRun`). */
export const LARGE_RUN_FILES = 200;

/**
 * TurboFan's inlining budget for a large run: at most 200 bytes of bytecode
 * inlined into one function (V8's default is 920). A lint run is short and
 * its hot code is large: with the default, optimising it took about 4 s of
 * CPU in a whole-Sigma-corpus run on a 2-core machine, more than the lint's
 * own main thread, and hot functions waited that long for their optimised code.
 *
 * Only this limit may change while V8 runs: each compile job copies it when
 * it starts. The per-function limit (`--max-inlined-bytecode-size`) is read
 * again when a job inlines what it chose earlier, and V8 aborts the process
 * when a function chosen under the old limit fails the new one ("Check failed:
 * inlineability == SharedFunctionInfo::kHasOptimizationDisabled"): lowering
 * it here aborted two of about 200 large runs. Without it the runs measured
 * the same (Sigma corpus, 10 interleaved runs each: median 1.71 s against
 * 1.75 s with both limits, 1.81 s with neither).
 */
export const LARGE_RUN_V8_FLAGS = ['--max-inlined-bytecode-size-cumulative=200'];

/**
 * The same flags at V8's defaults (Node 20's V8; a test reads them from
 * `node --v8-options`). V8 stamps a code cache with a hash of its flags and
 * refuses one made under other flags: a large run puts these back before its
 * code cache is written (cli/code-cache.ts), so that the next run, which
 * starts with the defaults, can use it.
 */
export const V8_DEFAULT_FLAGS = ['--max-inlined-bytecode-size-cumulative=920'];

let tuned = false;

/**
 * Tunes this process for a long lint, once its files are listed and before
 * any is linted. Measured on 2 cores against the untuned run, interleaved,
 * in two sets of runs: the Sigma corpus 19-21% less wall time and about 22%
 * less CPU, `strict` 5-11% less wall time, all three corpora 8-14%.
 * A small run is left alone: changing V8's flags makes V8 refuse the code
 * cache of every Node module loaded afterwards (their flag hash differs),
 * which cost a one-file run about 30 ms, and the main thread of a small run
 * waits for the stamps worker and libuv's reads, which a lower priority delays.
 */
export function tuneForLargeRun(): void {
  const { setFlagsFromString } = nodeV8();
  for (const flag of LARGE_RUN_V8_FLAGS) setFlagsFromString(flag);
  tuned = true;
  favourMainThread();
}

/**
 * Once the run is done: puts V8's flags back to their defaults, so that a
 * code cache written now is usable by the next process. Whether this run was
 * a large one, tuned by `tuneForLargeRun`.
 */
export function untuneAfterLargeRun(): boolean {
  if (!tuned) return false;
  const { setFlagsFromString } = nodeV8();
  for (const flag of V8_DEFAULT_FLAGS) setFlagsFromString(flag);
  tuned = false;
  return true;
}

/**
 * Lowers the scheduling priority of every other thread of this process: V8's
 * compiler and garbage-collector helpers, libuv's pool, the stamps worker. The
 * lint runs on the main thread; on a 2-core machine, up to four optimising
 * compiles at once took its core from it. At the lowest priority the helpers
 * run on spare cores and in the main thread's pauses. Threads started later
 * (lint workers) keep their priority. Only on Linux, where a nice value
 * belongs to one thread (setpriority(2)); best effort, never raising one.
 */
function favourMainThread(): void {
  if (process.platform !== 'linux') return;
  let threads: string[];
  try {
    threads = readdirSync('/proc/self/task');
  } catch {
    return;
  }
  for (const name of threads) {
    const tid = Number(name);
    if (tid === process.pid) continue;
    try {
      setPriority(tid, 19);
    } catch {
      // Gone already, or not ours to change: it keeps its priority.
    }
  }
}
