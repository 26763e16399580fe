import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lazyRequire } from './lazy.js';
import type { SeverityName } from './check.js';
import type { Vendor } from '../model/rule.js';
import { YAML_TOO_DEEP } from '../parse/yaml/nodes.js';

/** A severity as written in a config: names or ESLint's numbers. */
export type SeverityInput = SeverityName | 0 | 1 | 2;
export type RuleSetting = SeverityInput | [SeverityInput] | [SeverityInput, Record<string, unknown>];

/** The config file as written (after schema validation). */
export interface ConfigFile {
  extends?: string | string[];
  corpus?: string[];
  attack?: { bundle?: string; overlays?: string[]; crosswalks?: string[] };
  cacheDir?: string;
  maxFileSize?: number;
  ignores?: string | string[];
  rules?: Record<string, RuleSetting>;
  settings?: Record<string, Record<string, unknown>>;
  overrides?: Array<{
    files?: string | string[];
    ids?: string[];
    excludedFiles?: string | string[];
    vendor?: Vendor;
    rules?: Record<string, RuleSetting>;
  }>;
}

const loadYaml = lazyRequire<typeof import('yaml')>('yaml');

export const CONFIG_NAMES = ['lint-rule.config.yml', 'lint-rule.config.yaml', 'lint-rule.config.json'] as const;

/** A config problem: exit code 2, shown without a stack trace. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Finds the nearest config file from `dir` upwards. */
export function findConfigFile(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Reads a config file into a plain value; syntax errors become ConfigErrors with line and column. */
export function readConfigFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read config ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (file.endsWith('.json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      throw new ConfigError(`${file}: invalid JSON: ${(err as Error).message}`);
    }
  }
  const yaml = loadYaml();
  try {
    return yaml.parse(text, { uniqueKeys: true }) ?? {};
  } catch (err) {
    if (err instanceof yaml.YAMLParseError) {
      const pos = err.linePos?.[0];
      const where = pos ? `:${pos.line}:${pos.col}` : '';
      throw new ConfigError(`${file}${where}: ${err.message.split('\n')[0]}`);
    }
    // What else the package throws is about the file too: aliases that expand without end, nesting its recursion cannot follow.
    const message = err instanceof RangeError ? YAML_TOO_DEEP : (err as Error).message;
    throw new ConfigError(`${file}: invalid YAML: ${message}`);
  }
}
