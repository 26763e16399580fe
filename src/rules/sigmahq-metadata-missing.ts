import { defineCheck } from '../engine/check.js';
import type { SigmaDocument } from '../parse/sigma/document-types.js';

const FIELDS = ['status', 'date', 'description', 'level', 'author'] as const;
type Field = (typeof FIELDS)[number];

export default defineCheck<{ required: Field[] }>({
  meta: {
    id: 'sigmahq-metadata-missing',
    description: 'A Sigma rule without one of status, date, description, level or author.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { required: { type: 'array', items: { enum: [...FIELDS] }, uniqueItems: true } },
    },
    defaultOptions: { required: [...FIELDS] },
    docs: `The Sigma specification makes these fields optional; SigmaHQ requires them, because its release packages are built by status and level, and reviewers need the author, the date and what the rule is for. The option \`required\` lists the fields to require (default: all five).

SigmaHQ's \`sigmahq_status_existence\`, \`sigmahq_date_existence\`, \`sigmahq_description_existence\`, \`sigmahq_level_existence\` and \`sigmahq_author_existence\`.`,
  },
  check(rule, context) {
    if (rule.vendor !== 'sigma') return;
    const doc = rule.doc as SigmaDocument;
    if (doc.kind === 'filter') return;
    for (const f of context.options.required) {
      if (doc[f] === undefined) context.report({ message: `the rule has no '${f}'`, loc: rule.titleLoc });
    }
  },
});
