import { defineCheck } from '../engine/check.js';
import type { SigmaDocument } from '../parse/sigma/document-types.js';

const LINK_WORDS = ['http://', 'https://', 'internal research'];

export default defineCheck({
  meta: {
    id: 'sigmahq-description-link',
    description: 'A description with a link (or "internal research") in a rule without references.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    docs: `Links belong in \`references\`, where tools list and archive them; a description that carries the link while \`references\` is empty hides the source. SigmaHQ's \`sigmahq_link_in_description\`.`,
  },
  check(rule, context) {
    if (rule.vendor !== 'sigma') return;
    const doc = rule.doc as SigmaDocument;
    const d = doc.description;
    if (!d || doc.references.length > 0) return;
    const lower = d.value.toLowerCase();
    const word = LINK_WORDS.find((w) => lower.includes(w));
    if (word) context.report({ message: `description contains '${word}' but the rule has no references: move the source to 'references'`, loc: d.loc });
  },
});
