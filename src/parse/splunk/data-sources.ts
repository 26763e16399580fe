import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYamlValue } from '../yaml/plain-value.js';

/** One security_content data source object (`data_sources/<name>.yml`), reduced to what the linter needs. */
export interface DataSourceInfo {
  name: string;
  file: string;
  /** The `fields:` list, or undefined when the object has none. */
  fields?: readonly string[];
  /** CIM names from `field_mappings`, per data set (`Endpoint.Processes` → `Processes.process_path`, …). */
  datamodelFields: ReadonlyMap<string, readonly string[]>;
}

export interface DataSourceTable {
  /** The data source a detection's `data_source` entry names (case-insensitive), or undefined. */
  get(name: string): DataSourceInfo | undefined;
}

const tables = new Map<string, DataSourceTable>();

/**
 * The data sources of a folder, cached per folder for the life of the
 * process. Files are parsed on first use: a detection names a few of the
 * ~200 objects, and each one carries a large example log.
 */
export function loadDataSources(dir: string): DataSourceTable {
  const key = path.resolve(dir);
  let t = tables.get(key);
  if (!t) {
    t = new FolderDataSources(key);
    tables.set(key, t);
  }
  return t;
}

function norm(name: string): string {
  return name.trim().toLowerCase();
}

class FolderDataSources implements DataSourceTable {
  private readonly files: Set<string>;
  private readonly byName = new Map<string, DataSourceInfo | null>();
  /** Name → file for every object, built only when a file name cannot be guessed. */
  private nameIndex: Map<string, string> | undefined;

  constructor(private readonly dir: string) {
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'));
    } catch {
      // A missing folder is a table with no data sources: fields are then not checked.
    }
    this.files = new Set(files);
  }

  get(name: string): DataSourceInfo | undefined {
    const key = norm(name);
    const cached = this.byName.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const info = this.find(key);
    this.byName.set(key, info ?? null);
    return info;
  }

  private find(key: string): DataSourceInfo | undefined {
    // security_content names files after the object: lower case, spaces as underscores.
    const guess = `${key.replace(/ /g, '_')}.yml`;
    if (this.files.has(guess)) {
      const info = readDataSource(path.join(this.dir, guess));
      if (info && norm(info.name) === key) return info;
    }
    const file = this.index().get(key);
    return file ? readDataSource(path.join(this.dir, file)) : undefined;
  }

  private index(): Map<string, string> {
    if (!this.nameIndex) {
      this.nameIndex = new Map();
      for (const f of this.files) {
        let text: string;
        try {
          text = readFileSync(path.join(this.dir, f), 'utf8');
        } catch {
          continue;
        }
        const m = /^name:[ \t]*(.+?)[ \t]*$/m.exec(text);
        if (m) this.nameIndex.set(norm(unquote(m[1] as string)), f);
      }
    }
    return this.nameIndex;
  }
}

function unquote(s: string): string {
  const q = s[0];
  if ((q === '"' || q === "'") && s.endsWith(q) && s.length >= 2) return s.slice(1, -1);
  return s;
}

function readDataSource(file: string): DataSourceInfo | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return scanDataSource(text, file) ?? parseDataSource(text, file);
}

/** The full YAML reading, right for any file: the fast reader for most, the `yaml` package (5–25 ms for a long example log) for the rest. */
function parseDataSource(text: string, file: string): DataSourceInfo | undefined {
  let data: unknown;
  try {
    data = parseYamlValue(text);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const rec = data as Record<string, unknown>;
  if (typeof rec.name !== 'string') return undefined;
  const info: DataSourceInfo = { name: rec.name, file, datamodelFields: cimMappings(rec.field_mappings) };
  if (Array.isArray(rec.fields)) info.fields = Object.freeze(rec.fields.filter((f): f is string => typeof f === 'string'));
  return info;
}

function cimMappings(value: unknown): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  if (!Array.isArray(value)) return out;
  for (const m of value) {
    if (!m || typeof m !== 'object') continue;
    const rec = m as Record<string, unknown>;
    if (rec.data_model !== 'cim' || typeof rec.data_set !== 'string' || !rec.mapping || typeof rec.mapping !== 'object') continue;
    const names = Object.values(rec.mapping as Record<string, unknown>).filter((v): v is string => typeof v === 'string');
    out.set(rec.data_set, Object.freeze([...(out.get(rec.data_set) ?? []), ...names]));
  }
  return out;
}

/** A plain or quoted YAML scalar on one line; undefined for anything the scanner should not guess at. */
function scalar(raw: string): string | undefined {
  const v = raw.trim();
  if (v === '') return undefined;
  const c = v[0];
  if (c === "'") return v.length >= 2 && v.endsWith("'") ? v.slice(1, -1).replace(/''/g, "'") : undefined;
  if (c === '"') {
    try {
      const s: unknown = JSON.parse(v);
      return typeof s === 'string' ? s : undefined;
    } catch {
      return undefined;
    }
  }
  // Flow collections, anchors, tags, block scalars and comments are YAML the scanner leaves to the parser.
  if ('[{&*!|>%@`#'.includes(c as string) || v.includes(' #') || /:(\s|$)/.test(v)) return undefined;
  return v;
}

/**
 * Reads `name`, `fields` and the CIM `field_mappings` of a data source file
 * line by line, as security_content's tooling writes them (top-level keys,
 * `- item` lists, mappings two and four columns into a list item), without
 * parsing the rest.
 * Undefined when the file is written any other way: the caller then parses
 * it as YAML.
 */
export function scanDataSource(text: string, file: string): DataSourceInfo | undefined {
  const lines = text.split(/\r?\n/);
  let name: string | undefined;
  let fields: string[] | undefined;
  const mappings = new Map<string, string[]>();
  let section = '';
  let entry: { model?: string; set?: string; names: string[]; inMapping: boolean } | undefined;
  let itemIndent = 0;
  const closeEntry = (): void => {
    if (entry?.model === 'cim' && entry.set !== undefined) mappings.set(entry.set, [...(mappings.get(entry.set) ?? []), ...entry.names]);
    entry = undefined;
  };
  for (const line of lines) {
    if (line === '' || line.startsWith('#')) continue;
    const top = /^([A-Za-z_][\w-]*):(.*)$/.exec(line);
    if (top) {
      closeEntry();
      section = top[1] as string;
      const rest = (top[2] as string).trim();
      if (section === 'name') {
        name = scalar(rest);
        if (name === undefined) return undefined;
      } else if (section === 'fields') {
        if (rest === '[]') fields = [];
        else if (rest !== '') return undefined;
        else fields = [];
      } else if (section === 'field_mappings' && rest !== '') {
        if (rest !== '[]') return undefined;
      }
      continue;
    }
    if (section === 'fields') {
      const item = /^ *- (.*)$/.exec(line);
      const value = item ? scalar(item[1] as string) : undefined;
      if (value === undefined || !fields) return undefined;
      fields.push(value);
    } else if (section === 'field_mappings') {
      // Items may sit at column 0 or be indented; their keys and mappings follow two and four columns in.
      const first = /^( *)- ([a-z_]+):(.*)$/.exec(line);
      if (first) {
        closeEntry();
        itemIndent = (first[1] as string).length;
        entry = { names: [], inMapping: false };
      }
      const key = first ? [first[0], first[2], first[3]] : new RegExp(`^ {${itemIndent + 2}}([a-z_]+):(.*)$`).exec(line);
      if (key && entry) {
        const k = key[1] as string;
        const rest = (key[2] as string).trim();
        entry.inMapping = k === 'mapping';
        if (k === 'data_model') entry.model = scalar(rest);
        else if (k === 'data_set') entry.set = scalar(rest);
        else if (k === 'mapping' && rest !== '') return undefined;
        continue;
      }
      const pair = new RegExp(`^ {${itemIndent + 4}}([^: ][^:]*): (.*)$`).exec(line);
      if (!pair || !entry?.inMapping) return undefined;
      const value = scalar(pair[2] as string);
      if (value === undefined) return undefined;
      entry.names.push(value);
    }
  }
  closeEntry();
  if (name === undefined) return undefined;
  const info: DataSourceInfo = { name, file, datamodelFields: new Map([...mappings].map(([k, v]) => [k, Object.freeze(v)])) };
  if (fields) info.fields = Object.freeze(fields);
  return info;
}
