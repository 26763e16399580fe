import type { Operator } from '../../model/rule.js';
import type { SigmaDocument } from '../../parse/sigma/document-types.js';
import { fieldFor } from './field-names.js';
import { exampleFor, type ExclusionSnippetWriter } from './types.js';

const MODIFIER: Partial<Record<Operator, string>> = {
  contains: '|contains',
  starts_with: '|startswith',
  ends_with: '|endswith',
  regex_match: '|re',
  cidr: '|cidr',
  lt: '|lt',
  lte: '|lte',
  gt: '|gt',
  gte: '|gte',
};

function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * A Sigma filter block: one `filter_main_corpus_<n>` selection per field and
 * modifier (values of one field are ORed in a list), and the condition line
 * that excludes them all.
 */
export const sigmaSnippet: ExclusionSnippetWriter = (rule, rows) => {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const ex = exampleFor(rule, row);
    const field = ex.sameVendor && ex.written !== '' ? ex.written : fieldFor(rule, ex.field, 'sigma');
    let key: string;
    let value: string;
    if (ex.operator === 'is_null') {
      key = field;
      value = 'null';
    } else if (ex.operator === 'is_not_null') {
      key = `${field}|exists`;
      value = 'true';
    } else {
      key = `${field}${MODIFIER[ex.operator] ?? ''}`;
      value = quote(ex.value);
    }
    const list = groups.get(key);
    if (list) {
      if (!list.includes(value)) list.push(value);
    } else groups.set(key, [value]);
  }
  const lines: string[] = [];
  let n = 0;
  for (const [key, values] of groups) {
    n++;
    lines.push(`    filter_main_corpus_${n}:`);
    if (values.length === 1) lines.push(`        ${key}: ${values[0]}`);
    else {
      lines.push(`        ${key}:`);
      for (const v of values) lines.push(`            - ${v}`);
    }
  }
  const current = rule.vendor === 'sigma' ? (rule.doc as SigmaDocument).detection?.condition[0]?.text.trim() : undefined;
  const condition = current ? (/\bor\b/i.test(current) ? `(${current})` : current) : '<your condition>';
  lines.push(`    condition: ${condition} and not 1 of filter_main_corpus_*`);
  return lines.join('\n');
};
