import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYamlValue } from '../yaml/plain-value.js';

/** One search macro: `name` or, with arguments, `name(N)` as Splunk's macros.conf keys it. */
export interface MacroDefinition {
  /** Lookup key: `name` or `name(N)` for N arguments. */
  key: string;
  name: string;
  definition: string;
  args: string[];
  /** The file it came from; absent for lint-rule's built-in fallbacks. */
  file?: string;
}

export interface MacroFileProblem {
  file: string;
  message: string;
}

export interface MacroTable {
  /** The definition for a call key (`name` or `name(N)`), or undefined. */
  get(key: string): MacroDefinition | undefined;
  /** Every definition (a folder table reads all its files for this). */
  all(): ReadonlyMap<string, MacroDefinition>;
  /** Macro files that could not be read (bad YAML, no name or definition); a folder table reads all its files for this. */
  readonly problems: readonly MacroFileProblem[];
}

/**
 * Macros security_content defines outside its `macros/` folder or that a
 * checkout may lack; used only when the folder has no macro of that key.
 * (`*_filter` macros are handled in expansion: they are generated as `search *`.)
 */
const FALLBACK_MACROS: ReadonlyMap<string, MacroDefinition> = new Map([
  ['drop_dm_object_name(1)', { key: 'drop_dm_object_name(1)', name: 'drop_dm_object_name', args: ['object'], definition: 'rename $object$.* AS *' }],
]);

const cache = new Map<string, MacroTable>();

export function macroKey(name: string, argCount: number): string {
  return argCount > 0 ? `${name}(${argCount})` : name;
}

function nameOfKey(key: string): string {
  const open = key.indexOf('(');
  return open < 0 ? key : key.slice(0, open);
}

/** A table of the given definitions plus the built-in fallbacks. */
export function createMacroTable(defs: Iterable<MacroDefinition>, problems: MacroFileProblem[] = []): MacroTable {
  const macros = new Map<string, MacroDefinition>(FALLBACK_MACROS);
  for (const d of defs) macros.set(d.key, d);
  return { get: (key) => macros.get(key), all: () => macros, problems };
}

/**
 * The macros of a folder of `*.yml` definitions (security_content's
 * `macros/`). Files are read on first use, found by security_content's naming
 * (`<name>.yml`), so linting one rule reads only the macros it calls; `all()`
 * and `problems` read the rest. The table is cached per folder for the life
 * of the process.
 */
export function loadMacros(dir: string): MacroTable {
  const key = path.resolve(dir);
  let table = cache.get(key);
  if (!table) {
    table = new FolderMacroTable(key);
    cache.set(key, table);
  }
  return table;
}

class FolderMacroTable implements MacroTable {
  private readonly dir: string;
  /** Macro file names by base name (`sysmon` → `sysmon.yml`), not yet read. */
  private readonly unread = new Map<string, string>();
  private readonly defs = new Map<string, MacroDefinition>();
  private readonly fileProblems: MacroFileProblem[] = [];

  constructor(dir: string) {
    this.dir = dir;
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.yml') || f.endsWith('.yaml')).sort();
    } catch (err) {
      this.fileProblems.push({ file: dir, message: `cannot read macro folder: ${(err as Error).message}` });
    }
    for (const f of files) this.unread.set(f.replace(/\.ya?ml$/, ''), f);
  }

  get(key: string): MacroDefinition | undefined {
    const name = nameOfKey(key);
    const file = this.unread.get(name);
    if (file !== undefined) this.read(name, file);
    return this.defs.get(key) ?? FALLBACK_MACROS.get(key);
  }

  all(): ReadonlyMap<string, MacroDefinition> {
    for (const [name, file] of [...this.unread]) this.read(name, file);
    const out = new Map<string, MacroDefinition>(FALLBACK_MACROS);
    for (const [k, d] of this.defs) out.set(k, d);
    return out;
  }

  get problems(): readonly MacroFileProblem[] {
    this.all();
    return this.fileProblems;
  }

  private read(name: string, file: string): void {
    this.unread.delete(name);
    const def = readMacroFile(path.join(this.dir, file), this.fileProblems);
    if (def) this.defs.set(def.key, def);
  }
}

function readMacroFile(file: string, problems: MacroFileProblem[]): MacroDefinition | null {
  let data: unknown;
  try {
    data = parseYamlValue(readFileSync(file, 'utf8'));
  } catch (err) {
    problems.push({ file, message: `invalid YAML: ${((err as Error).message.split('\n')[0] ?? '').replace(/:$/, '')}` });
    return null;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ file, message: 'not a mapping' });
    return null;
  }
  const rec = data as Record<string, unknown>;
  const name = typeof rec.name === 'string' ? rec.name.trim() : '';
  const definition = rec.definition;
  if (!name || definition === undefined || definition === null || typeof definition === 'object') {
    problems.push({ file, message: 'macro needs a name and a definition' });
    return null;
  }
  const args = Array.isArray(rec.arguments) ? rec.arguments.map((a) => String(a).trim()) : [];
  return { key: macroKey(name, args.length), name, definition: String(definition), args, file };
}
