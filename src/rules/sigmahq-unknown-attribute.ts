import { defineCheck } from '../engine/check.js';
import type { SigmaDocument } from '../parse/sigma/document-types.js';

/** Top-level keys of Sigma rules, correlations and filters (specification v2.1), and the two SigmaHQ adds. */
const KNOWN = new Set([
  'title', 'id', 'related', 'name', 'taxonomy', 'status', 'description', 'license', 'author', 'references', 'date', 'modified',
  'logsource', 'detection', 'fields', 'falsepositives', 'level', 'tags', 'scope', 'correlation', 'filter', 'generate',
  'regression_tests_path', 'simulation',
]);

export default defineCheck({
  meta: {
    id: 'sigmahq-unknown-attribute',
    description: 'A top-level attribute that is neither in the Sigma specification nor one SigmaHQ allows.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    docs: `Custom attributes are legal Sigma but SigmaHQ accepts only the specification's and its own \`regression_tests_path\` and \`simulation\`; anything else is a typo or private metadata that belongs in another repository. Typos of known attributes get a suggestion from \`sigma-attribute-typo\`. SigmaHQ's \`sigmahq_unknown_field\`.`,
  },
  check(rule, context) {
    if (rule.vendor !== 'sigma') return;
    const doc = rule.doc as SigmaDocument;
    if (doc.legacyGlobal) return;
    for (const key of Object.keys(doc.data)) {
      if (!KNOWN.has(key)) context.report({ message: `unknown attribute '${key}'`, loc: doc.locateKey([key]) ?? doc.loc });
    }
  },
});
