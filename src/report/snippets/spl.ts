import type { ValueRow } from '../../index/corpus-index.js';
import { aliasesOf } from '../../model/fields.js';
import type { Operator, RuleModel, Vendor } from '../../model/rule.js';
import { datasetPrefixOf } from '../../parse/splunk/field-names.js';
import { splunkSearchOf, type SplunkSearchAnalysis } from '../../parse/splunk/search-analysis.js';
import { casedValue, type ExclusionSnippetWriter } from './types.js';

/*
 * Exclusions in SPL. A tstats search filters in its `where` clause (a `|
 * search` after tstats would test the aggregated rows, and only by-fields);
 * a raw search takes a `| search NOT (…)` after its base search. Values are
 * search-language strings: `\` and `"` escaped, `*` the only wildcard.
 */

/** A search-language (or eval) string literal. */
export function splString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Values as patterns: SPL's only wildcard is `*`, so a one-character `?` widens to `*`. */
function pattern(operator: Operator, value: string): string | undefined {
  switch (operator) {
    case 'eq':
    case 'match':
    case 'in':
    case 'cidr':
      return value;
    case 'contains':
      return `*${value}*`;
    case 'starts_with':
      return `${value}*`;
    case 'ends_with':
      return `*${value}`;
    case 'wildcard':
      return value.replace(/\?/g, '*');
    default:
      return undefined;
  }
}

const COMPARISON: Partial<Record<Operator, string>> = { lt: '<', lte: '<=', gt: '>', gte: '>=', ne: '!=' };
const NUMBER = /^-?\d+(\.\d+)?$/;
/** Whose spelling of a value a snippet prefers: its own vendor's first. */
const EXAMPLE_ORDER: readonly Vendor[] = ['splunk', 'sigma', 'elastic'];


/** The dataset prefix the draft's tstats fields use most, else the dataset's name. */
function datasetPrefix(analysis: SplunkSearchAnalysis): string {
  const counts = new Map<string, number>();
  for (const r of analysis.facts?.fieldRefs ?? []) {
    if (r.command !== 'tstats') continue;
    const p = datasetPrefixOf(r.name);
    if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  let best: string | undefined;
  let n = 0;
  for (const [p, c] of counts) if (c > n) [best, n] = [p, c];
  return best ?? analysis.datamodel?.dataset ?? analysis.datamodel?.model ?? '';
}

/** How a tstats draft names the row's field: `<Dataset>.<cim name>`; undefined when CIM has no name for it. */
function datamodelField(rule: RuleModel, row: ValueRow, prefix: string): string | undefined {
  const own = rule.predicates.find((p) => p.field === row.field && p.group === 'tstats' && p.fieldAsWritten.startsWith(`${prefix}.`));
  if (own) return own.fieldAsWritten;
  const written = row.examples.splunk?.written;
  if (written?.startsWith(`${prefix}.`) && row.examples.splunk?.field === row.field) return written;
  const cim = aliasesOf(row.field)?.cim ?? [];
  const qualified = cim.find((a) => a.startsWith(`${prefix}.`));
  if (qualified) return qualified;
  const bare = cim.find((a) => datasetPrefixOf(a) === undefined);
  return bare ? `${prefix}.${bare}` : undefined;
}

/**
 * How a raw-search draft names the row's field: as the draft does, as a
 * Splunk or Sigma corpus rule does, or by its Sysmon/Windows, CIM or raw
 * name, preferring a name the draft's data sources list.
 */
function rawField(rule: RuleModel, row: ValueRow): string {
  const own = rule.predicates.find((p) => p.field === row.field && p.fieldAsWritten !== '');
  if (own) return own.fieldAsWritten;
  const candidates: string[] = [];
  // Raw Windows events carry the Sysmon/EventData names Sigma rules use.
  for (const vendor of ['splunk', 'sigma'] as const) {
    const ex = row.examples[vendor];
    if (ex && ex.field === row.field && ex.written !== '' && datasetPrefixOf(ex.written) === undefined) candidates.push(ex.written);
  }
  const aliases = aliasesOf(row.field);
  if (aliases) {
    candidates.push(...aliases.sigma, ...aliases.cim.filter((a) => datasetPrefixOf(a) === undefined), ...aliases.splunk_raw);
  }
  if (row.field.startsWith('winlog.event_data.')) candidates.push(row.field.slice('winlog.event_data.'.length));
  const known = rule.knownFields?.();
  if (known) {
    const names = new Set(known.names);
    const listed = candidates.find((c) => names.has(c));
    if (listed) return listed;
  }
  return candidates[0] ?? row.field;
}

interface Group {
  field: string;
  operator: Operator;
  values: string[];
}

function groupRows(rows: readonly ValueRow[], fieldOf: (row: ValueRow) => string | undefined): Group[] {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const field = fieldOf(row);
    if (field === undefined) continue;
    // Every pattern operator is a value of one `field IN (…)` list.
    const kind = pattern(row.operator, 'x') !== undefined ? 'pattern' : row.operator;
    const key = `${field}\u0000${kind}`;
    let g = groups.get(key);
    if (!g) {
      g = { field, operator: row.operator, values: [] };
      groups.set(key, g);
    }
    const value = pattern(row.operator, casedValue(row, EXAMPLE_ORDER)) ?? casedValue(row, EXAMPLE_ORDER);
    if (!g.values.some((v) => v.toLowerCase() === value.toLowerCase())) g.values.push(value);
  }
  return [...groups.values()];
}

/** A group as one search-language clause; regexes are returned apart (only `where` can test them). */
function clause(g: Group): string | undefined {
  const { field, operator, values } = g;
  if (pattern(operator, 'x') !== undefined) {
    return values.length === 1 ? `${field}=${splString(values[0] as string)}` : `${field} IN (${values.map(splString).join(', ')})`;
  }
  const op = COMPARISON[operator];
  if (op) return values.map((v) => `${field}${op}${NUMBER.test(v) && operator !== 'ne' ? v : splString(v)}`).join(' OR ');
  if (operator === 'is_null') return `NOT ${field}=*`;
  if (operator === 'is_not_null') return `${field}=*`;
  return undefined;
}

/** In eval, `.` concatenates: a dotted field name must be single-quoted. */
function evalField(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "\\'")}'`;
}

function notAny(clauses: readonly string[]): string {
  return `NOT (${clauses.join(' OR ')})`;
}

/**
 * SPL that excludes the rows: for a tstats search, a `NOT (…)` for its
 * `where` clause with dataset-prefixed CIM fields (rows CIM has no field for
 * are left out); for a raw search, a `| search NOT (…)` after the base
 * search, and a `| where NOT match(…)` per regex. Empty when nothing can be
 * written.
 */
export const splSnippet: ExclusionSnippetWriter = (rule, rows) => {
  const analysis = splunkSearchOf(rule);
  const tstats = analysis?.datamodel?.command.kind === 'tstats' ? analysis.datamodel.command : undefined;
  if (analysis && tstats) {
    const prefix = datasetPrefix(analysis);
    const groups = groupRows(rows, (row) => datamodelField(rule, row, prefix));
    const clauses = groups.map(clause).filter((c): c is string => c !== undefined);
    if (clauses.length === 0) return '';
    if (tstats.where) return ['``` in the tstats where clause, before "by": ```', notAny(clauses)].join('\n');
    return ['``` after "from datamodel=…", before "by": ```', `where ${notAny(clauses)}`].join('\n');
  }
  const groups = groupRows(rows, (row) => rawField(rule, row));
  const clauses = groups.map(clause).filter((c): c is string => c !== undefined);
  const lines: string[] = ['``` after the base search, before the first stats: ```'];
  if (clauses.length > 0) lines.push(`| search ${notAny(clauses)}`);
  for (const g of groups) {
    if (g.operator !== 'regex_match') continue;
    for (const v of g.values) lines.push(`| where NOT match(${evalField(g.field)}, ${splString(v)})`);
  }
  return lines.length > 1 ? lines.join('\n') : '';
};
