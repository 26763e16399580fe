import { loadTable } from './tables.js';

/** One telemetry event of the catalog, as the catalog page shows it ("Provider | Event | Title"). */
export interface CatalogEvent {
  /** `sysmon:1`, `security:4688`, `esf:NOTIFY_WRITE`, `wineventlog:System:7045` … */
  key: string;
  /** Display provider: `Sysmon`, `Security-Auditing`, `ESF` … */
  provider: string;
  /** Display event label: `Event ID 1`, or the ES event name (`write`). */
  label: string;
  title: string | null;
  /** windows, linux, macos, cloud, network, any. */
  platform: string;
  /** Field names as the provider emits them; empty when the catalog does not list them. */
  fields: readonly string[];
}

export interface SigmaLogsource {
  product?: string;
  category?: string;
  service?: string;
}

/** What an Elastic rule's query and metadata say about the telemetry it reads. */
export interface ElasticSelector {
  categories: readonly string[];
  types: readonly string[];
  actions: readonly string[];
  codes: readonly string[];
  os?: string;
  datasets: readonly string[];
  indices: readonly string[];
  /** Fields the query reads; `dns.question.name` makes a Windows network selector a DNS query. */
  fields: readonly string[];
}

// ---- table shapes (dist/data/*.json) --------------------------------------------

interface NamespaceRow {
  provider: string;
  platform: string;
  channel?: string;
}

interface EventRow {
  title?: string | null;
  fields?: string[];
  provider?: string;
  label?: string;
  platform?: string;
}

interface EventsTable {
  namespaces: Record<string, NamespaceRow>;
  channels: Record<string, string>;
  events: Record<string, EventRow | null>;
}

interface LogsourceRow {
  product?: string;
  category?: string;
  service?: string;
  events?: string[];
  event_prefix?: string;
  fields_from?: string[];
  extra_fields?: string[];
  fields?: string[];
  reason?: string;
}

interface SigmaLogsourcesTable {
  common_fields: Record<string, string[]>;
  logsources: LogsourceRow[];
}

interface CategoryRow {
  category: string;
  types?: string[];
  events: string[];
}

interface ElasticEventsTable {
  code_sources: { prefix: string; datasets?: string[]; indices?: string[] }[];
  default_code_prefixes: string[];
  windows_indices: string[];
  actions: Record<string, Record<string, string[]>>;
  datasets: Record<string, string[]>;
  dns_fields: string[];
  windows_categories: CategoryRow[];
}

interface SplunkEventsTable {
  datamodels: Record<string, string[]>;
  macros: Record<string, string>;
  macro_events: Record<string, string[]>;
  data_source_patterns: { prefix: string; event_prefix: string }[];
  data_sources: Record<string, string[]>;
  data_source_prefixes: { prefix: string; events: string[] }[];
}

// ---- the catalog ------------------------------------------------------------------

let catalog: Map<string, CatalogEvent> | undefined;

function eventsTable(): EventsTable {
  return loadTable<EventsTable>('events');
}

function catalogMap(): Map<string, CatalogEvent> {
  if (!catalog) {
    const table = eventsTable();
    catalog = new Map();
    for (const [key, row] of Object.entries(table.events)) {
      catalog.set(key, Object.freeze(toCatalogEvent(table, key, row ?? {})));
    }
  }
  return catalog;
}

/** `wineventlog:System:7045` → namespace `wineventlog`, channel `System`, id `7045`. */
function splitKey(key: string): { namespace: string; channel: string | undefined; id: string } {
  const first = key.indexOf(':');
  if (first < 0) return { namespace: key, channel: undefined, id: '' };
  const namespace = key.slice(0, first);
  const rest = key.slice(first + 1);
  if (namespace !== 'wineventlog') return { namespace, channel: undefined, id: rest };
  const last = rest.lastIndexOf(':');
  return last < 0 ? { namespace, channel: rest, id: '' } : { namespace, channel: rest.slice(0, last), id: rest.slice(last + 1) };
}

function toCatalogEvent(table: EventsTable, key: string, row: EventRow): CatalogEvent {
  const { namespace, channel, id } = splitKey(key);
  const ns = table.namespaces[namespace];
  const provider =
    row.provider ??
    (namespace === 'wineventlog' && channel !== undefined ? (table.channels[channel] ?? channel) : (ns?.provider ?? namespace));
  const label = row.label ?? (namespace === 'esf' ? esfEventName(id) : /^\d+$/.test(id) ? `Event ID ${id}` : id);
  return {
    key,
    provider,
    label,
    title: row.title ?? null,
    platform: row.platform ?? ns?.platform ?? 'any',
    fields: Object.freeze([...(row.fields ?? [])]),
  };
}

/** `NOTIFY_WRITE` → `write`: the lower-cased es_event_type_t suffix, as eslogger names events. */
function esfEventName(id: string): string {
  return id.replace(/^(AUTH|NOTIFY)_/, '').toLowerCase();
}

/** The catalog entry of an event key, or undefined when the catalog does not list it. */
export function catalogEvent(key: string): CatalogEvent | undefined {
  return catalogMap().get(key);
}

/**
 * Like catalogEvent, but never fails: an event the catalog does not list (a
 * Security event ID nobody curated) still gets its provider and label from
 * its key, with no title and no fields.
 */
export function describeEvent(key: string): CatalogEvent {
  return catalogEvent(key) ?? toCatalogEvent(eventsTable(), key, {});
}

/** Every catalogued event key. */
export function catalogEventKeys(): readonly string[] {
  return [...catalogMap().keys()];
}

// ---- Sigma --------------------------------------------------------------------------

interface LogsourceIndex {
  rows: readonly LogsourceRow[];
  byLogsource: Map<string, LogsourceRow | null>;
  fieldsByRow: Map<LogsourceRow, readonly string[] | undefined>;
}

let logsourceIndex: LogsourceIndex | undefined;

function logsources(): LogsourceIndex {
  logsourceIndex ??= {
    rows: loadTable<SigmaLogsourcesTable>('sigma-logsources').logsources,
    byLogsource: new Map(),
    fieldsByRow: new Map(),
  };
  return logsourceIndex;
}

function norm(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.trim().toLowerCase();
}

/** The row whose keys all equal the logsource's; the most specific one when several do. */
function logsourceRow(ls: SigmaLogsource): LogsourceRow | undefined {
  const ix = logsources();
  const product = norm(ls.product);
  const category = norm(ls.category);
  const service = norm(ls.service);
  const cacheKey = `${product ?? ''}\u0000${category ?? ''}\u0000${service ?? ''}`;
  const cached = ix.byLogsource.get(cacheKey);
  if (cached !== undefined) return cached ?? undefined;
  let best: LogsourceRow | undefined;
  let bestWeight = -1;
  for (const row of ix.rows) {
    let weight = 0;
    if (row.product !== undefined) {
      if (row.product !== product) continue;
      weight++;
    }
    if (row.category !== undefined) {
      if (row.category !== category) continue;
      weight++;
    }
    if (row.service !== undefined) {
      if (row.service !== service) continue;
      weight++;
    }
    if (weight > bestWeight) {
      best = row;
      bestWeight = weight;
    }
  }
  // A row that names no key at all would match everything; none exists, but weight 0 is never a match.
  if (bestWeight <= 0) best = undefined;
  ix.byLogsource.set(cacheKey, best ?? null);
  return best;
}

function eventIdText(id: number | string): string | undefined {
  const text = String(id).trim();
  return /^\d+$/.test(text) ? String(Number(text)) : undefined;
}

function idOfKey(key: string): string {
  return key.slice(key.lastIndexOf(':') + 1);
}

/**
 * The catalog events a Sigma logsource reads. EventID values narrow it: a
 * channel-wide service (`service: security`) maps each ID to its event
 * (`security:4688`); a category keeps the events whose ID is listed (and all
 * of them when none is). A service logsource without EventIDs reads no
 * single event and maps to none.
 */
export function sigmaLogsourceEvents(ls: SigmaLogsource, eventIds?: readonly (number | string)[]): string[] {
  const row = logsourceRow(ls);
  if (!row) return [];
  const ids = new Set<string>();
  for (const id of eventIds ?? []) {
    const text = eventIdText(id);
    if (text !== undefined) ids.add(text);
  }
  if (row.event_prefix !== undefined) {
    if (ids.size > 0) return [...ids].map((id) => `${row.event_prefix}${id}`);
    return [...(row.events ?? [])];
  }
  const events = row.events ?? [];
  if (ids.size > 0) {
    const narrowed = events.filter((key) => ids.has(idOfKey(key)));
    if (narrowed.length > 0) return narrowed;
  }
  return [...events];
}

/** Why a Sigma logsource maps to no event, when the table says. */
export function sigmaLogsourceNoEventReason(ls: SigmaLogsource): string | undefined {
  return logsourceRow(ls)?.reason;
}

/**
 * The Sigma field names valid for a logsource: the fields of the events it
 * reads (Sysmon names are Sigma's), Sigma's additions, and the product's
 * common fields (EventID, Channel …). Undefined when there is no list, as for
 * channel-wide services.
 */
export function sigmaLogsourceFields(ls: SigmaLogsource): readonly string[] | undefined {
  const row = logsourceRow(ls);
  if (!row) return undefined;
  const ix = logsources();
  if (ix.fieldsByRow.has(row)) return ix.fieldsByRow.get(row);
  let fields: readonly string[] | undefined;
  if (row.fields !== undefined || row.fields_from !== undefined) {
    const set = new Set<string>(row.fields ?? []);
    for (const key of row.fields_from ?? []) for (const f of catalogEvent(key)?.fields ?? []) set.add(f);
    for (const f of row.extra_fields ?? []) set.add(f);
    const common = row.product !== undefined ? loadTable<SigmaLogsourcesTable>('sigma-logsources').common_fields[row.product] : undefined;
    for (const f of common ?? []) set.add(f);
    fields = Object.freeze([...set]);
  }
  ix.fieldsByRow.set(row, fields);
  return fields;
}

// ---- Elastic ------------------------------------------------------------------------

interface ElasticIndex {
  table: ElasticEventsTable;
  sysmonTitles: Map<string, string>;
  dnsFields: Set<string>;
}

let elasticIndex: ElasticIndex | undefined;

function elastic(): ElasticIndex {
  if (!elasticIndex) {
    const table = loadTable<ElasticEventsTable>('elastic-events');
    const sysmonTitles = new Map<string, string>();
    // The Elastic Sysmon integration puts Microsoft's event title in event.action.
    for (const ev of catalogMap().values()) {
      if (ev.key.startsWith('sysmon:') && ev.title) sysmonTitles.set(ev.title.toLowerCase(), ev.key);
    }
    elasticIndex = { table, sysmonTitles, dnsFields: new Set(table.dns_fields) };
  }
  return elasticIndex;
}

function startsWithAny(value: string, prefixes: readonly string[]): boolean {
  for (const p of prefixes) if (value.startsWith(p)) return true;
  return false;
}

/** `logs-aws.cloudtrail-*` → `aws.cloudtrail`: the dataset an integration index pattern names. */
function datasetOfIndex(pattern: string): string | undefined {
  const m = /^logs-([a-z0-9_]+\.[a-z0-9_]+)/.exec(pattern);
  return m?.[1];
}

/** Namespaces (`sysmon:`, `security:` …) that the selector's datasets and indices name. */
function sourcePrefixes(t: ElasticEventsTable, sel: ElasticSelector): string[] {
  const out: string[] = [];
  for (const src of t.code_sources) {
    const byDataset = sel.datasets.some((d) => src.datasets?.includes(d) === true);
    const byIndex = src.indices !== undefined && sel.indices.some((i) => startsWithAny(i, src.indices ?? []));
    if (byDataset || byIndex) out.push(src.prefix);
  }
  return out;
}

function inferOs(t: ElasticEventsTable, sel: ElasticSelector, prefixes: readonly string[]): string | undefined {
  if (sel.os !== undefined) return sel.os.toLowerCase();
  if (prefixes.some((p) => p !== 'sysmon_linux:')) return 'windows';
  if (sel.indices.length === 0 && sel.datasets.length === 0) return 'windows';
  return sel.indices.some((i) => startsWithAny(i, t.windows_indices)) ? 'windows' : undefined;
}

/**
 * The catalog events an Elastic rule's selector reads. Resolution order:
 * event.code in the namespace its data names, event.action, single-event
 * integration datasets, then (Windows only) event.category/event.type.
 * See data/elastic-events.yml for the tables and why macOS and Linux resolve
 * the way they do.
 */
export function elasticEvents(sel: ElasticSelector): string[] {
  const { table: t, sysmonTitles, dnsFields } = elastic();
  const out = new Set<string>();
  const prefixes = sourcePrefixes(t, sel);
  const os = inferOs(t, sel, prefixes);

  if (sel.codes.length > 0) {
    const candidates = prefixes.length > 0 ? prefixes : os === 'windows' ? t.default_code_prefixes : [];
    for (const raw of sel.codes) {
      const code = eventIdText(raw);
      if (code === undefined) continue;
      for (const prefix of candidates) {
        const key = `${prefix}${code}`;
        // One named source is trusted for any code; among several, only catalogued keys are plausible.
        if (prefixes.length === 1 || catalogMap().has(key)) {
          out.add(key);
          if (prefixes.length === 0) break;
        }
      }
    }
    if (out.size > 0) return [...out];
  }

  const actionTable = os !== undefined ? t.actions[os] : undefined;
  for (const action of sel.actions) {
    for (const key of actionTable?.[action] ?? []) out.add(key);
    if (os === 'windows') {
      const key = sysmonTitles.get(action.toLowerCase());
      if (key !== undefined) out.add(key);
    }
  }
  if (out.size > 0) return [...out];

  for (const dataset of sel.datasets) for (const key of t.datasets[dataset] ?? []) out.add(key);
  for (const index of sel.indices) {
    const dataset = datasetOfIndex(index);
    if (dataset !== undefined) for (const key of t.datasets[dataset] ?? []) out.add(key);
  }
  if (out.size > 0) return [...out];

  if (os !== 'windows') return [];
  const readsDns = sel.fields.some((f) => dnsFields.has(f));
  for (const category of sel.categories) {
    if (category === 'network' && readsDns) {
      out.add('sysmon:22');
      continue;
    }
    for (const row of t.windows_categories) {
      if (row.category !== category) continue;
      const applies = row.types === undefined ? sel.types.length === 0 : sel.types.some((type) => row.types?.includes(type) === true);
      if (applies) for (const key of row.events) out.add(key);
    }
  }
  if (prefixes.length === 0) return [...out];
  return [...out].filter((key) => startsWithAny(key, prefixes));
}

// ---- Splunk -------------------------------------------------------------------------

function splunkTable(): SplunkEventsTable {
  return loadTable<SplunkEventsTable>('splunk-events');
}

/**
 * The catalog events a CIM datamodel dataset reads (`Endpoint.Processes`).
 * A datamodel without dataset (`Endpoint`) reads all its datasets; a bare
 * dataset (`Processes`) is accepted too.
 */
export function splunkDatasetEvents(datamodelDataset: string): string[] {
  const models = splunkTable().datamodels;
  const name = datamodelDataset.trim();
  const exact = models[name];
  if (exact) return [...exact];
  const out = new Set<string>();
  for (const [model, keys] of Object.entries(models)) {
    if (model.startsWith(`${name}.`) || model.endsWith(`.${name}`)) for (const key of keys) out.add(key);
  }
  return [...out];
}

/**
 * The catalog events a security_content `data_source` names: numbered
 * Windows sources by pattern ("Sysmon EventID 1", "NTLM Operational
 * 8004,8005"), others by name or name prefix; " AND " joins several.
 */
export function splunkDataSourceEvents(dataSourceName: string): string[] {
  const t = splunkTable();
  const out = new Set<string>();
  for (const part of dataSourceName.split(' AND ')) {
    const name = part.trim();
    if (name === '') continue;
    const exact = t.data_sources[name];
    if (exact) {
      for (const key of exact) out.add(key);
      continue;
    }
    const pattern = t.data_source_patterns.find((p) => name.startsWith(p.prefix));
    if (pattern) {
      for (const id of name.slice(pattern.prefix.length).split(',')) {
        const text = eventIdText(id);
        if (text !== undefined) out.add(`${pattern.event_prefix}${text}`);
      }
      continue;
    }
    const prefix = t.data_source_prefixes.find((p) => name.startsWith(p.prefix));
    if (prefix) for (const key of prefix.events) out.add(key);
  }
  return [...out];
}

/**
 * The catalog events a raw search reads through its source macro
 * (`` `wineventlog_security` EventCode=4624 `` → `security:4624`).
 * A channel macro without EventCode reads no single event.
 */
export function splunkMacroEvents(macro: string, eventCodes?: readonly (number | string)[]): string[] {
  const t = splunkTable();
  const prefix = t.macros[macro];
  if (prefix !== undefined) {
    const out = new Set<string>();
    for (const code of eventCodes ?? []) {
      const text = eventIdText(code);
      if (text !== undefined) out.add(`${prefix}${text}`);
    }
    return [...out];
  }
  return [...(t.macro_events[macro] ?? [])];
}
