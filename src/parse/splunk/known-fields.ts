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
  const names = new Set<string>(DEFAULT_FIELDS);
  for (const info of infos) for (const f of info.fields ?? []) names.add(f);
  const facts = analysis.facts;
  if (analysis.datamodelName) {
    const prefixes = new Set<string>();
    const dataset = analysis.datamodel?.dataset ?? analysis.datamodel?.model;
    if (dataset) prefixes.add(dataset);
    for (const r of facts.fieldRefs) {
      const p = datasetPrefixOf(r.name);
      if (p) prefixes.add(p);
    }
    // The data sources list the TA's field names; a datamodel search reads the CIM names the TA maps them to.
    const bare: string[] = [...names];
    for (const alias of allAliases('cim')) {
      if (datasetPrefixOf(alias) === undefined) bare.push(alias);
      else names.add(alias);
    }
    for (const p of prefixes) for (const f of bare) names.add(`${p}.${f}`);
    for (const info of infos) for (const f of info.datamodelFields.get(analysis.datamodelName) ?? []) names.add(f);
  }
  for (const c of facts.createdFields) names.add(c.name);
  // A macro's fields are the macro author's choice, not something the detection can fix.
  for (const r of facts.fieldRefs) if (analysis.fromMacro(r.span)) names.add(r.name);
  const list = infos.map((i) => i.name);
  return { names: [...names], source: `the data source${list.length === 1 ? '' : 's'} ${list.join(', ')}` };
}
