import { parentPort, workerData } from 'node:worker_threads';
import { freshKey } from './stamps.js';

/** Checks a corpus's stamps off the main thread and answers with the key if they still hold. */
parentPort?.postMessage(freshKey((workerData as { stampsFile: string }).stampsFile) ?? null);
