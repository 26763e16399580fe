import { defineCheck } from '../engine/check.js';
import { isoDateProblem } from './calendar-date.js';
import { sigmaDocOf } from './sigma/pysigma-doc.js';

/** Why a `date`/`modified` value is not an ISO 8601 calendar date, or undefined when it is one. */
export function dateProblem(text: string): string | undefined {
  const problem = isoDateProblem(text);
  if (problem === 'form') return text.includes('/') ? 'is not YYYY-MM-DD (the YYYY/MM/DD form is no longer accepted)' : 'is not a date of the form YYYY-MM-DD';
  return problem === 'calendar' ? 'is not a calendar date' : undefined;
}

export default defineCheck({
  meta: {
    id: 'sigma-date-invalid',
    description: '`date` or `modified` is not a calendar date written YYYY-MM-DD.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['sigma'],
    docs: `Reports a \`date\` or \`modified\` value that is not an ISO 8601 calendar date written \`YYYY-MM-DD\`: \`2023/01/05\`, \`05.01.2023\`, \`2023-1-5\`, \`2023-02-30\`.

pySigma refuses to load such a rule (SigmaDateError), so \`sigma convert\` and \`sigma check\` stop on it; the specification and its JSON schema require the \`YYYY-MM-DD\` form. Write the date with four-digit year and two-digit month and day.`,
  },
  check(rule, context) {
    const doc = sigmaDocOf(rule);
    if (!doc) return;
    for (const field of [doc.date, doc.modified]) {
      if (!field) continue;
      const problem = dateProblem(field.value);
      if (problem) context.report({ message: `'${field.value}' ${problem}`, loc: field.loc });
    }
  },
});
