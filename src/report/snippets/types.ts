import type { RowExample, ValueRow } from '../../index/corpus-index.js';
import type { RuleModel, Vendor } from '../../model/rule.js';

/** Writes corpus exclusion rows as a filter in the draft's own language. */
export type ExclusionSnippetWriter = (rule: RuleModel, rows: readonly ValueRow[]) => string;

/** The row as the draft's vendor would write it: that vendor's example, else the normalised row. */
export function exampleFor(rule: RuleModel, row: ValueRow): RowExample & { sameVendor: boolean } {
  const own = row.examples[rule.vendor];
  if (own) return { ...own, sameVendor: true };
  return { field: row.field, written: '', operator: row.operator, value: row.value, sameVendor: false };
}

/**
 * The row's value in the casing corpus rules write it (rows are lower-cased by
 * normalisation; KQL, ES|QL and SPL compare some fields case-sensitively, so
 * the written casing is the better guess), from the first vendor in `order`
 * whose example holds it.
 */
export function casedValue(row: ValueRow, order: readonly Vendor[]): string {
  for (const vendor of order) {
    const ex = row.examples[vendor];
    if (!ex) continue;
    const lower = ex.value.toLowerCase();
    if (lower.length !== ex.value.length) continue;
    const at = lower.indexOf(row.value);
    if (at >= 0) return ex.value.slice(at, at + row.value.length);
  }
  return row.value;
}
