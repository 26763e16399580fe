import { parentPort, workerData } from 'node:worker_threads';
import { RunResources } from '../cli/resources.js';
import { ALL_CHECKS } from '../rules/index.js';
import { loadConfig } from './config.js';
import { Linter } from './linter.js';
import type { WorkerInput } from './parallel.js';

/**
 * A worker thread of a parallel run: the same config, ATT&CK table and
 * corpus index as the main thread (read from their caches), the files it
 * takes from the shared cursor, and the batch sent back for the cross-file pass.
 */
async function main(input: WorkerInput): Promise<void> {
  const config = loadConfig({ ...input.loadOptions, checks: ALL_CHECKS });
  config.cacheDir = input.cacheDir;
  const resources = new RunResources(config);
  if (input.indexDir) resources.useIndex(input.indexDir);
  const linter = new Linter(config, ALL_CHECKS, resources);
  const batch = await linter.lintTaken(input.files, new Int32Array(input.cursor));
  parentPort?.postMessage({ batch, notices: resources.notices });
}

main(workerData as WorkerInput).catch((err: unknown) => {
  parentPort?.postMessage({ error: (err as Error).stack ?? String(err) });
});
