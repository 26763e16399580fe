import { defineCheck } from '../engine/check.js';
import { elasticDocOf, keyPlaceOf, ruleString } from './elastic/elastic-doc.js';

/** Kibana's prebuilt timeline templates, by id. */
const TIMELINE_TEMPLATES: Readonly<Record<string, string>> = {
  'db366523-f1c6-4c1f-8731-6ce5ed9e5717': 'Generic Endpoint Timeline',
  '91832785-286d-4ebe-b884-1a208d111a70': 'Generic Network Timeline',
  '76e52245-7519-4251-91ab-262fb1a1728c': 'Generic Process Timeline',
  '495ad7a7-316e-4544-8a0f-9c098daee76e': 'Generic Threat Match Timeline',
  '4d4c0b59-ea83-483f-b8c1-8c360ee53c5c': 'Comprehensive File Timeline',
  'e70679c2-6cde-4510-9764-4823df18f7db': 'Comprehensive Process Timeline',
  '300afc76-072d-4261-864d-4149714bf3f1': 'Comprehensive Network Timeline',
  '3e47ef71-ebfc-4520-975c-cb27fc090799': 'Comprehensive Registry Timeline',
  '3e827bab-838a-469f-bd1e-5e19a2bff2fd': 'Alerts Involving a Single User Timeline',
  '4434b91a-94ca-4a89-83cb-a37cdc0532b7': 'Alerts Involving a Single Host Timeline',
};

export default defineCheck({
  meta: {
    id: 'elastic-timeline-template',
    description: 'An Elastic rule with a timeline_id without its timeline_title (or the other way round), or a pair that does not match.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['elastic'],
    docs: `\`timeline_id\` and \`timeline_title\` name the timeline template Kibana opens when an analyst investigates an alert; they come together and must name the same template. detection-rules' CI (\`test_timeline_has_title\`) fails on one without the other and on a title that is not the id's. Ids and titles outside Kibana's prebuilt templates are \`elastic-schema\`'s.

**Fix:** set both, with the title the message gives.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    if (!doc) return;
    const id = ruleString(doc, 'timeline_id');
    const title = ruleString(doc, 'timeline_title');
    if (!id && !title) return;
    if (!id || !title) {
      const has = id ? 'timeline_id' : 'timeline_title';
      const lacks = id ? 'timeline_title' : 'timeline_id';
      context.report({ message: `${has} needs ${lacks} beside it`, loc: keyPlaceOf(doc, ['rule', has]) });
      return;
    }
    const expected = TIMELINE_TEMPLATES[id.value];
    if (expected !== undefined && expected !== title.value) {
      context.report({ message: `timeline ${id.value} is "${expected}", not "${title.value}"`, loc: title.loc });
    }
  },
});
