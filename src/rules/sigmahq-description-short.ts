import { defineCheck } from '../engine/check.js';
import type { SigmaDocument } from '../parse/sigma/document-types.js';

export default defineCheck<{ minLength: number }>({
  meta: {
    id: 'sigmahq-description-short',
    description: 'A Sigma description shorter than 16 characters.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    schema: { type: 'object', additionalProperties: false, properties: { minLength: { type: 'integer', minimum: 1 } } },
    defaultOptions: { minLength: 16 },
    docs: `A description of a few words ("Detects mimikatz") does not tell a triage analyst what the rule looks for or why it matters. SigmaHQ's \`sigmahq_description_length\` (16 characters; option \`minLength\`).`,
  },
  check(rule, context) {
    if (rule.vendor !== 'sigma') return;
    const d = (rule.doc as SigmaDocument).description;
    if (d && d.value.length < context.options.minLength) {
      context.report({ message: `description is ${d.value.length} characters long: describe what the rule detects and why (at least ${context.options.minLength})`, loc: d.loc });
    }
  },
});
