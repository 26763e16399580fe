import { defineCheck } from '../engine/check.js';
import { isoDateProblem } from './calendar-date.js';
import { splunkDocOf } from './splunk/splunk-doc.js';

/** Why a date is not a calendar date written YYYY-MM-DD, or undefined when it is one. */
function dateProblem(text: string): string | undefined {
  const problem = isoDateProblem(text);
  if (problem === 'form') return 'is not a date written YYYY-MM-DD';
  return problem === 'calendar' ? 'is not a calendar date' : undefined;
}

export default defineCheck({
  meta: {
    id: 'splunk-date-invalid',
    description: 'A Splunk detection\'s `date` is not a calendar date written YYYY-MM-DD.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['splunk'],
    docs: `Reports a \`date\` that is not a calendar date written \`YYYY-MM-DD\`: \`2024/10/17\`, \`17-10-2024\`, \`2024-1-7\`, \`2024-02-30\`.

contentctl parses \`date\` as a date and refuses the detection otherwise; the date becomes the detection's \`publish_time\` in the app's metadata. security_content quotes it (\`date: '2024-10-17'\`); an unquoted date is read the same way.`,
  },
  check(rule, context) {
    const field = splunkDocOf(rule)?.date;
    if (!field) return;
    const problem = dateProblem(field.value);
    if (problem) context.report({ message: `date '${field.value}' ${problem}`, loc: field.loc });
  },
});
