import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError, type CliValues } from './args.js';
import { EXIT_OK, type CliIO } from './main.js';

/** The commented starting config `lint-rule init` writes. */
export const STARTER_CONFIG = `# lint-rule configuration — https://github.com/lint-rule/lint-rule#configuration
# Validated against rules-schema/config.schema.json; paths are relative to this file.

# Presets: recommended (high signal), strict (every check), sigmahq, elastic, splunk.
extends: recommended

# Existing rules the corpus-aware checks compare drafts with (missing common
# exclusions, noisy indicators). Leave it out to use the public corpora shipped
# beside lint-rule; an empty list turns the corpus checks off.
# corpus:
#   - ../shared/corpus/sigma
#   - ../shared/corpus/elastic
#   - ../shared/corpus/splunk

# ATT&CK data: an official enterprise-attack.json replaces bundle and overlays.
# attack:
#   bundle: ../shared/attack/enterprise-attack.json
#   overlays: [../shared/attack/attack-v19-changes.json]
#   crosswalks: [../shared/attack/attack_v18_to_v19.yaml]

# Files never linted.
ignores:
  - '**/deprecated/**'

# Per check: off | warn | error, or [severity, { options }]. \`lint-rule rules\` lists them.
# rules:
#   missing-common-exclusions: [warn, { minRules: 3, minShare: 0.1 }]
#   noisy-indicators-only: [warn, { minReach: 20 }]

# Per folder or per rule id.
# overrides:
#   - files: ['rules-threat-hunting/**']
#     rules:
#       noisy-indicators-only: off
#   - ids: ['00000000-0000-4000-8000-000000000000']
#     rules:
#       field-unknown: off
`;

/** `lint-rule init`: writes lint-rule.config.yml in the current folder (never over an existing one). */
export async function initCommand(values: CliValues, io: CliIO): Promise<number> {
  const target = path.resolve(io.cwd, values['output-file'] ?? 'lint-rule.config.yml');
  if (existsSync(target)) throw new UsageError(`${path.relative(io.cwd, target) || target} already exists; not overwriting it`);
  writeFileSync(target, STARTER_CONFIG);
  io.stdout(`wrote ${path.relative(io.cwd, target) || target}\n`);
  return EXIT_OK;
}
