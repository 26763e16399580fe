import { defineCheck } from '../engine/check.js';
import { elasticDocOf } from './elastic/elastic-doc.js';
import { dateValue } from './elastic/metadata-dates.js';

export default defineCheck({
  meta: {
    id: 'elastic-date-order',
    description: 'An Elastic rule whose updated_date is before its creation_date.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['elastic'],
    docs: `A rule cannot have been updated before it was created: \`updated_date\` must be the same day as \`creation_date\` or later. detection-rules' CI (\`test_updated_date_newer_than_creation\`) fails on the rule otherwise. The usual cause is a rule copied from another one whose \`creation_date\` was set to today and whose \`updated_date\` was kept, or the two dates swapped.

Dates that are not \`YYYY/MM/DD\` are left to \`elastic-date-invalid\`.

**Fix:** set \`updated_date\` to the day of the last change (today, for a new rule).`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    const created = doc?.metadata.creation_date;
    const updated = doc?.metadata.updated_date;
    if (!created || !updated) return;
    const c = dateValue(created.value);
    const u = dateValue(updated.value);
    if (c === undefined || u === undefined || u >= c) return;
    context.report({ message: `updated_date ${updated.value} is before creation_date ${created.value}`, loc: updated.loc });
  },
});
