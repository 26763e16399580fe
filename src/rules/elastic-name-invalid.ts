import { defineCheck } from '../engine/check.js';
import { elasticDocOf } from './elastic/elastic-doc.js';

/** detection-rules' NAME_PATTERN: a letter or digit first, a letter, digit or bracket last. */
const NAME = /^[a-zA-Z0-9].+?[a-zA-Z0-9[\]()]$/;

export default defineCheck({
  meta: {
    id: 'elastic-name-invalid',
    description: 'An Elastic rule name that does not start with a letter or digit, or ends with punctuation or a space.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['elastic'],
    docs: `detection-rules' schema requires rule names to start with a letter or digit and to end with a letter, a digit or a bracket, and to have at least three characters: no leading or trailing space, quote, period or dash. Names are what analysts see in the alerts table; stray punctuation and spaces also break exact-name searches and the \`### Investigating <name>\` title of the guide.

**Fix:** trim the name; drop the trailing period.`,
  },
  check(rule, context) {
    const name = elasticDocOf(rule)?.rule.name;
    if (!name || NAME.test(name.value)) return;
    context.report({ message: `name ${JSON.stringify(name.value)} must start with a letter or digit and end with a letter, digit or bracket`, loc: name.loc });
  },
});
