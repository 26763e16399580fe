import { RunResources } from '../../src/cli/resources.js';
import type { CliIO } from '../../src/cli/main.js';
import { loadConfig } from '../../src/engine/config.js';
import type { StoredIndex } from '../../src/index/store.js';
import { ALL_CHECKS } from '../../src/rules/index.js';
import { ROOT } from '../helpers/paths.js';

/** The default corpus index (built once by the global setup) and the ATT&CK table. */
export async function openDefaultCorpus(): Promise<{ resources: RunResources; index: StoredIndex }> {
  const config = loadConfig({ cwd: ROOT, checks: ALL_CHECKS, noLookup: true });
  const resources = new RunResources(config);
  const index = await resources.openIndex({ quietProgress: true });
  if (!index) throw new Error('no corpus index: is ../shared/corpus there?');
  return { resources, index };
}

/** A CLI run's output, captured. */
export function captureIO(): { io: CliIO; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: ROOT, stdoutIsTTY: false },
    out: () => out,
    err: () => err,
  };
}
