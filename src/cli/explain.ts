import { techniqueDescriptions } from '../attack/descriptions.js';
import { buildCatalogPage } from '../report/catalog/page.js';
import { catalogMarkdown } from '../report/catalog/markdown.js';
import { catalogText } from '../report/catalog/text.js';
import { intOption, UsageError, type CliValues } from './args.js';
import { configFromCli } from './lint.js';
import { emit, EXIT_OK, EXIT_PROBLEMS, useColor, type CliIO } from './main.js';
import { RunResources } from './resources.js';

const FORMATS = ['text', 'json', 'markdown', 'html'] as const;

/** `lint-rule explain <technique>`: the technique's catalog page from the corpus index. */
export async function explainCommand(args: string[], values: CliValues, io: CliIO): Promise<number> {
  const [id, ...extra] = args;
  if (!id || extra.length > 0) throw new UsageError('explain takes one technique id, e.g. lint-rule explain T1102.002');
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" for explain; formats: ${FORMATS.join(', ')}`);
  const config = configFromCli(values, io);
  const resources = new RunResources(config);
  const attack = resources.attack();
  const index = await resources.openIndex({ ...(values['rebuild-index'] ? { rebuild: true } : {}) });
  for (const n of resources.notices) io.stderr(`lint-rule: ${n}\n`);
  const page = buildCatalogPage(id, attack, index, techniqueDescriptions(config.attack.bundle));
  if (!page) {
    const res = attack.resolve(id);
    io.stderr(res.status === 'malformed'
      ? `lint-rule: "${id}" is not a technique id (T#### or T####.###)\n`
      : `lint-rule: ${id.toUpperCase()} is not in ATT&CK v${attack.version}\n`);
    return EXIT_PROBLEMS;
  }
  const top = intOption(values, 'top') ?? 20;
  const text = format === 'json'
    ? JSON.stringify(page, null, 2)
    : format === 'html'
      ? (await import('../report/html/explain-page.js')).explainHtml(page, index, top)
    : format === 'markdown'
      ? catalogMarkdown(page, { top })
      : catalogText(page, { top, color: useColor(values, io) && !values['output-file'] });
  emit(text, values, io);
  return EXIT_OK;
}
