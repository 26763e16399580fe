import { defineCheck } from '../engine/check.js';
import { elasticDocOf } from './elastic/elastic-doc.js';
import { DATE_KEYS, dateValue, hasDateShape } from './elastic/metadata-dates.js';

export default defineCheck({
  meta: {
    id: 'elastic-date-invalid',
    description: 'A metadata date of an Elastic rule that is not a real date written YYYY/MM/DD.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['elastic'],
    docs: `\`creation_date\`, \`updated_date\` and \`deprecation_date\` in \`[metadata]\` are written \`YYYY/MM/DD\` (\`2024/03/07\`): detection-rules' schema refuses any other form, and its tests compare the dates as text, which only orders them right in that form. A date of the right shape that does not exist (\`2024/02/30\`, \`2024/13/01\`) is reported too.

A missing \`creation_date\` or \`updated_date\` is \`elastic-schema\`'s to report.

**Fix:** write the date as \`YYYY/MM/DD\`, with slashes and leading zeros.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    if (!doc) return;
    for (const key of DATE_KEYS) {
      const d = doc.metadata[key];
      if (!d) continue;
      if (!hasDateShape(d.value)) {
        context.report({ message: `${key} "${d.value}" must be a date written YYYY/MM/DD`, loc: d.loc });
      } else if (dateValue(d.value) === undefined) {
        context.report({ message: `${key} "${d.value}" is not a date that exists`, loc: d.loc });
      }
    }
  },
});
