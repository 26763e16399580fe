import type { RowExample, ValueRow } from '../../index/corpus-index.js';
import type { RuleModel } from '../../model/rule.js';

/** Writes corpus exclusion rows as a filter in the draft's own language. */
export type ExclusionSnippetWriter = (rule: RuleModel, rows: readonly ValueRow[]) => string;

/** The row as the draft's vendor would write it: that vendor's example, else the normalised row. */
export function exampleFor(rule: RuleModel, row: ValueRow): RowExample {
  return row.examples[rule.vendor] ?? { field: row.field, operator: row.operator, value: row.value };
}
