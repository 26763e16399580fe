import { defineCheck } from '../engine/check.js';
import type { SigmaModifier } from '../parse/sigma/document-types.js';
import { forEachItem, sigmaDocOf } from './sigma/pysigma-doc.js';

/** Modifiers pySigma allows to repeat: `base64` of `base64` is a real double encoding. */
const REPEATABLE = new Set(['base64']);

export default defineCheck({
  meta: {
    id: 'sigma-modifier-combination',
    description: 'Value modifiers that cannot work together: `all` without `contains`, `base64offset` without `contains`, `windash` with `all`, a modifier applied twice (pySigma invalid_modifier_combinations).',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['sigma'],
    docs: `Reports detection items whose modifiers make the rule match nothing or something else than intended:

- \`Field|all\` without \`contains\`: every value must equal the whole field at once, which no two different values can. Write \`Field|contains|all\`.
- \`base64offset\` without \`contains\`: the three encodings of each offset carry neighbouring characters at both ends, so they only match inside a longer string. Write \`Field|base64offset|contains\`.
- \`windash\` with \`all\`: \`windash\` expands each value into its dash variants as alternatives, and \`all\` would require every variant at once.
- a modifier written twice (\`|contains|contains\`), except \`base64\`, which may really be applied twice.

The message is on the modifier concerned. Field-less keyword items (\`'|all':\`) may use \`all\` alone. pySigma identifier: \`invalid_modifier_combinations\`.`,
  },
  check(rule, context) {
    const doc = sigmaDocOf(rule);
    if (!doc) return;
    forEachItem(doc, (item) => {
      const mods = item.modifiers;
      if (mods.length === 0) return;
      const find = (name: string): SigmaModifier | undefined => mods.find((m) => m.name === name);
      const all = find('all');
      const contains = find('contains');
      if (item.field !== null && all && !contains) {
        context.report({ message: `'${item.key}': 'all' without 'contains' requires each value to equal the whole field, so it matches nothing; use '${item.field}|contains|all'`, loc: all.loc });
      }
      const b64offset = find('base64offset');
      if (b64offset && !contains) {
        context.report({ message: `'${item.key}': 'base64offset' needs 'contains', because each encoded offset carries extra characters at both ends`, loc: b64offset.loc });
      }
      const windash = find('windash');
      if (windash && all) {
        context.report({ message: `'${item.key}': 'windash' cannot be combined with 'all': it would require every dash variant at once`, loc: windash.loc });
      }
      const seen = new Set<string>();
      const reported = new Set<string>();
      for (const m of mods) {
        // An empty modifier (`a||b`) is sigma-modifier-unknown's to report.
        if (m.name !== '' && seen.has(m.name) && !REPEATABLE.has(m.name) && !reported.has(m.name)) {
          context.report({ message: `'${item.key}': modifier '${m.name}' is applied more than once`, loc: m.loc });
          reported.add(m.name);
        }
        seen.add(m.name);
      }
    });
  },
});
