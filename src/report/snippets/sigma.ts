import type { Operator, RuleModel } from '../../model/rule.js';
import type { SigmaDocument } from '../../parse/sigma/document-types.js';
import { fieldFor, pathFieldOf } from './field-names.js';
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

/** The path separator of the rule's platform (Sigma logsources name it: product windows, linux, macos). */
function separatorOf(rule: RuleModel): string {
  const product = rule.vendor === 'sigma' ? (rule.doc as SigmaDocument).logsource?.product?.value : undefined;
  return product === undefined || product === 'windows' ? '\\' : '/';
}

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
    let ex = exampleFor(rule, row);
    // Sigma has no name fields: `process.name = x.exe` is written `Image|endswith: '\x.exe'`.
    const pathField = ex.sameVendor ? undefined : pathFieldOf(ex.field);
    if (pathField && ex.operator === 'eq') ex = { ...ex, field: pathField, operator: 'ends_with', value: `${separatorOf(rule)}${ex.value}` };
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
