import { defineCheck } from '../engine/check.js';
import { nodeCrypto } from '../engine/lazy.js';
import { sigmaDocOf, startOf } from './sigma/pysigma-doc.js';

export default defineCheck({
  meta: {
    id: 'sigma-id-missing',
    description: 'A Sigma rule without an `id` (pySigma identifier_existence).',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['sigma'],
    hasSuggestions: true,
    docs: `Reports a rule or correlation without an \`id\`.

The id is how rules are told apart across renames, how \`related\` links and correlations refer to them, and how per-rule exclusions (SigmaHQ's CI, lint-rule overrides) name them. Add \`id:\` with a random UUID version 4 below the title; the suggestion offers one. pySigma identifier: \`identifier_existence\`.`,
  },
  check(rule, context) {
    const doc = sigmaDocOf(rule);
    if (!doc || doc.id || 'id' in doc.data) return;
    const title = doc.title;
    const loc = title ? title.keyLoc : startOf(doc.loc);
    const line = `id: ${nodeCrypto().randomUUID()}\n`;
    const at = title ? rule.source.offset(title.loc.endLine + 1, 1) : rule.source.offset(doc.loc.line, 1);
    context.report({
      message: 'rule has no id: add one (a random UUID v4)',
      loc,
      suggestions: [{ description: 'add a new random id', snippet: line.trimEnd(), fix: { range: [at, at], text: line } }],
    });
  },
});
