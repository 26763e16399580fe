import { defineCheck } from '../engine/check.js';
import type { SigmaDocument } from '../parse/sigma/document-types.js';

export default defineCheck({
  meta: {
    id: 'sigmahq-mitre-link',
    description: 'An attack.mitre.org link in references instead of an ATT&CK tag.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    docs: `ATT&CK techniques go in \`tags\` (\`attack.t1053.003\`), where tools read them for coverage; a link to attack.mitre.org in \`references\` is invisible to them. SigmaHQ's \`sigmahq_mitre_link\`.`,
  },
  check(rule, context) {
    if (rule.vendor !== 'sigma') return;
    for (const ref of (rule.doc as SigmaDocument).references) {
      if (ref.value.startsWith('https://attack.mitre.org/')) {
        const t = /\/techniques\/(T\d{4})(?:\/(\d{3}))?/i.exec(ref.value);
        const tag = t ? `attack.${(t[1] as string).toLowerCase()}${t[2] ? `.${t[2]}` : ''}` : 'an attack.* tag';
        context.report({ message: `reference to attack.mitre.org: use the tag ${tag} instead`, loc: ref.loc });
      }
    }
  },
});
