import { defineCheck } from '../engine/check.js';
import type { SigmaDocument } from '../parse/sigma/document-types.js';

export default defineCheck({
  meta: {
    id: 'sigmahq-tlp',
    description: 'A TLP tag other than tlp.clear, or more than one TLP tag.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    docs: `Everything in the public SigmaHQ repository is shareable without restriction, so the only TLP tag a rule there may carry is \`tlp.clear\`, once. SigmaHQ's \`sigmahq_tags_tlp\` and \`sigmahq_tags_unique_tlp\`.`,
  },
  check(rule, context) {
    if (rule.vendor !== 'sigma') return;
    const tlp = (rule.doc as SigmaDocument).tags.filter((t) => t.value.toLowerCase().startsWith('tlp.'));
    tlp.forEach((t, i) => {
      if (t.value !== 'tlp.clear') context.report({ message: `'${t.value}': a public rule is tlp.clear`, loc: t.loc });
      if (i > 0) context.report({ message: `a second TLP tag '${t.value}'`, loc: t.loc });
    });
  },
});
