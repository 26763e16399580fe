import type { SplunkSearchAnalysis } from '../../parse/splunk/search-analysis.js';
import type { SplAggregation, SplCommand, SplPipeline } from '../../parse/splunk/spl-ast.js';

/**
 * The fields of a search's results: what a risk message, a notable's
 * drilldown or a throttle can name. Known when the search ends on a field
 * list lint-rule can follow (tstats/stats/table/fields, then renames, evals,
 * lookups, rex …); unknown when it ends on raw events or passes through a
 * command whose output lint-rule cannot list.
 */
export interface ResultFields {
  known: boolean;
  has(name: string): boolean;
  /** The listed names (for messages); empty when unknown. */
  names: readonly string[];
}

interface FieldSet {
  names: Set<string>;
  /** Wildcard names (`values(*) as *`, `fields dest*`). */
  patterns: string[];
  /** Any other field may be there too (raw events, or an output lint-rule cannot list). */
  open: boolean;
}

/** Commands that keep the results' fields as they are. */
const PASS_THROUGH: ReadonlySet<string> = new Set([
  'search', 'where', 'dedup', 'sort', 'head', 'tail', 'reverse', 'uniq', 'regex', 'makemv', 'mvexpand', 'fillnull', 'filldown',
  'fieldformat', 'replace', 'nomv', 'mvcombine', 'collect', 'sendemail', 'noop', 'localop', 'convert', 'table', 'fields',
]);

/** Fields `iplocation` adds (without `prefix=`). */
const IPLOCATION_FIELDS = ['City', 'Country', 'Region', 'lat', 'lon'];

const cache = new WeakMap<SplunkSearchAnalysis, ResultFields>();

export function resultFieldsOf(analysis: SplunkSearchAnalysis): ResultFields {
  let r = cache.get(analysis);
  if (!r) {
    r = build(analysis);
    cache.set(analysis, r);
  }
  return r;
}

function build(analysis: SplunkSearchAnalysis): ResultFields {
  const ast = analysis.ast;
  const set = ast && analysis.parse.errors.length === 0 ? pipelineFields(ast.pipeline) : undefined;
  if (!set || set.open) {
    return { known: false, has: () => true, names: [] };
  }
  const patterns = set.patterns.map(wildcard);
  return {
    known: true,
    has: (name) => set.names.has(name) || patterns.some((m) => m(name)),
    names: [...set.names],
  };
}

function pipelineFields(p: SplPipeline): FieldSet {
  let set: FieldSet = { names: new Set(), patterns: [], open: true };
  for (const cmd of p.commands) set = apply(set, cmd);
  return set;
}

function apply(set: FieldSet, cmd: SplCommand): FieldSet {
  switch (cmd.kind) {
    case 'tstats':
      return { names: new Set([...cmd.aggregations.map(aggregationName), ...cmd.by.map((b) => b.text)]), patterns: patternsOf(cmd.aggregations), open: false };
    case 'stats': {
      const created = [...cmd.aggregations.map(aggregationName), ...cmd.by.map((b) => b.text)];
      if (cmd.over) created.push(cmd.over.text);
      if (cmd.name === 'eventstats' || cmd.name === 'streamstats') return added(set, created, patternsOf(cmd.aggregations));
      // chart and timechart make a column per value of their split-by field.
      const columnsFromValues = (cmd.name === 'chart' || cmd.name === 'timechart') && cmd.by.length > 0;
      if (cmd.name === 'timechart') created.push('_time');
      return { names: new Set(created), patterns: patternsOf(cmd.aggregations), open: columnsFromValues };
    }
    case 'fields': {
      const names = cmd.fields.map((f) => f.text);
      if (cmd.remove) {
        const drop = names.map(wildcard);
        return { ...set, names: new Set([...set.names].filter((n) => !drop.some((m) => m(n)))) };
      }
      const exact = names.filter((n) => !n.includes('*'));
      const globs = names.filter((n) => n.includes('*'));
      // `table a b*` keeps what matches, of the fields there were; with open input a glob may match anything.
      return { names: new Set(exact), patterns: globs, open: set.open && globs.length > 0 };
    }
    case 'rename':
      return renamed(set, cmd.pairs.map((p) => [p.from.text, p.to.text]));
    case 'eval':
      return added(set, cmd.assignments.map((a) => a.field.text));
    case 'lookup':
      // Without OUTPUT a lookup adds every column of its table.
      if (cmd.outputs.length === 0) return { ...set, open: true };
      return added(set, cmd.outputs.map((o) => (o.as ?? o.field).text));
    case 'rex':
      return added(set, cmd.groups.map((g) => g.name));
    case 'bin':
      return cmd.as ? added(set, [cmd.as.text]) : set;
    case 'convert':
      return added(set, cmd.conversions.flatMap((c) => (c.as ? [c.as.text] : [])));
    case 'spath': {
      const output = cmd.options.find((o) => o.name === 'output');
      const target = output?.value.text ?? cmd.path?.text;
      return target ? added(set, [target]) : { ...set, open: true };
    }
    case 'join':
    case 'append': {
      if (!cmd.subsearch) return { ...set, open: true };
      const sub = pipelineFields(cmd.subsearch);
      return { names: new Set([...set.names, ...sub.names]), patterns: [...set.patterns, ...sub.patterns], open: set.open || sub.open };
    }
    case 'inputlookup':
    case 'from':
    case 'macro':
      return { ...set, open: true };
    case 'other':
      if (PASS_THROUGH.has(cmd.name)) return set;
      if (cmd.name === 'iplocation' && !/\bprefix\s*=/.test(cmd.args)) return added(set, IPLOCATION_FIELDS);
      return { ...set, open: true };
    default:
      return set;
  }
}

/**
 * Adds to the set in place: a pipeline threads one set through its commands
 * and never reads an earlier one again, and copying it per command made a
 * search of thousands of `eval`s quadratic (20,000 took 29 s).
 */
function added(set: FieldSet, names: readonly string[], patterns: readonly string[] = []): FieldSet {
  for (const name of names) set.names.add(name);
  set.patterns.push(...patterns);
  return set;
}

/** `rename a as b`, and Splunk's one-wildcard form `Processes.* as *`. */
function renamed(set: FieldSet, pairs: readonly (readonly [string, string])[]): FieldSet {
  let names = [...set.names];
  const extra: string[] = [];
  for (const [from, to] of pairs) {
    const star = from.indexOf('*');
    if (star < 0) {
      const had = names.includes(from);
      names = names.filter((n) => n !== from);
      // With open input the renamed field may come from the events.
      if (had || set.open) extra.push(to);
      continue;
    }
    const prefix = from.slice(0, star);
    const suffix = from.slice(star + 1);
    names = names.map((n) => {
      if (n.length < prefix.length + suffix.length || !n.startsWith(prefix) || !n.endsWith(suffix)) return n;
      return to.replace('*', n.slice(prefix.length, n.length - suffix.length));
    });
  }
  return { names: new Set([...names, ...extra]), patterns: set.patterns, open: set.open };
}

/** Splunk's name for an aggregation's column: its `as`, else `count`, `values(x)`. */
function aggregationName(a: SplAggregation): string {
  if (a.as) return a.as.text;
  return a.field ? `${a.fn}(${a.field.text})` : a.fn;
}

function patternsOf(aggs: readonly SplAggregation[]): string[] {
  return aggs.map(aggregationName).filter((n) => n.includes('*'));
}

function wildcard(pattern: string): (name: string) => boolean {
  if (!pattern.includes('*')) return (n) => n === pattern;
  const parts = pattern.split('*');
  const first = parts[0] as string;
  const last = parts[parts.length - 1] as string;
  return (n) => {
    if (n.length < first.length + last.length || !n.startsWith(first) || !n.endsWith(last)) return false;
    let pos = first.length;
    for (let i = 1; i < parts.length - 1; i++) {
      const at = n.indexOf(parts[i] as string, pos);
      if (at < 0 || at + (parts[i] as string).length > n.length - last.length) return false;
      pos = at + (parts[i] as string).length;
    }
    return true;
  };
}
