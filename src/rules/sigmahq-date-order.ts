import { defineCheck } from '../engine/check.js';
import type { SigmaDocument } from '../parse/sigma/document-types.js';

export default defineCheck({
  meta: {
    id: 'sigmahq-date-order',
    description: 'A `modified` date before the `date`, equal to it, or without a `date`.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    docs: `\`date\` is when the rule was written and \`modified\` when it last changed, so \`modified\` must come after \`date\`. A \`modified\` equal to \`date\` says nothing (drop it), and a \`modified\` without a \`date\` loses the creation date.

SigmaHQ's \`sigmahq_modified_date_order\`, \`sigmahq_redundant_modified\` and \`sigmahq_modified_without_date\`. Dates are read as YYYY-MM-DD (or the older YYYY/MM/DD); malformed dates are \`sigma-date-invalid\`'s.`,
  },
  check(rule, context) {
    if (rule.vendor !== 'sigma') return;
    const doc = rule.doc as SigmaDocument;
    const { date, modified } = doc;
    if (!modified) return;
    if (!date) {
      context.report({ message: "'modified' without 'date': keep the creation date in 'date'", loc: modified.keyLoc });
      return;
    }
    const d = dayOf(date.value);
    const m = dayOf(modified.value);
    if (d === undefined || m === undefined) return;
    if (m < d) context.report({ message: `'modified' (${modified.value}) is before 'date' (${date.value})`, loc: modified.loc });
    else if (m === d) context.report({ message: `'modified' equals 'date' (${date.value}): remove it`, loc: modified.loc });
  },
});

/** YYYY-MM-DD or YYYY/MM/DD as a sortable number. */
function dayOf(s: string): number | undefined {
  const m = /^(\d{4})[-/](\d{2})[-/](\d{2})/.exec(s);
  return m ? Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]) : undefined;
}
