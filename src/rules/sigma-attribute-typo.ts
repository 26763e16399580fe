import { defineCheck } from '../engine/check.js';
import { keyText } from '../parse/yaml/nodes.js';
import { sigmaDocOf } from './sigma/pysigma-doc.js';

/** pySigma's list of custom attributes that are misspellings of standard ones, and what each meant. */
const TYPOS: ReadonlyMap<string, string> = new Map([
  ['realted', 'related'],
  ['relatde', 'related'],
  ['relted', 'related'],
  ['rlated', 'related'],
  ['reference', 'references'],
]);

export default defineCheck({
  meta: {
    id: 'sigma-attribute-typo',
    description: 'A top-level key that is a known misspelling of a standard attribute, e.g. `reference` or `realted` (pySigma custom_attributes).',
    defaultSeverity: 'warn',
    recommended: true,
    vendors: ['sigma'],
    fixable: true,
    docs: `Reports a top-level key that pySigma knows as a misspelling of a standard attribute: \`realted\`, \`relatde\`, \`relted\`, \`rlated\` (for \`related\`) and \`reference\` (for \`references\`).

Sigma allows custom attributes, so a misspelt key is not an error to a YAML or Sigma loader: it is kept as a custom attribute and the rule silently loses its references or relations. \`--fix\` renames the key when the correct one is not also present. pySigma identifier: \`custom_attributes\`.`,
  },
  check(rule, context) {
    const doc = sigmaDocOf(rule);
    if (!doc) return;
    // The YAML map's keys when there is one: reading them needs no plain copy of the document.
    const keys = new Set(doc.node ? doc.node.pairs.map((p) => keyText(p.key)) : Object.keys(doc.data));
    for (const key of keys) {
      const meant = TYPOS.get(key);
      if (!meant) continue;
      const loc = doc.locateKey([key]);
      if (!loc) continue;
      const message = `'${key}' is a misspelling of '${meant}': as a custom attribute it is ignored`;
      if (keys.has(meant)) {
        context.report({ message, loc });
        continue;
      }
      const start = rule.source.offset(loc.line, loc.column);
      const end = rule.source.offset(loc.endLine, loc.endColumn);
      context.report({ message, loc, fix: { range: [start, end], text: meant } });
    }
  },
});
