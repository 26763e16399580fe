import { ALL_CHECKS } from '../rules/index.js';
import { textTable } from '../report/catalog/table.js';
import type { CliValues } from './args.js';
import { configFromCli } from './lint.js';
import { emit, EXIT_OK, type CliIO } from './main.js';

export const DOCS_BASE = 'docs/rules';

/** `lint-rule rules`: every check with its default severity, whether the config turns it on, and its docs page. */
export async function rulesCommand(values: CliValues, io: CliIO): Promise<number> {
  const config = configFromCli(values, io);
  const rows = ALL_CHECKS.map((c) => [
    c.meta.id,
    c.meta.defaultSeverity,
    c.meta.recommended ? 'yes' : '',
    config.rules.get(c.meta.id)?.severity ?? 'off',
    c.meta.vendors?.join(',') ?? 'all',
    `${DOCS_BASE}/${c.meta.id}.md`,
  ]);
  if (values.format === 'json') {
    emit(JSON.stringify(ALL_CHECKS.map((c) => ({ ...c.meta, docs: `${DOCS_BASE}/${c.meta.id}.md`, severity: config.rules.get(c.meta.id)?.severity ?? 'off' }))), values, io);
  } else {
    emit(textTable(['Check', 'Default', 'Recommended', 'In force', 'Vendors', 'Docs'], rows, 80), values, io);
  }
  return EXIT_OK;
}
