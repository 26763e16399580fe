import type { RowExample, ValueRow } from '../../index/corpus-index.js';
import type { RuleModel } from '../../model/rule.js';

/** Writes corpus exclusion rows as a filter in the draft's own language. */
export type ExclusionSnippetWriter = (rule: RuleModel, rows: readonly ValueRow[]) => string;

/** The row as the draft's vendor would write it: that vendor's example, else the normalised row. */
export function exampleFor(rule: RuleModel, row: ValueRow): RowExample & { sameVendor: boolean } {
  const own = row.examples[rule.vendor];
  if (own) return { ...own, sameVendor: true };
  return { field: row.field, written: '', operator: row.operator, value: row.value, sameVendor: false };
}
