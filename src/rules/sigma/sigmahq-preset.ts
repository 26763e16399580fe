import { existsSync, readFileSync } from 'node:fs';
import type { Check } from '../../engine/check.js';
import { ConfigError, type ConfigFile, type RuleSetting } from '../../engine/config-file.js';
import { lazyRequire } from '../../engine/lazy.js';
import { registerPreset } from '../../engine/presets.js';
import { SIGMAHQ_NOT_IN_ALL, SIGMAHQ_TESTS, SIGMAHQ_VALIDATORS } from '../sigmahq-validator-map.js';
import { cliConfigPath } from '../sigmahq-support.js';
import { PYSIGMA_LOAD_ERRORS, PYSIGMA_VALIDATOR_ALIASES, PYSIGMA_VALIDATORS } from './pysigma-map.js';

const loadYaml = lazyRequire<typeof import('yaml')>('yaml');

/** What a preset factory may be told about the config being loaded (settings for `settings.sigma.cliConfig`). */
export interface PresetContext {
  settings?: Readonly<Record<string, unknown>>;
  baseDir?: string;
}

/** A sigma-cli validation config: `validators` (`all`, `name`, `-name`) and `exclusions` (rule id → validator(s)). */
export interface SigmaCliConfig {
  validators: string[];
  exclusions: Record<string, string[]>;
}

/** Every validator identifier lint-rule maps: pySigma's core validators and SigmaHQ's plugin. */
const VALIDATOR_CHECKS: Readonly<Record<string, string | null>> = { ...PYSIGMA_VALIDATORS, ...SIGMAHQ_VALIDATORS };

/**
 * The `sigmahq` preset: the checks SigmaHQ's CI enforces on its rules, at
 * error level, built at load time from SigmaHQ's own sigma-cli config
 * (`tests/sigma_cli_conf.yml`, or `settings.sigma.cliConfig`):
 *  - `sigma check` with the validators it lists (`all` minus the disabled
 *    ones), through the pySigma and SigmaHQ-plugin maps, plus the load
 *    errors `sigma check` fails on;
 *  - the tests of tests/test_rules.py and tests/test_logsource.py;
 *  - each per-rule exclusion as an override by rule id that turns the
 *    validator's check off for that rule.
 * Checks that do not exist in this build are left out.
 */
export function sigmahqPreset(checks: readonly Check[], context?: PresetContext): ConfigFile {
  const known = new Set(checks.map((c) => c.meta.id));
  const cli = readSigmaCliConfig(cliConfigPath(context?.settings, context?.baseDir));
  const rules: Record<string, RuleSetting> = {};
  const on = (id: string | null | undefined): void => {
    if (id && known.has(id)) rules[id] = 'error';
  };
  for (const id of Object.values(PYSIGMA_LOAD_ERRORS)) on(id);
  on('parse-error');
  for (const v of enabledValidators(cli.validators)) on(VALIDATOR_CHECKS[v]);
  for (const id of Object.values(SIGMAHQ_TESTS)) on(id);

  const idsByCheck = new Map<string, string[]>();
  for (const [ruleId, validators] of Object.entries(cli.exclusions)) {
    for (const v of validators) {
      const check = VALIDATOR_CHECKS[canonical(v)];
      if (!check || !known.has(check)) continue;
      const list = idsByCheck.get(check) ?? [];
      list.push(ruleId);
      idsByCheck.set(check, list);
    }
  }
  const overrides = [...idsByCheck].map(([check, ids]) => ({ ids, rules: { [check]: 'off' as const } }));
  return { rules, overrides };
}

/** The validator identifiers a `validators:` list turns on, in lint-rule's map. */
export function enabledValidators(list: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const entry of list) {
    if (entry === 'all') {
      for (const id of Object.keys(PYSIGMA_VALIDATORS)) out.add(id);
      for (const id of Object.keys(SIGMAHQ_VALIDATORS)) if (!SIGMAHQ_NOT_IN_ALL.has(id as keyof typeof SIGMAHQ_VALIDATORS)) out.add(id);
    } else if (entry.startsWith('-')) {
      out.delete(canonical(entry.slice(1)));
    } else {
      out.add(canonical(entry));
    }
  }
  return out;
}

function canonical(id: string): string {
  return PYSIGMA_VALIDATOR_ALIASES[id] ?? id;
}

/** Reads a sigma-cli validation config; a missing file gives `validators: [all]` and no exclusions. */
export function readSigmaCliConfig(file: string): SigmaCliConfig {
  if (!existsSync(file)) return { validators: ['all'], exclusions: {} };
  let raw: unknown;
  try {
    // PyYAML, which sigma-cli reads it with, lets a repeated rule id replace the earlier entry; so do we.
    raw = loadYaml().parse(readFileSync(file, 'utf8'), { uniqueKeys: false });
  } catch (e) {
    throw new ConfigError(`sigmahq preset: cannot read the sigma-cli config ${file}: ${(e as Error).message}`);
  }
  const obj = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const validators = Array.isArray(obj.validators) ? obj.validators.filter((v): v is string => typeof v === 'string') : ['all'];
  const exclusions: Record<string, string[]> = {};
  const ex = obj.exclusions;
  if (ex !== null && typeof ex === 'object') {
    for (const [id, v] of Object.entries(ex as Record<string, unknown>)) {
      const list = Array.isArray(v) ? v : [v];
      exclusions[id] = list.filter((x): x is string => typeof x === 'string');
    }
  }
  return { validators, exclusions };
}

registerPreset('sigmahq', sigmahqPreset);
