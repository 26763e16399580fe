import { defineCheck } from '../engine/check.js';
import { shortTextProblem } from './splunk/required-text.js';
import { splunkDocOf } from './splunk/splunk-doc.js';

export default defineCheck({
  meta: {
    id: 'splunk-how-to-implement',
    description: 'A Splunk detection\'s `how_to_implement` is empty or shorter than 4 characters.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['splunk'],
    docs: `Reports a \`how_to_implement\` that is empty, blank or shorter than 4 characters. (A detection without the key at all is reported by \`splunk-schema\`.)

\`how_to_implement\` tells whoever deploys the detection what it needs: the data (a Sysmon configuration logging EventID 1, the CIM \`Endpoint\` data model populated), the add-ons and macros to set up. contentctl requires it, with at least 4 characters, and writes it into the app's analytic story pages.`,
  },
  check(rule, context) {
    const field = splunkDocOf(rule)?.howToImplement;
    if (!field) return;
    const problem = shortTextProblem('how_to_implement', field);
    if (problem) context.report({ message: problem, loc: field.loc });
  },
});
