import type { Check } from './check.js';
import type { ConfigFile, RuleSetting } from './config-file.js';

/**
 * Presets are configs of the same shape as a user's file, so `extends`
 * merges them with the same code. `recommended` and `strict` are derived
 * from the checks' metadata so a new check only has to say where it belongs;
 * vendor presets (sigmahq, elastic, splunk) list what those projects' CI enforces.
 */
/** What a preset may read besides the checks: the config's settings and the folder relative paths resolve from. */
export interface PresetContext {
  settings: Record<string, Record<string, unknown>>;
  baseDir: string;
}

export type PresetFactory = (checks: readonly Check[], context?: PresetContext) => ConfigFile;

const presets = new Map<string, PresetFactory>([
  ['recommended', (checks) => ({ rules: severities(checks, (c) => (c.meta.recommended ? c.meta.defaultSeverity : 'off')) })],
  ['strict', (checks) => ({ rules: severities(checks, (c) => c.meta.defaultSeverity) })],
]);

/** Registers a vendor preset (their modules call this at load). */
export function registerPreset(name: string, factory: PresetFactory): void {
  presets.set(name, factory);
}

export function presetNames(): string[] {
  return [...presets.keys()];
}

export function getPreset(name: string): PresetFactory | undefined {
  return presets.get(name);
}

function severities(checks: readonly Check[], pick: (c: Check) => 'off' | 'warn' | 'error'): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const c of checks) out[c.meta.id] = pick(c);
  return out;
}
