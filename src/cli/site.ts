import path from 'node:path';
import { techniqueDescriptions } from '../attack/descriptions.js';
import { packageVersion } from '../engine/paths.js';
import { progressBar } from '../report/progress.js';
import { writeSite } from '../report/html/site.js';
import { intOption, UsageError, type CliValues } from './args.js';
import { repositoryGaps } from './gaps.js';
import { configFromCli } from './lint.js';
import { EXIT_OK, EXIT_PROBLEMS, type CliIO } from './main.js';
import { RunResources } from './resources.js';

/**
 * `lint-rule site <out-dir> [--repo <paths...>]`: the catalog as static
 * pages. Paths after the output folder are taken as more repository paths
 * when --repo is given (`--repo a b` reads as `--repo a` plus `b`).
 */
export async function siteCommand(args: string[], values: CliValues, io: CliIO): Promise<number> {
  const [outDir, ...extra] = args;
  const repoPaths = [...(values.repo ?? []), ...(values.repo ? extra : [])];
  if (!outDir || (extra.length > 0 && !values.repo)) throw new UsageError('site takes one output folder: lint-rule site <out-dir> [--repo <paths...>]');
  const top = intOption(values, 'top') ?? 50;
  const config = configFromCli(values, io);
  const resources = new RunResources(config);
  const index = await resources.openIndex({ ...(values['rebuild-index'] ? { rebuild: true } : {}) });
  for (const n of resources.notices) io.stderr(`lint-rule: ${n}\n`);
  if (!index) {
    io.stderr('lint-rule: site needs a corpus (corpus: [] or --no-corpus turned it off)\n');
    return EXIT_PROBLEMS;
  }
  const started = performance.now();
  const repository = repoPaths.length > 0 ? { ...(await repositoryGaps(repoPaths, config, resources, index, io)), label: repoPaths.join(' ') } : undefined;
  const out = path.resolve(io.cwd, outDir);
  const bar = progressBar('writing pages');
  let written;
  try {
    written = writeSite({
      outDir: out,
      attack: resources.attack(),
      index,
      top,
      descriptions: techniqueDescriptions(config.attack.bundle),
      generator: `lint-rule ${packageVersion()}`,
      ...(repository ? { repository } : {}),
      ...(bar ? { progress: bar.update } : {}),
    });
  } finally {
    bar?.done();
  }
  const ms = Math.round(performance.now() - started);
  io.stderr(`lint-rule: wrote ${written.techniquePages} technique pages and ${written.files.length - written.techniquePages} more files to ${path.relative(io.cwd, out) || '.'} (${ms} ms); open ${path.join(path.relative(io.cwd, out) || '.', 'index.html')}\n`);
  return EXIT_OK;
}
