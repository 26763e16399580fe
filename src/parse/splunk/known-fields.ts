import { allAliases } from '../../model/fields.js';
import type { KnownFields } from '../../model/rule.js';
import type { Located } from './document.js';
import { loadDataSources, type DataSourceInfo } from './data-sources.js';
import { datasetPrefixOf } from './field-names.js';
import type { SplunkSearchAnalysis } from './search-analysis.js';
import { isAggregation } from './spl-lower.js';

/** Fields every Splunk event has, whatever its source. */
const DEFAULT_FIELDS = ['_time', '_raw', '_indextime', 'index', 'source', 'sourcetype', 'host', 'eventtype', 'tag', 'splunk_server', 'linecount', 'punct'];

/** Commands that create fields nobody can list ahead: after one of them any name may exist. */
const EXTRACTING_COMMANDS: ReadonlySet<string> = new Set(['spath', 'xmlkv', 'kvform', 'extract', 'kv', 'xpath', 'multikv', 'xmlunescape', 'lookup', 'inputlookup', 'join', 'append', 'appendcols', 'appendpipe']);

/**
 * The names shared by every detection with the same data sources, data model
 * and dataset prefixes; most detections share one of a few hundred such
 * lists, so they are built once per process.
 */
const baseLists = new Map<string, ReadonlySet<string>>();

function baseNames(infos: readonly DataSourceInfo[], datamodel: string | undefined, prefixes: readonly string[]): ReadonlySet<string> {
  const key = `${infos.map((i) => i.file).join('\u0000')}\u0001${datamodel ?? ''}\u0001${prefixes.join('\u0000')}`;
  let names = baseLists.get(key);
  if (names) return names;
  const set = new Set<string>(DEFAULT_FIELDS);
  for (const info of infos) for (const f of info.fields ?? []) set.add(f);
  if (datamodel !== undefined) {
    // The data sources list the TA's field names; a datamodel search reads the CIM names the TA maps them to.
    const bare: string[] = [...set];
    for (const alias of allAliases('cim')) {
      if (datasetPrefixOf(alias) === undefined) bare.push(alias);
      else set.add(alias);
    }
    for (const p of prefixes) for (const f of bare) set.add(`${p}.${f}`);
    for (const info of infos) for (const f of info.datamodelFields.get(datamodel) ?? []) set.add(f);
  }
  names = set;
  baseLists.set(key, names);
  return names;
}

/**
 * The field names valid for a detection: the `fields` of the data sources it
 * declares (`data_sources/*.yml` beside `detections/`); for a datamodel
 * search, those names and the CIM names of lint-rule's field table under the
 * dataset prefixes the search uses, and the data sources' CIM field mappings;
 * Splunk's default fields; the fields the search itself creates and those its
 * macros read. Undefined, so that nothing is checked, when a declared data
 * source is unknown or lists no fields, or when the search extracts fields at
 * run time before its filters.
 */
export function splunkKnownFields(dataSourcesDir: string | undefined, declared: readonly Located<string>[], analysis: SplunkSearchAnalysis | undefined): KnownFields | undefined {
  if (!dataSourcesDir || declared.length === 0 || !analysis?.facts || !analysis.ast) return undefined;
  const table = loadDataSources(dataSourcesDir);
  const infos: DataSourceInfo[] = [];
  for (const d of declared) {
    const info = table.get(d.value);
    if (!info?.fields) return undefined;
    if (!infos.includes(info)) infos.push(info);
  }
  // Only the commands up to the first aggregation feed the predicates the check looks at.
  for (const cmd of analysis.ast.pipeline.commands) {
    if (EXTRACTING_COMMANDS.has(cmd.name)) return undefined;
    if (isAggregation(cmd)) break;
  }
  const facts = analysis.facts;
  const prefixes = new Set<string>();
  if (analysis.datamodelName) {
    const dataset = analysis.datamodel?.dataset ?? analysis.datamodel?.model;
    if (dataset) prefixes.add(dataset);
    for (const r of facts.fieldRefs) {
      const p = datasetPrefixOf(r.name);
      if (p) prefixes.add(p);
    }
  }
  const base = baseNames(infos, analysis.datamodelName, [...prefixes].sort());
  const extra: string[] = [];
  for (const c of facts.createdFields) if (!base.has(c.name)) extra.push(c.name);
  // A macro's fields are the macro author's choice, not something the detection can fix.
  for (const r of facts.fieldRefs) if (!base.has(r.name) && analysis.fromMacro(r.span)) extra.push(r.name);
  const list = infos.map((i) => i.name);
  return { names: [...base, ...new Set(extra)], source: `the data source${list.length === 1 ? '' : 's'} ${list.join(', ')}` };
}
