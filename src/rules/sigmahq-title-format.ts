import { defineCheck } from '../engine/check.js';
import type { SigmaDocument } from '../parse/sigma/document-types.js';

const LOWERCASE_OK = new Set(['the', 'for', 'in', 'with', 'via', 'on', 'to', 'without', 'of', 'through', 'from', 'by', 'as', 'a', 'or', 'at', 'and', 'an', 'over', 'new']);

export default defineCheck<{ maxLength: number }>({
  meta: {
    id: 'sigmahq-title-format',
    description: 'A Sigma title over 110 characters, starting with "Detects", ending with a dot, or not in title case.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    schema: { type: 'object', additionalProperties: false, properties: { maxLength: { type: 'integer', minimum: 1 } } },
    defaultOptions: { maxLength: 110 },
    docs: `Titles show in alert lists and dashboards: SigmaHQ keeps them short (110 characters), in title case (small words such as "via", "of", "the" excepted; words with a dot, slash or underscore are names and keep their case), without a leading "Detects" (every rule detects) and without a final dot. SigmaHQ's \`test_title\` and \`sigmahq_title_length\`, \`sigmahq_title_start\`, \`sigmahq_title_end\`, \`sigmahq_title_case\`.`,
  },
  check(rule, context) {
    if (rule.vendor !== 'sigma') return;
    const t = (rule.doc as SigmaDocument).title;
    if (!t) return;
    const title = t.value;
    if (title.length > context.options.maxLength) context.report({ message: `title is ${title.length} characters long (at most ${context.options.maxLength})`, loc: t.loc });
    if (title.startsWith('Detects ')) context.report({ message: "title starts with 'Detects': name what is detected", loc: t.loc });
    if (title.endsWith('.')) context.report({ message: 'title ends with a dot', loc: t.loc });
    const lower = title.split(' ').filter((w) => isLowerWord(w) && !LOWERCASE_OK.has(w.toLowerCase()) && !/[./_]/.test(w) && !/^\d/.test(w));
    if (lower.length > 0) context.report({ message: `title is not in title case: ${lower.map((w) => `'${w}'`).join(', ')}`, loc: t.loc });
  },
});

/** Python's str.islower(): at least one cased character, and no upper-case one. */
function isLowerWord(w: string): boolean {
  return w !== w.toUpperCase() && w === w.toLowerCase();
}
