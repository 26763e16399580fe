import type { IndexedRule } from '../index/corpus-index.js';
import { parseKey } from '../model/normalize.js';

/**
 * Whether any of the rules excludes a corpus exclusion row: the same row, or
 * the same field with an overlapping value. This is the match the
 * `missing-common-exclusions` check applies to a draft, over index entries
 * instead of a parsed rule, so a repository rule the linter is content with
 * is not reported as a gap here.
 */
export function rulesCoverExclusion(rules: readonly IndexedRule[], row: { key: string; field: string; value: string }): boolean {
  for (const r of rules) {
    for (const p of r.predicates) {
      if (p.role !== 'exclusion') continue;
      if (p.key === row.key) return true;
      const n = parseKey(p.key);
      if (n.field === row.field && n.value !== '' && (n.value.includes(row.value) || row.value.includes(n.value))) return true;
    }
  }
  return false;
}
