import { existsSync, readFileSync } from 'node:fs';
import type { SigmaLogsourceKey } from './sigmahq-support.js';
import { logsourceJsonPath, sigmaSettings } from './sigmahq-support.js';

/**
 * SigmaHQ's `tests/logsource.json`, read at run time (never copied into
 * lint-rule): the logsources SigmaHQ accepts and the field names each one
 * has. It is read the way SigmaHQ's `tests/test_logsource.py` reads it:
 * `legit` lists per product its categories and services with their fields,
 * `addon` adds fields to some of them, and the product's `common` fields
 * (EventID, Provider_Name, … for Windows) are valid in each. A logsource
 * without a product is looked up under the product named `empty`.
 */
export interface LogsourceReference {
  file: string;
  version: string;
  /** Whether SigmaHQ knows this product/category/service combination. */
  isKnown(ls: SigmaLogsourceKey): boolean;
  /**
   * The field names valid for a logsource, or undefined when SigmaHQ does not
   * check its fields (unknown logsource, or no list beyond the common fields).
   */
  fieldsOf(ls: SigmaLogsourceKey): ReadonlySet<string> | undefined;
}

interface ProductEntry {
  common: string[];
  empty: string[];
  category: Map<string, string[]>;
  service: Map<string, string[]>;
}

const cache = new Map<string, LogsourceReference | undefined>();
/** By settings object: resolving the file's path for every rule cost more than the checks that ask. */
const bySettings = new WeakMap<object, LogsourceReference | undefined>();

/**
 * The reference data the settings point at (`settings.sigma.logsourceJson`)
 * or the default one beside the corpus. An explicitly configured file that
 * cannot be read is an error; a missing default only turns the checks off.
 */
export function logsourceReference(settings: Readonly<Record<string, unknown>>): LogsourceReference | undefined {
  if (bySettings.has(settings)) return bySettings.get(settings);
  const ref = referenceAt(settings);
  bySettings.set(settings, ref);
  return ref;
}

function referenceAt(settings: Readonly<Record<string, unknown>>): LogsourceReference | undefined {
  const file = logsourceJsonPath(settings);
  if (cache.has(file)) return cache.get(file);
  const explicit = typeof sigmaSettings(settings).logsourceJson === 'string';
  let ref: LogsourceReference | undefined;
  if (existsSync(file) || explicit) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`settings.sigma.logsourceJson: cannot read ${file}: ${(e as Error).message}`);
    }
    ref = buildReference(file, raw);
  }
  cache.set(file, ref);
  return ref;
}

function buildReference(file: string, raw: unknown): LogsourceReference {
  const root = asRecord(raw);
  const products = new Map<string, ProductEntry>();
  for (const [name, value] of Object.entries(asRecord(root.legit))) {
    const p = asRecord(value);
    products.set(name, {
      common: strings(p.common),
      empty: strings(p.empty),
      category: listsOf(p.category),
      service: listsOf(p.service),
    });
  }
  for (const [name, value] of Object.entries(asRecord(root.addon))) {
    const entry = products.get(name);
    if (!entry) continue;
    const add = asRecord(value);
    for (const [kind, lists] of [['category', entry.category], ['service', entry.service]] as const) {
      for (const [key, more] of Object.entries(asRecord(add[kind]))) {
        const list = lists.get(key);
        if (list) list.push(...strings(more));
      }
    }
  }
  const fieldSets = new Map<string[], ReadonlySet<string> | undefined>();
  const toSet = (entry: ProductEntry, list: string[]): ReadonlySet<string> | undefined => {
    if (fieldSets.has(list)) return fieldSets.get(list);
    // SigmaHQ skips logsources whose only fields are the product's common ones: nothing specific to check.
    const set = list.length === 0 ? undefined : new Set([...list, ...entry.common]);
    fieldSets.set(list, set);
    return set;
  };
  // The same set for every rule, so that callers can memoise what they derive from it.
  const emptySets = new Map<ProductEntry, ReadonlySet<string> | undefined>();
  const emptySet = (entry: ProductEntry): ReadonlySet<string> | undefined => {
    if (!emptySets.has(entry)) emptySets.set(entry, entry.empty.length > 0 ? new Set(entry.empty) : undefined);
    return emptySets.get(entry);
  };
  const productOf = (ls: SigmaLogsourceKey): ProductEntry | undefined => products.get(ls.product ?? 'empty');
  return {
    file,
    version: typeof root.version === 'string' ? root.version : 'unknown',
    isKnown(ls) {
      const entry = productOf(ls);
      if (!entry) return false;
      if (ls.category !== undefined && entry.category.has(ls.category)) return true;
      if (ls.service !== undefined && entry.service.has(ls.service)) return true;
      return ls.category === undefined && ls.service === undefined;
    },
    fieldsOf(ls) {
      const entry = productOf(ls);
      if (!entry) return undefined;
      const byCategory = ls.category !== undefined ? entry.category.get(ls.category) : undefined;
      if (byCategory) return toSet(entry, byCategory);
      const byService = ls.service !== undefined ? entry.service.get(ls.service) : undefined;
      if (byService) return toSet(entry, byService);
      if (ls.category === undefined && ls.service === undefined) return emptySet(entry);
      return undefined;
    },
  };
}

const lowerCasedSets = new WeakMap<ReadonlySet<string>, ReadonlyMap<string, string>>();

/** Field names by their lower-case spelling (the last listed wins), built once per field set: rules share a few dozen sets. */
export function fieldsByLowerCase(fields: ReadonlySet<string>): ReadonlyMap<string, string> {
  let byLower = lowerCasedSets.get(fields);
  if (!byLower) {
    const map = new Map<string, string>();
    for (const f of fields) map.set(f.toLowerCase(), f);
    byLower = map;
    lowerCasedSets.set(fields, byLower);
  }
  return byLower;
}

function asRecord(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function listsOf(v: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, list] of Object.entries(asRecord(v))) out.set(k, strings(list));
  return out;
}
