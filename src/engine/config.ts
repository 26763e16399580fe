import path from 'node:path';
import { closest } from 'fastest-levenshtein';
import type { Check, SeverityName } from './check.js';
import { ConfigError, findConfigFile, readConfigFile, type ConfigFile, type RuleSetting, type SeverityInput } from './config-file.js';
import { getPreset, presetNames } from './presets.js';
import { describeErrors, inlineValidator, schemaValidator } from './schema-validator.js';
import { lazyRequire } from './lazy.js';
import { DEFAULT_SHARED, defaultCacheDir } from './paths.js';
import type { Vendor } from '../model/rule.js';

export interface RuleEntry {
  severity: SeverityName;
  options: Record<string, unknown>;
}

interface Override {
  files: string[];
  excludedFiles: string[];
  /** Lower-cased rule ids: the override applies to those rules wherever they are. */
  ids: string[];
  vendor?: Vendor;
  rules: Map<string, Partial<RuleEntry>>;
}

export interface AttackPaths {
  bundle: string;
  overlays: string[];
  crosswalks: string[];
}

/** The config in force for a run: presets merged, paths absolute, options validated. */
export interface Config {
  /** The config file read, if any. */
  file?: string;
  /** Globs and relative paths resolve against this folder. */
  baseDir: string;
  rules: Map<string, RuleEntry>;
  overrides: Override[];
  ignores: string[];
  corpus: string[];
  attack: AttackPaths;
  cacheDir: string;
  maxFileSize: number;
  settings: Record<string, Record<string, unknown>>;
}

export interface LoadConfigOptions {
  cwd: string;
  checks: readonly Check[];
  /** --config: an explicit file (no search). */
  configPath?: string;
  /** --no-config-lookup */
  noLookup?: boolean;
  /** --preset: replaces the file's `extends`. */
  preset?: string;
  /** --corpus: replaces the config's corpus list. */
  corpus?: string[];
  /** --attack: the STIX bundle (overlays are dropped: a newer official bundle needs none). */
  attack?: string;
  /** --rule id:severity pairs from the command line, applied last. */
  ruleOverrides?: Record<string, RuleSetting>;
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export function defaultCorpus(): string[] {
  return ['sigma', 'elastic', 'splunk'].map((v) => path.join(DEFAULT_SHARED, 'corpus', v));
}

export function defaultAttack(): AttackPaths {
  const dir = path.join(DEFAULT_SHARED, 'attack');
  return {
    bundle: path.join(dir, 'enterprise-attack.json'),
    overlays: [path.join(dir, 'attack-v19-changes.json')],
    crosswalks: [path.join(dir, 'attack_v18_to_v19.yaml')],
  };
}

export function loadConfig(opts: LoadConfigOptions): Config {
  const file = opts.configPath ? path.resolve(opts.cwd, opts.configPath) : opts.noLookup ? undefined : findConfigFile(opts.cwd);
  let raw: ConfigFile = {};
  if (file) {
    const value = readConfigFile(file);
    const validate = schemaValidator('config.schema.json');
    if (!validate(value)) {
      throw new ConfigError(`${file}: invalid configuration:\n  ${describeErrors(validate.errors).join('\n  ')}`);
    }
    raw = value as ConfigFile;
  }
  const baseDir = file ? path.dirname(file) : opts.cwd;
  const where = file ?? 'command line';
  const known = new Map(opts.checks.map((c) => [c.meta.id, c] as const));

  const rules = new Map<string, RuleEntry>();
  for (const c of opts.checks) rules.set(c.meta.id, { severity: 'off', options: { ...(c.meta.defaultOptions ?? {}) } });

  const presetList = opts.preset ? [opts.preset] : raw.extends === undefined ? ['recommended'] : toArray(raw.extends);
  const overrides: Override[] = [];
  for (const name of presetList) {
    const factory = getPreset(name);
    if (!factory) throw new ConfigError(`${where}: unknown preset "${name}"${didYouMean(name, presetNames())}; presets: ${presetNames().join(', ')}`);
    const preset = factory(opts.checks, { settings: raw.settings ?? {}, baseDir });
    applyRules(rules, preset.rules ?? {}, known, `preset ${name}`);
    for (const o of preset.overrides ?? []) overrides.push(toOverride(o, known, `preset ${name}`));
  }
  applyRules(rules, raw.rules ?? {}, known, where);
  for (const o of raw.overrides ?? []) overrides.push(toOverride(o, known, where));
  if (opts.ruleOverrides) applyRules(rules, opts.ruleOverrides, known, 'command line');

  const resolve = (p: string): string => path.resolve(baseDir, p);
  const fromConfig = raw.attack;
  const defaults = defaultAttack();
  const attack: AttackPaths = opts.attack
    ? { bundle: path.resolve(opts.cwd, opts.attack), overlays: [], crosswalks: defaults.crosswalks }
    : {
        bundle: fromConfig?.bundle ? resolve(fromConfig.bundle) : defaults.bundle,
        overlays: fromConfig?.overlays ? fromConfig.overlays.map(resolve) : fromConfig?.bundle ? [] : defaults.overlays,
        crosswalks: fromConfig?.crosswalks ? fromConfig.crosswalks.map(resolve) : defaults.crosswalks,
      };
  return {
    ...(file ? { file } : {}),
    baseDir,
    rules,
    overrides,
    ignores: toArray(raw.ignores ?? []),
    corpus: opts.corpus ? opts.corpus.map((p) => path.resolve(opts.cwd, p)) : raw.corpus ? raw.corpus.map(resolve) : defaultCorpus(),
    attack,
    cacheDir: raw.cacheDir ? resolve(raw.cacheDir) : defaultCacheDir(),
    maxFileSize: raw.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    settings: raw.settings ?? {},
  };
}

export interface FileConfig {
  rules: Map<string, RuleEntry>;
  vendor?: Vendor;
}

/**
 * The checks in force for one file (and, when given, one rule of it): the
 * base rules with every matching override applied in order. An override
 * matches by file glob, or by rule id when it lists ids.
 */
export function configForFile(config: Config, file: string, ruleId?: string): FileConfig {
  if (config.overrides.length === 0) return { rules: config.rules };
  const rel = relativeForGlobs(config.baseDir, file);
  const id = ruleId?.toLowerCase();
  const matching = config.overrides.filter((o) =>
    o.ids.length > 0 ? id !== undefined && o.ids.includes(id) : matchesAny(rel, o.files) && !matchesAny(rel, o.excludedFiles));
  if (matching.length === 0) return { rules: config.rules };
  const rules = new Map(config.rules);
  let vendor: Vendor | undefined;
  for (const o of matching) {
    for (const [id, change] of o.rules) {
      const prev = rules.get(id) as RuleEntry;
      rules.set(id, { severity: change.severity ?? prev.severity, options: change.options ?? prev.options });
    }
    if (o.vendor) vendor = o.vendor;
  }
  return vendor ? { rules, vendor } : { rules };
}

/** Whether a check is on for some file: in the base rules or in an override. */
export function enabledAnywhere(config: Config, id: string): boolean {
  if (config.rules.get(id)?.severity !== 'off') return true;
  return config.overrides.some((o) => {
    const sev = o.rules.get(id)?.severity;
    return sev !== undefined && sev !== 'off';
  });
}

/** Whether a file is ignored by the config's `ignores` globs. */
export function isIgnored(config: Config, file: string): boolean {
  return config.ignores.length > 0 && matchesAny(relativeForGlobs(config.baseDir, file), config.ignores);
}

function relativeForGlobs(baseDir: string, file: string): string {
  const rel = path.relative(baseDir, path.resolve(file));
  return rel.split(path.sep).join('/');
}

/** Only configs with ignores or file overrides need minimatch: a run without spares its load. */
const loadMinimatch = lazyRequire<typeof import('minimatch')>('minimatch');

function matchesAny(rel: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const { minimatch } = loadMinimatch();
  // A pattern without a slash matches the file name anywhere, as in .gitignore.
  return globs.some((g) => minimatch(rel, g, { dot: true, matchBase: !g.includes('/') }));
}

function applyRules(target: Map<string, RuleEntry>, rules: Record<string, RuleSetting>, known: Map<string, Check>, where: string): void {
  for (const [id, setting] of Object.entries(rules)) {
    const check = known.get(id);
    if (!check) throw new ConfigError(`${where}: unknown check "${id}"${didYouMean(id, [...known.keys()])}`);
    const prev = target.get(id) as RuleEntry;
    const parsed = parseSetting(setting);
    if (parsed.options) validateOptions(check, parsed.options, where);
    target.set(id, {
      severity: parsed.severity,
      options: parsed.options ? { ...(check.meta.defaultOptions ?? {}), ...parsed.options } : prev.options,
    });
  }
}

function toOverride(o: NonNullable<ConfigFile['overrides']>[number], known: Map<string, Check>, where: string): Override {
  const rules = new Map<string, Partial<RuleEntry>>();
  for (const [id, setting] of Object.entries(o.rules ?? {})) {
    const check = known.get(id);
    if (!check) throw new ConfigError(`${where}: overrides: unknown check "${id}"${didYouMean(id, [...known.keys()])}`);
    const parsed = parseSetting(setting);
    rules.set(id, parsed.options ? { severity: parsed.severity, options: { ...(check.meta.defaultOptions ?? {}), ...parsed.options } } : { severity: parsed.severity });
    if (parsed.options) validateOptions(check, parsed.options, where);
  }
  return {
    files: toArray(o.files ?? []),
    excludedFiles: toArray(o.excludedFiles ?? []),
    ids: (o.ids ?? []).map((i) => i.toLowerCase()),
    ...(o.vendor ? { vendor: o.vendor } : {}),
    rules,
  };
}

function parseSetting(setting: RuleSetting): { severity: SeverityName; options?: Record<string, unknown> } {
  if (Array.isArray(setting)) {
    const [sev, options] = setting;
    return options ? { severity: severityName(sev), options } : { severity: severityName(sev) };
  }
  return { severity: severityName(setting) };
}

export function severityName(s: SeverityInput): SeverityName {
  if (s === 0) return 'off';
  if (s === 1) return 'warn';
  if (s === 2) return 'error';
  return s;
}

function validateOptions(check: Check, options: Record<string, unknown>, where: string): void {
  if (!check.meta.schema) return;
  const validate = inlineValidator(check.meta.schema);
  if (!validate(options)) {
    throw new ConfigError(`${where}: invalid options for "${check.meta.id}": ${describeErrors(validate.errors).join('; ')}`);
  }
}

function toArray<T>(v: T | T[]): T[] {
  return Array.isArray(v) ? v : [v];
}

export function didYouMean(word: string, candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  const best = closest(word, candidates as string[]);
  return best ? ` (did you mean "${best}"?)` : '';
}
