import { defineCheck } from '../engine/check.js';
import { DRILLDOWN_PLACEHOLDER } from './splunk/contentctl-values.js';
import { splunkDocOf, statusOf, typeOf, valueAt } from './splunk/splunk-doc.js';

const MIN_NAME_LENGTH = 5;
const REQUIRED_COUNT = 2;

export default defineCheck({
  meta: {
    id: 'splunk-drilldown',
    description: 'A production Splunk detection lacks the two drilldowns contentctl requires, or a drilldown name is too short.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['splunk'],
    docs: `Checks \`drilldown_searches\`, the searches an analyst runs from a notable in Enterprise Security, as contentctl (since 4.4) requires them:

- a production detection that is not of type Hunting must have at least ${REQUIRED_COUNT} drilldowns, and at least one of them must contain \`${DRILLDOWN_PLACEHOLDER}\`, which contentctl replaces with the detection's own search (security_content's pair: "View the detection results for $dest$", the detection's search narrowed to the notable's entity, and "View risk events for the last 7 days for $dest$", a search of the Risk data model);
- each drilldown's \`name\` must have at least ${MIN_NAME_LENGTH} characters: it is the link text the analyst clicks.

contentctl refuses a detection that breaks either. Each drilldown's keys (\`name\`, \`search\`, \`earliest_offset\`, \`latest_offset\`) are \`splunk-schema\`'s to check; that its \`$tokens$\` name fields of the results is \`splunk-drilldown-field\`'s.`,
  },
  check(rule, context) {
    const doc = splunkDocOf(rule);
    if (!doc) return;
    const raw = valueAt(doc.data, ['drilldown_searches']);
    if (raw !== undefined && raw !== null && !Array.isArray(raw)) return;
    const list: unknown[] = Array.isArray(raw) ? raw : [];
    list.forEach((_, i) => {
      const name = valueAt(doc.data, ['drilldown_searches', i, 'name']);
      const loc = doc.locate(['drilldown_searches', i, 'name']);
      if (typeof name === 'string' && loc && name.trim().length < MIN_NAME_LENGTH) {
        context.report({ message: `drilldown name '${name}' is too short: contentctl wants at least ${MIN_NAME_LENGTH} characters`, loc });
      }
    });
    const type = typeOf(doc);
    if (statusOf(doc) !== 'production' || type === 'Hunting' || type === undefined) return;
    const where = doc.locateKey(['drilldown_searches']) ?? rule.titleLoc;
    if (list.length < REQUIRED_COUNT) {
      context.report({ message: `a production ${type} detection needs ${REQUIRED_COUNT} drilldown_searches; it has ${list.length}`, loc: where });
      return;
    }
    const withPlaceholder = doc.drilldownSearches.some((d) => d.search?.text.includes(DRILLDOWN_PLACEHOLDER));
    if (!withPlaceholder) {
      context.report({ message: `none of the drilldown_searches contains ${DRILLDOWN_PLACEHOLDER}: one of them must run the detection's own search`, loc: where });
    }
  },
});
