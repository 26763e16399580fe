import type { CliValues } from './args.js';
import { configFromCli } from './lint.js';
import { EXIT_OK, EXIT_PROBLEMS, type CliIO } from './main.js';
import { RunResources } from './resources.js';

/** `lint-rule index`: builds (or finds) the corpus index and says what it holds. */
export async function indexCommand(values: CliValues, io: CliIO): Promise<number> {
  const config = configFromCli(values, io);
  const resources = new RunResources(config);
  const started = performance.now();
  const index = await resources.openIndex({ ...(values['rebuild-index'] ? { rebuild: true } : {}) });
  for (const n of resources.notices) io.stderr(`lint-rule: ${n}\n`);
  if (!index) {
    io.stderr('lint-rule: no corpus configured (corpus: [] or --no-corpus)\n');
    return EXIT_PROBLEMS;
  }
  const ms = Math.round(performance.now() - started);
  io.stdout(`corpus index: ${index.ruleCount} rules from ${index.roots.join(', ')}, ${index.techniques().size} techniques, ${index.skipped} files skipped (${ms} ms)\n`);
  return EXIT_OK;
}
