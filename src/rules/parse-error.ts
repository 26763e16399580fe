import { defineCheck } from '../engine/check.js';

export default defineCheck({
  meta: {
    id: 'parse-error',
    description: 'The file cannot be read as a rule: malformed YAML/TOML, not a rule, binary, empty or too large.',
    defaultSeverity: 'error',
    recommended: true,
    reportedByParser: true,
    docs: `Reported when lint-rule cannot turn the file into a rule at all: YAML or TOML syntax errors, a document that is not a Sigma, Elastic or Splunk rule, a binary or non-UTF-8 file, an empty file, or one larger than \`maxFileSize\` (2 MiB by default). The message points at the line and column where reading stopped.

This problem is always an error and cannot be turned off: no other check can run on the file. The other files of the run are still linted.`,
  },
});
