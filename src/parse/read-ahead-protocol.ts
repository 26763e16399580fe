import type { MessagePort } from 'node:worker_threads';

/*
 * What the main thread and the read-ahead worker agree on (read-ahead.ts,
 * read-ahead-worker.ts), in a module of its own so that the worker's bundle
 * carries none of the main thread's side.
 */

/** What the read-ahead worker is given. */
export interface ReadAheadInput {
  files: readonly string[];
  maxBytes: number;
  port: MessagePort;
  /** One Int32: how many files the main thread has taken; the worker skips those and waits when too far ahead. */
  taken: SharedArrayBuffer;
}

/** One message of the worker: the files from `start` on, one after another in `bytes`; a length of -1 is a file left to the main thread. */
export interface ReadAheadBatch {
  start: number;
  lengths: Int32Array;
  bytes: ArrayBuffer;
}

/** Files per message: few enough messages that taking them costs nothing per file. */
export const READ_AHEAD_BATCH = 32;
/** How far the worker may run ahead of the main thread, in files: bounds the memory the read files hold. */
export const READ_AHEAD_WINDOW = 512;
