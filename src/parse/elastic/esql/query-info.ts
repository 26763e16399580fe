import type { EsqlCommand, EsqlField, EsqlKeep, EsqlQuery, EsqlSource } from './ast.js';

/** The index patterns of the source command (FROM/TS), as written and located. */
export function esqlSources(q: EsqlQuery): EsqlSource[] {
  const first = q.commands[0];
  return first?.kind === 'from' ? first.sources : [];
}

/** The `METADATA` fields of the source command (`_id`, `_version`, `_index` …). */
export function esqlMetadataFields(q: EsqlQuery): EsqlField[] {
  const first = q.commands[0];
  return first?.kind === 'from' ? first.metadata : [];
}

/** The fields of the last KEEP (what the query returns), or undefined without a KEEP. */
export function esqlKeepFields(q: EsqlQuery): EsqlField[] | undefined {
  let last: EsqlKeep | undefined;
  for (const c of q.commands) if (c.kind === 'keep') last = c;
  return last?.fields;
}

/**
 * Whether the query aggregates: a STATS that replaces the rows with groups.
 * INLINE STATS only adds columns to each row, so it does not count.
 */
export function esqlHasStats(q: EsqlQuery): boolean {
  return q.commands.some((c) => c.kind === 'stats' && !c.inline);
}

/**
 * The names a command gives to new or overwritten columns, as far as they
 * can be known from the query alone (ENRICH without WITH, LOOKUP JOIN and
 * unknown commands add columns that only their source knows).
 */
export function createdFields(cmd: EsqlCommand): string[] {
  switch (cmd.kind) {
    case 'eval':
    case 'row':
      return cmd.fields.flatMap((f) => (f.target ? [f.target.name] : []));
    case 'stats':
      return [...cmd.aggregates, ...cmd.groupings].flatMap((f) => (f.target ? [f.target.name] : []));
    case 'rename':
      return cmd.renames.map((r) => r.to.name);
    case 'dissect':
      return dissectKeys(String(cmd.pattern.value));
    case 'grok':
      return cmd.patterns.flatMap((p) => grokNames(String(p.value)));
    case 'enrich':
      return cmd.with.map((w) => (w.target ?? w.field).name);
    case 'change_point':
      return cmd.outputs.length > 0 ? cmd.outputs.map((o) => o.name) : ['type', 'pvalue'];
    default:
      return [];
  }
}

const NAME = /^[A-Za-z_@][\w.@-]*$/;

/** `%{name}`, `%{+name}`, `%{name->}`, `%{+name/2}`; `%{?name}` and `%{}` name nothing. */
function dissectKeys(pattern: string): string[] {
  const out: string[] = [];
  let i = pattern.indexOf('%{');
  while (i >= 0) {
    const close = pattern.indexOf('}', i + 2);
    if (close < 0) break;
    let key = pattern.slice(i + 2, close);
    if (key.endsWith('->')) key = key.slice(0, -2);
    const slash = key.indexOf('/');
    if (slash >= 0) key = key.slice(0, slash);
    if (key[0] !== '?') {
      key = key.replace(/^[+*&]/, '');
      if (NAME.test(key)) out.push(key);
    }
    i = pattern.indexOf('%{', close + 1);
  }
  return out;
}

/** `%{SYNTAX:name}`, `%{SYNTAX:name:type}` and `(?<name>…)`. */
function grokNames(pattern: string): string[] {
  const out: string[] = [];
  let i = pattern.indexOf('%{');
  while (i >= 0) {
    const close = pattern.indexOf('}', i + 2);
    if (close < 0) break;
    const parts = pattern.slice(i + 2, close).split(':');
    if (parts[1] && NAME.test(parts[1])) out.push(parts[1]);
    i = pattern.indexOf('%{', close + 1);
  }
  let j = pattern.indexOf('(?<');
  while (j >= 0) {
    const close = pattern.indexOf('>', j + 3);
    if (close < 0) break;
    const name = pattern.slice(j + 3, close);
    // `(?<=` and `(?<!` are lookbehinds, not names.
    if (NAME.test(name)) out.push(name);
    j = pattern.indexOf('(?<', close + 1);
  }
  return out;
}
