import type { ValueRow } from '../../index/corpus-index.js';
import type { Operator, RuleModel, Vendor } from '../../model/rule.js';
import { fieldFor } from './field-names.js';
import { casedValue } from './types.js';

/** One field and operator of an exclusion snippet, with the values to exclude. */
export interface TermGroup {
  field: string;
  operator: Operator;
  values: string[];
}

/** Whose spelling of a value a snippet prefers: its own vendor's first. */
const EXAMPLE_ORDER: readonly Vendor[] = ['elastic', 'sigma', 'splunk'];


/** How an Elastic draft spells the row's field: as an Elastic corpus rule writes it, else as the draft does, else ECS. */
function fieldName(rule: RuleModel, row: ValueRow): string {
  const ex = row.examples.elastic;
  if (ex && ex.field === row.field && ex.written !== '') return ex.written;
  return fieldFor(rule, row.field, 'ecs');
}

/**
 * Corpus rows as (field, operator, values) groups, in the order of the rows.
 * Rows are used in their normalised form (`Image|endswith '\x.exe'` is
 * `process.name` = `x.exe`), so each language writes a handful of operators.
 */
export function termGroups(rule: RuleModel, rows: readonly ValueRow[]): TermGroup[] {
  const groups = new Map<string, TermGroup>();
  for (const row of rows) {
    const field = fieldName(rule, row);
    const key = `${field}\u0000${row.operator}`;
    let g = groups.get(key);
    if (!g) {
      g = { field, operator: row.operator, values: [] };
      groups.set(key, g);
    }
    const value = casedValue(row, EXAMPLE_ORDER);
    if (!g.values.some((v) => v.toLowerCase() === value.toLowerCase())) g.values.push(value);
  }
  return [...groups.values()];
}

/**
 * The value as a wildcard pattern: `contains x` → `*x*`. `literal` escapes
 * text that must match as it is; `wildcard` escapes a wildcard value's text
 * but keeps its `*` and `?`.
 */
export function asPattern(operator: Operator, value: string, literal: (text: string) => string, wildcard: (text: string) => string): string {
  switch (operator) {
    case 'contains':
      return `*${literal(value)}*`;
    case 'starts_with':
      return `${literal(value)}*`;
    case 'ends_with':
      return `*${literal(value)}`;
    default:
      return wildcard(value);
  }
}

/** Operators written as a wildcard pattern. */
export const PATTERN_OPERATORS: ReadonlySet<Operator> = new Set(['wildcard', 'contains', 'starts_with', 'ends_with']);

export const NUMBER = /^-?\d+(?:\.\d+)?$/;
