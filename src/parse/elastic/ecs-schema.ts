import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { defaultCacheDir, DEFAULT_SHARED } from '../../engine/paths.js';

/**
 * The field schemas Elastic's detection-rules validates queries against:
 * ECS (`etc/ecs_schemas/<version>/ecs_flat.json.gz`) and the non-ECS fields
 * per index pattern (`etc/non-ecs-schema.json`). They are read at run time
 * from the detection-rules checkout beside the rules (or the configured
 * file), once per process, never copied into lint-rule.
 */
export interface EcsSchema {
  version: string;
  file: string;
  /** Every ECS field and multi-field (`process.name`, `process.name.text`). */
  names: ReadonlySet<string>;
  /** Fields of type object/flattened/nested: any field under them is valid. */
  objectPrefixes: readonly string[];
  /** Every proper prefix of an ECS field that has fields under it (`process`, `process.parent`). */
  parents: ReadonlySet<string>;
  /** The names lower-cased, to tell a wrong case from an unknown field. */
  lowerNames: ReadonlySet<string>;
}

/** The non-ECS fields of detection-rules, by the index pattern they apply to. */
export interface NonEcsSchema {
  file: string;
  byPattern: ReadonlyMap<string, readonly string[]>;
  /** `nonEcsPatternsFor` answers, by rule index pattern: rules repeat a few dozen patterns. */
  patternsByIndex: Map<string, readonly string[]>;
}

export interface SchemaLocation {
  ecs: string;
  nonEcs: string | undefined;
}

const OBJECT_TYPES = new Set(['object', 'flattened', 'nested']);

const ecsCache = new Map<string, EcsSchema | null>();
const nonEcsCache = new Map<string, NonEcsSchema | null>();
const locationByDir = new Map<string, SchemaLocation | null>();

/**
 * Where the schemas are for a rule file: the configured ECS schema, else the
 * `detection_rules/etc` folder of the nearest ancestor that has one (the
 * Elastic corpus root the file is in), else the default Elastic corpus.
 * `configured` may name an `ecs_flat.json(.gz)` file, a version folder, an
 * `ecs_schemas` folder or a detection-rules `etc` folder.
 */
export function findSchemas(ruleFile: string, configured: string | undefined): SchemaLocation | undefined {
  if (configured !== undefined && configured !== '') return fromConfigured(path.resolve(configured));
  const start = path.dirname(path.resolve(ruleFile));
  const visited: string[] = [];
  let dir = start;
  let found: SchemaLocation | null | undefined;
  for (;;) {
    found = locationByDir.get(dir);
    if (found !== undefined) break;
    visited.push(dir);
    const etc = path.join(dir, 'detection_rules', 'etc');
    const here = fromEtc(etc);
    if (here) {
      found = here;
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      found = fromEtc(path.join(DEFAULT_SHARED, 'corpus', 'elastic', 'detection_rules', 'etc')) ?? null;
      break;
    }
    dir = parent;
  }
  for (const d of visited) locationByDir.set(d, found);
  return found ?? undefined;
}

function fromConfigured(p: string): SchemaLocation | undefined {
  const stat = statSafe(p);
  if (!stat) return undefined;
  if (stat.isFile()) {
    // etc/ecs_schemas/<version>/ecs_flat.json.gz: the non-ECS schema sits in etc/.
    const nonEcs = path.join(path.dirname(path.dirname(path.dirname(p))), 'non-ecs-schema.json');
    return { ecs: p, nonEcs: existsSync(nonEcs) ? nonEcs : undefined };
  }
  if (existsSync(path.join(p, 'ecs_schemas'))) return fromEtc(p);
  const inFolder = flatFileIn(p);
  if (inFolder) return fromConfigured(inFolder);
  const latest = latestVersionDir(p);
  return latest ? fromConfigured(latest) : undefined;
}

function fromEtc(etc: string): SchemaLocation | undefined {
  const versionDir = latestVersionDir(path.join(etc, 'ecs_schemas'));
  if (!versionDir) return undefined;
  const ecs = flatFileIn(versionDir);
  if (!ecs) return undefined;
  const nonEcs = path.join(etc, 'non-ecs-schema.json');
  return { ecs, nonEcs: existsSync(nonEcs) ? nonEcs : undefined };
}

function flatFileIn(dir: string): string | undefined {
  for (const name of ['ecs_flat.json.gz', 'ecs_flat.json']) {
    const f = path.join(dir, name);
    if (existsSync(f)) return f;
  }
  return undefined;
}

/** The highest `<major>.<minor>.<patch>` folder. */
function latestVersionDir(dir: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && /^\d+(\.\d+)*$/.test(e.name)).map((e) => e.name);
  } catch {
    return undefined;
  }
  if (names.length === 0) return undefined;
  names.sort(compareVersions);
  return path.join(dir, names[names.length - 1] as string);
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function statSafe(p: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

interface EcsFlatEntry {
  type?: unknown;
  multi_fields?: unknown;
}

/** What lint-rule keeps of an ECS flat schema; cached on disk, since reading the 1.3 MB JSON costs tens of ms. */
interface EcsExtract {
  format: 1;
  names: string[];
  objects: string[];
}

const EXTRACT_FORMAT = 1;

function extract(file: string): EcsExtract {
  const raw = readFileSync(file);
  const text = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const data = JSON.parse(text) as Record<string, EcsFlatEntry>;
  const names: string[] = [];
  const objects: string[] = [];
  for (const [name, entry] of Object.entries(data)) {
    names.push(name);
    if (typeof entry.type === 'string' && OBJECT_TYPES.has(entry.type)) objects.push(name);
    if (Array.isArray(entry.multi_fields)) {
      for (const m of entry.multi_fields as { flat_name?: unknown }[]) {
        if (typeof m.flat_name === 'string') names.push(m.flat_name);
      }
    }
  }
  return { format: EXTRACT_FORMAT, names, objects };
}

/** The extract from the on-disk cache, keyed by the schema file's path, size and modification time. */
function cachedExtract(file: string): EcsExtract {
  const stat = statSync(file);
  const key = createHash('sha256').update(`${file}\u0000${stat.size}\u0000${stat.mtimeMs}`).digest('hex').slice(0, 24);
  const cacheFile = path.join(defaultCacheDir(), 'ecs', `${key}.json`);
  try {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as EcsExtract;
    if (cached.format === EXTRACT_FORMAT && Array.isArray(cached.names) && Array.isArray(cached.objects)) return cached;
  } catch {
    // No cache yet, or an unreadable one: read the schema itself.
  }
  const fresh = extract(file);
  try {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    const tmp = `${cacheFile}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(fresh));
    renameSync(tmp, cacheFile);
  } catch {
    // A read-only cache directory only costs speed.
  }
  return fresh;
}

/** Loads an ECS flat schema (cached per file and process, and on disk); undefined when it cannot be read. */
export function loadEcsSchema(file: string): EcsSchema | undefined {
  const cached = ecsCache.get(file);
  if (cached !== undefined) return cached ?? undefined;
  let schema: EcsSchema | undefined;
  try {
    const { names: list, objects } = cachedExtract(file);
    const names = new Set(list);
    const parents = new Set<string>();
    const lowerNames = new Set<string>();
    for (const name of list) {
      lowerNames.add(name.toLowerCase());
      for (let dot = name.indexOf('.'); dot > 0; dot = name.indexOf('.', dot + 1)) parents.add(name.slice(0, dot));
    }
    schema = { version: path.basename(path.dirname(file)), file, names, objectPrefixes: objects.map((o) => `${o}.`), parents, lowerNames };
  } catch {
    schema = undefined;
  }
  ecsCache.set(file, schema ?? null);
  return schema;
}

/** Loads detection-rules' non-ECS schema (cached per file), flattened to dotted names per index pattern. */
export function loadNonEcsSchema(file: string): NonEcsSchema | undefined {
  const cached = nonEcsCache.get(file);
  if (cached !== undefined) return cached ?? undefined;
  let schema: NonEcsSchema | undefined;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const byPattern = new Map<string, string[]>();
    for (const [pattern, tree] of Object.entries(data)) {
      const names: string[] = [];
      flatten(tree, '', names);
      byPattern.set(pattern, names);
    }
    schema = { file, byPattern, patternsByIndex: new Map() };
  } catch {
    schema = undefined;
  }
  nonEcsCache.set(file, schema ?? null);
  return schema;
}

function flatten(node: unknown, prefix: string, out: string[]): void {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) {
    if (prefix !== '') out.push(prefix);
    return;
  }
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    flatten(value, prefix === '' ? key : `${prefix}.${key}`, out);
  }
}

const globCache = new Map<string, RegExp>();

/** An index pattern as a regular expression: `*` is any run of characters. */
function globRegex(pattern: string): RegExp {
  let re = globCache.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    globCache.set(pattern, re);
  }
  return re;
}

/**
 * The non-ECS schema patterns that apply to a rule's index pattern: equal
 * ones, and ones that cover it (`logs-endpoint.events.*` covers
 * `logs-endpoint.events.process-*`) or that it covers (`logs-windows.*`
 * covers `logs-windows.sysmon_operational-*`).
 */
export function nonEcsPatternsFor(schema: NonEcsSchema, index: string): readonly string[] {
  let out = schema.patternsByIndex.get(index);
  if (!out) {
    const found: string[] = [];
    for (const pattern of schema.byPattern.keys()) {
      if (pattern === index || globRegex(pattern).test(index) || globRegex(index).test(pattern)) found.push(pattern);
    }
    out = found;
    schema.patternsByIndex.set(index, out);
  }
  return out;
}
