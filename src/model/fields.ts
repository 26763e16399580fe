import { loadTable } from './tables.js';

/** The field vocabularies rules are written in. */
export type FieldVocabulary = 'sigma' | 'ecs' | 'cim' | 'splunk_raw';

/** What is known about where a field is used; contextual aliases depend on it. */
export interface FieldContext {
  product?: string;
  category?: string;
  service?: string;
  /** Catalog events the rule reads (`sysmon:1`); an `event` condition holds when all of them are listed. */
  eventKeys?: readonly string[];
  /** CIM datamodel dataset of a tstats search, e.g. `Endpoint.Processes`. */
  datamodel?: string;
}

export interface FieldAliases {
  sigma: string[];
  ecs: string[];
  cim: string[];
  splunk_raw: string[];
}

const VOCABULARIES: readonly FieldVocabulary[] = ['sigma', 'ecs', 'cim', 'splunk_raw'];

/** A contextual alias as written in data/fields.yml. */
interface WhenRow {
  sigma?: string;
  ecs?: string;
  cim?: string;
  splunk_raw?: string;
  product?: string | string[];
  category?: string | string[];
  service?: string | string[];
  event?: string[];
  datamodel?: string | string[];
  note?: string;
}

interface FieldRow {
  sigma?: string[];
  ecs?: string[];
  cim?: string[];
  splunk_raw?: string[];
  when?: WhenRow[];
  name_field?: string;
  scope?: boolean;
  note?: string;
}

/** The shape of dist/data/fields.json. Rows without any key compile to null. */
export interface FieldsTable {
  fields: Record<string, FieldRow | null>;
}

interface Contextual {
  canonical: string;
  product?: readonly string[];
  category?: readonly string[];
  service?: readonly string[];
  event?: readonly string[];
  datamodel?: readonly string[];
  /** How many conditions the alias has; the most specific match wins. */
  weight: number;
}

interface FieldIndex {
  plain: Record<FieldVocabulary, Map<string, string>>;
  /** Splunk field names differ in case between TAs; these are the last resort for cim/splunk_raw. */
  lowerCim: Map<string, string>;
  lowerRaw: Map<string, string>;
  contextual: Record<FieldVocabulary, Map<string, Contextual[]>>;
  rows: Map<string, FieldRow>;
  aliases: Map<string, Readonly<FieldAliases>>;
  allAliases: Record<FieldVocabulary, readonly string[]>;
  canonical: readonly string[];
}

let index: FieldIndex | undefined;

function fieldIndex(): FieldIndex {
  index ??= buildFieldIndex(loadTable<FieldsTable>('fields'));
  return index;
}

function buildFieldIndex(table: FieldsTable): FieldIndex {
  const plain = emptyByVocabulary(() => new Map<string, string>());
  const contextual = emptyByVocabulary(() => new Map<string, Contextual[]>());
  const rows = new Map<string, FieldRow>();
  const aliases = new Map<string, Readonly<FieldAliases>>();
  for (const [canonical, maybeRow] of Object.entries(table.fields)) {
    const row = maybeRow ?? {};
    rows.set(canonical, row);
    const own: FieldAliases = { sigma: [], ecs: [canonical], cim: [], splunk_raw: [] };
    addPlain(plain.ecs, canonical, canonical);
    for (const vocab of VOCABULARIES) {
      for (const alias of row[vocab] ?? []) {
        addPlain(plain[vocab], alias, canonical);
        if (!own[vocab].includes(alias)) own[vocab].push(alias);
      }
    }
    for (const when of row.when ?? []) {
      for (const vocab of VOCABULARIES) {
        const alias = when[vocab];
        if (alias === undefined) continue;
        const list = contextual[vocab].get(alias) ?? [];
        list.push(toContextual(canonical, when));
        contextual[vocab].set(alias, list);
      }
    }
    aliases.set(canonical, Object.freeze(own));
  }
  for (const vocab of VOCABULARIES) {
    for (const list of contextual[vocab].values()) list.sort((a, b) => b.weight - a.weight);
  }
  return {
    plain,
    lowerCim: lowerCased(plain.cim),
    lowerRaw: lowerCased(plain.splunk_raw),
    contextual,
    rows,
    aliases,
    allAliases: emptyByVocabulary((vocab) =>
      Object.freeze([...new Set([...plain[vocab].keys(), ...contextual[vocab].keys()])].sort()),
    ),
    canonical: Object.freeze([...rows.keys()]),
  };
}

function emptyByVocabulary<T>(make: (vocab: FieldVocabulary) => T): Record<FieldVocabulary, T> {
  return { sigma: make('sigma'), ecs: make('ecs'), cim: make('cim'), splunk_raw: make('splunk_raw') };
}

// A duplicate plain alias is a table error the tests report; at run time the first row keeps it.
function addPlain(map: Map<string, string>, alias: string, canonical: string): void {
  if (!map.has(alias)) map.set(alias, canonical);
}

function lowerCased(map: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [alias, canonical] of map) {
    const lower = alias.toLowerCase();
    if (!out.has(lower)) out.set(lower, canonical);
  }
  return out;
}

function asList(value: string | string[] | undefined): readonly string[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

function toContextual(canonical: string, when: WhenRow): Contextual {
  const c: Contextual = { canonical, weight: 0 };
  const product = asList(when.product);
  const category = asList(when.category);
  const service = asList(when.service);
  const datamodel = asList(when.datamodel);
  if (product) c.product = product;
  if (category) c.category = category;
  if (service) c.service = service;
  if (when.event) c.event = when.event;
  if (datamodel) c.datamodel = datamodel;
  c.weight = [product, category, service, when.event, datamodel].filter((x) => x !== undefined).length;
  return c;
}

function holds(c: Contextual, ctx: FieldContext): boolean {
  if (c.product && !(ctx.product !== undefined && c.product.includes(ctx.product))) return false;
  if (c.category && !(ctx.category !== undefined && c.category.includes(ctx.category))) return false;
  if (c.service && !(ctx.service !== undefined && c.service.includes(ctx.service))) return false;
  if (c.datamodel && !(ctx.datamodel !== undefined && c.datamodel.includes(ctx.datamodel))) return false;
  if (c.event) {
    const keys = ctx.eventKeys;
    if (!keys || keys.length === 0) return false;
    const listed = c.event;
    if (!keys.every((k) => listed.includes(k))) return false;
  }
  return true;
}

function lookup(ix: FieldIndex, vocab: FieldVocabulary, name: string, ctx: FieldContext | undefined): string | undefined {
  if (ctx) {
    const candidates = ix.contextual[vocab].get(name);
    if (candidates) {
      for (const c of candidates) if (holds(c, ctx)) return c.canonical;
    }
  }
  return ix.plain[vocab].get(name);
}

/** `Processes.process_name` → `process_name`; nested CIM names keep their inner dots. */
function stripDataset(name: string): string | undefined {
  const dot = name.indexOf('.');
  if (dot <= 0) return undefined;
  const first = name.charCodeAt(0);
  // CIM dataset names are capitalised (Processes, All_Traffic); lower-case dotted names are not prefixes.
  if (first < 65 || first > 90) return undefined;
  return name.slice(dot + 1);
}

/** The dataset part of a datamodel name: `Endpoint.Processes` → `Processes`, `Web` → `Web`. */
function datasetOf(datamodel: string): string {
  const dot = datamodel.lastIndexOf('.');
  return dot < 0 ? datamodel : datamodel.slice(dot + 1);
}

function resolveCim(ix: FieldIndex, name: string, ctx: FieldContext | undefined): string | undefined {
  const bare = stripDataset(name);
  // A bare name inside a datamodel search means the dataset's field: try the qualified row first.
  if (bare === undefined && ctx?.datamodel) {
    const qualified = lookup(ix, 'cim', `${datasetOf(ctx.datamodel)}.${name}`, ctx);
    if (qualified !== undefined) return qualified;
  }
  const direct = lookup(ix, 'cim', name, ctx);
  if (direct !== undefined) return direct;
  const field = bare ?? name;
  return (
    lookup(ix, 'cim', field, ctx) ??
    ix.lowerCim.get(field.toLowerCase()) ??
    // tstats where-clauses also filter index, source, sourcetype and host, which are raw event fields.
    (bare === undefined ? ix.plain.splunk_raw.get(name) : undefined)
  );
}

function resolve(ix: FieldIndex, vocab: FieldVocabulary, name: string, ctx: FieldContext | undefined): string | undefined {
  switch (vocab) {
    case 'sigma':
      return lookup(ix, 'sigma', name, ctx);
    case 'ecs':
      return lookup(ix, 'ecs', name, ctx);
    case 'cim':
      return resolveCim(ix, name, ctx);
    case 'splunk_raw':
      return (
        lookup(ix, 'splunk_raw', name, ctx) ??
        lookup(ix, 'cim', name, ctx) ??
        lookup(ix, 'sigma', name, ctx) ??
        ix.lowerRaw.get(name.toLowerCase()) ??
        ix.lowerCim.get(name.toLowerCase())
      );
  }
}

function sigmaFieldName(name: string): string {
  const bar = name.indexOf('|');
  return bar < 0 ? name : name.slice(0, bar);
}

function fallback(vocab: FieldVocabulary, name: string, ctx: FieldContext | undefined): string {
  switch (vocab) {
    case 'sigma': {
      // pySigma's ecs_windows pipeline sends every unmapped Windows field to winlog.event_data.
      const product = ctx?.product;
      return product === undefined || product === 'windows' ? `winlog.event_data.${name}` : name;
    }
    case 'ecs':
      return name;
    case 'cim':
      return `cim.${stripDataset(name) ?? name}`;
    case 'splunk_raw':
      return name;
  }
}

/**
 * The canonical field for a field name as a rule writes it. Never fails:
 * a known alias gives its row; anything else the documented fallback
 * (Sigma Windows → `winlog.event_data.<Name>`, ECS → itself,
 * CIM → `cim.<field>`, raw Splunk → itself). Sigma modifiers (`Image|endswith`)
 * are ignored.
 */
export function canonicalField(vocab: FieldVocabulary, name: string, ctx?: FieldContext): string {
  const field = vocab === 'sigma' ? sigmaFieldName(name) : name;
  return resolve(fieldIndex(), vocab, field, ctx) ?? fallback(vocab, field, ctx);
}

/** Whether the name resolves through a table row (plain or contextual alias) rather than a fallback. */
export function isKnownField(vocab: FieldVocabulary, name: string, ctx?: FieldContext): boolean {
  const field = vocab === 'sigma' ? sigmaFieldName(name) : name;
  return resolve(fieldIndex(), vocab, field, ctx) !== undefined;
}

/** The plain aliases of a canonical field in each vocabulary, for writing it in a vendor's syntax. */
export function aliasesOf(canonical: string): Readonly<FieldAliases> | undefined {
  return fieldIndex().aliases.get(canonical);
}

/** For a path field, the field holding its last component (`process.executable` → `process.name`). */
export function nameFieldOf(canonical: string): string | undefined {
  return fieldIndex().rows.get(canonical)?.name_field;
}

/** Whether the field only selects the telemetry (EventID, index, event.category …). */
export function isScopeField(canonical: string): boolean {
  return fieldIndex().rows.get(canonical)?.scope === true;
}

/** Every alias of a vocabulary, sorted; material for case-insensitive did-you-mean suggestions. */
export function allAliases(vocab: FieldVocabulary): readonly string[] {
  return fieldIndex().allAliases[vocab];
}

/** Every canonical field of the table. */
export function canonicalFields(): readonly string[] {
  return fieldIndex().canonical;
}
