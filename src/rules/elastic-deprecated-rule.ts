import { defineCheck } from '../engine/check.js';
import { elasticDocOf, fileParts, keyPlaceOf } from './elastic/elastic-doc.js';

export default defineCheck({
  meta: {
    id: 'elastic-deprecated-rule',
    description: 'A deprecated Elastic rule outside _deprecated, without the right deprecation_date, or a rule in _deprecated that is not deprecated.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['elastic'],
    docs: `detection-rules retires a rule by setting \`maturity = "deprecated"\` and \`deprecation_date\` (the same day as \`updated_date\`), and moving it to a \`_deprecated\` folder; packaging then ships it as deprecated so Kibana removes it. Its CI (\`test_deprecated_rules\`) fails on a rule in \`_deprecated\` that is not deprecated, a deprecated rule elsewhere (building block rules cannot be deprecated in place), a deprecated rule without \`deprecation_date\`, and one whose \`deprecation_date\` is not its \`updated_date\`.

The version-lock parts of that test need detection-rules' lock files and are not checked.

**Fix:** as the message says.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    if (!doc) return;
    const maturity = doc.metadata.maturity;
    const deprecated = maturity?.value === 'deprecated';
    const { dirs } = fileParts(rule);
    const inDeprecated = dirs.includes('_deprecated');
    if (inDeprecated && !deprecated) {
      context.report({ message: 'a rule in a _deprecated folder must have maturity = "deprecated"', loc: maturity?.loc ?? keyPlaceOf(doc, ['metadata', 'maturity']) });
      return;
    }
    if (!deprecated || !maturity) return;
    if (!inDeprecated) context.report({ message: 'a deprecated rule belongs in a _deprecated folder', loc: maturity.loc });
    const date = doc.metadata.deprecation_date;
    const updated = doc.metadata.updated_date;
    if (!date) context.report({ message: 'a deprecated rule needs a deprecation_date (the same day as updated_date)', loc: keyPlaceOf(doc, ['metadata']) });
    else if (updated && date.value !== updated.value) context.report({ message: `deprecation_date ${date.value} should be updated_date ${updated.value}`, loc: date.loc });
  },
});
