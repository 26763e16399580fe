import type { Config } from '../engine/config.js';
import { isIgnored } from '../engine/config.js';
import { listFiles } from '../engine/file-list.js';
import { computeGaps } from '../gaps/compare.js';
import { CorpusEntries } from '../gaps/corpus-entries.js';
import { readRepository, type Repository } from '../gaps/repository.js';
import { exclusionThresholds } from '../gaps/thresholds.js';
import type { GapReport } from '../gaps/types.js';
import type { StoredIndex } from '../index/store.js';
import type { ParseSettings } from '../parse/index.js';
import { gapsMarkdown } from '../report/gaps/markdown.js';
import { navigatorLayer } from '../report/gaps/navigator.js';
import { gapsText } from '../report/gaps/text.js';
import { progressBar } from '../report/progress.js';
import { intOption, UsageError, type CliValues } from './args.js';
import { configFromCli } from './lint.js';
import { emit, EXIT_OK, EXIT_PROBLEMS, useColor, type CliIO } from './main.js';
import { RunResources } from './resources.js';

const FORMATS = ['text', 'json', 'markdown', 'navigator'] as const;

/** Reads the repository under `paths` and compares it with the opened corpus index. */
export async function repositoryGaps(paths: readonly string[], config: Config, resources: RunResources, index: StoredIndex, io: CliIO): Promise<{ report: GapReport; repo: Repository }> {
  const files = listFiles(paths, io.cwd).filter((f) => !isIgnored(config, f));
  const attack = resources.attack();
  const bar = progressBar('reading repository');
  try {
    const repo = await readRepository(files, {
      attack,
      cwd: io.cwd,
      settings: parseSettings(config),
      maxFileSize: config.maxFileSize,
      selfRefs: (rule) => index.selfRefs(rule),
      corpus: new CorpusEntries(index.allRules(), config.corpus),
      ...(bar ? { progress: bar.update } : {}),
    });
    return { report: computeGaps(repo, index, attack, exclusionThresholds(config.rules.get('missing-common-exclusions')?.options)), repo };
  } finally {
    bar?.done();
  }
}

/** The parse settings of the config's `settings:` block, read as the linter reads them. */
function parseSettings(config: Config): ParseSettings {
  const macros = config.settings.splunk?.macros;
  return typeof macros === 'string' ? { splunkMacros: macros } : {};
}

/** `lint-rule gaps <paths...>`: what a repository's rules miss compared with the corpus. */
export async function gapsCommand(args: string[], values: CliValues, io: CliIO): Promise<number> {
  if (args.length === 0) throw new UsageError('gaps takes the repository to compare: lint-rule gaps <files|folders|globs...>');
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" for gaps; formats: ${FORMATS.join(', ')}`);
  const top = intOption(values, 'top') ?? 20;
  const config = configFromCli(values, io);
  const resources = new RunResources(config);
  const index = await resources.openIndex({ ...(values['rebuild-index'] ? { rebuild: true } : {}) });
  for (const n of resources.notices) io.stderr(`lint-rule: ${n}\n`);
  if (!index) {
    io.stderr('lint-rule: gaps needs a corpus to compare with (corpus: [] or --no-corpus turned it off)\n');
    return EXIT_PROBLEMS;
  }
  const { report } = await repositoryGaps(args, config, resources, index, io);
  let text: string;
  if (format === 'json') text = JSON.stringify(report, null, 2);
  else if (format === 'markdown') text = gapsMarkdown(report, { top });
  else if (format === 'navigator') text = JSON.stringify(navigatorLayer(report, resources.attack(), { name: `lint-rule gaps: ${args.join(' ')}` }), null, 2);
  else text = gapsText(report, { top, color: useColor(values, io) && !values['output-file'] });
  emit(text, values, io);
  if (report.repository.rules === 0) {
    io.stderr(`lint-rule: no rule could be read from ${args.join(' ')} (${report.repository.unread.length} files gave none)\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}
