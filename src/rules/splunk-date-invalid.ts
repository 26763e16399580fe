import { defineCheck } from '../engine/check.js';
import { splunkDocOf } from './splunk/splunk-doc.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why a date is not a calendar date written YYYY-MM-DD, or undefined when it is one. */
function dateProblem(text: string): string | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return 'is not a date written YYYY-MM-DD';
  const month = Number(m[2]);
  const day = Number(m[3]);
  const last = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > last) return 'is not a calendar date';
  return undefined;
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
