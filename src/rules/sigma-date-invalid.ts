import { defineCheck } from '../engine/check.js';
import { sigmaDocOf } from './sigma/pysigma-doc.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why a `date`/`modified` value is not an ISO 8601 calendar date, or undefined when it is one. */
export function dateProblem(text: string): string | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return text.includes('/') ? 'is not YYYY-MM-DD (the YYYY/MM/DD form is no longer accepted)' : 'is not a date of the form YYYY-MM-DD';
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'is not a calendar date';
  return undefined;
}

/**
 * Days in a month (1–12) of the proleptic Gregorian calendar, as ISO 8601 counts them. Not
 * through Date: Date.UTC reads the years 0–99 as 1900–1999, and a Date per value costs more.
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
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
