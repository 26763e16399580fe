import { defineCheck } from '../engine/check.js';
import { shortTextProblem } from './splunk/required-text.js';
import { splunkDocOf } from './splunk/splunk-doc.js';

export default defineCheck({
  meta: {
    id: 'splunk-known-false-positives',
    description: 'A Splunk detection\'s `known_false_positives` is empty or shorter than 4 characters.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['splunk'],
    docs: `Reports a \`known_false_positives\` that is empty, blank or shorter than 4 characters. (A detection without the key at all is reported by \`splunk-schema\`.)

\`known_false_positives\` tells the analyst who triages an alert which benign activity also matches, and the engineer who tunes it what to put in the detection's \`*_filter\` macro. contentctl requires it, with at least 4 characters; write "None identified." rather than leaving it blank when nothing is known.`,
  },
  check(rule, context) {
    const field = splunkDocOf(rule)?.knownFalsePositives;
    if (!field) return;
    const problem = shortTextProblem('known_false_positives', field);
    if (problem) context.report({ message: problem, loc: field.loc });
  },
});
