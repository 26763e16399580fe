import { defineCheck } from '../engine/check.js';
import { elasticDocOf } from './elastic/elastic-doc.js';
import { validateElasticDocument } from './elastic/schema-validate.js';

export default defineCheck({
  meta: {
    id: 'elastic-schema',
    description: 'An Elastic rule file that does not follow the detection-rules schema of its rule type.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['elastic'],
    docs: `Validates the whole TOML file (\`[metadata]\`, \`[rule]\`, \`[transform]\`) against the JSON schema of its \`type\`, shipped in \`rules-schema/\`: \`elastic-query\`, \`elastic-eql\`, \`elastic-esql\`, \`elastic-threshold\`, \`elastic-threat-match\`, \`elastic-new-terms\` and \`elastic-machine-learning\` (\`.schema.json\`), written after detection-rules' marshmallow schemas. detection-rules refuses to load a rule that does not fit them, and so does its CI.

Reported, each at the TOML key or value concerned: a missing required key (\`rule: missing required key 'risk_score'\`, at the \`[rule]\` header), a key the type does not have (\`version\` and \`revision\`, which detection-rules keeps in its version lock; \`index\` on an ES|QL rule, which reads its \`FROM\`), a value of the wrong type, range or enumeration (\`risk_score\` 0–100, \`building_block_type = "default"\`, timeline ids and titles, \`threat_language\` when \`threat_query\` is set, new-terms and threshold shapes, alert suppression, transform plugins). An unknown or missing \`type\` is reported alone, since no schema applies then.

To keep one message per problem, values that a dedicated check reads are left to it: dates (\`elastic-date-invalid\`), \`maturity\` (\`elastic-maturity-invalid\`), \`severity\` (\`elastic-severity-invalid\`), \`rule_id\` (\`elastic-rule-id-invalid\`), \`name\` (\`elastic-name-invalid\`), \`from\`/\`interval\` (\`elastic-schedule-format\`), the threat framework and reference URLs (\`elastic-threat-framework\`, \`elastic-threat-reference\`) and the number of threshold fields (\`elastic-threshold-fields\`).

The schemas are plain JSON schemas (draft-07): editors that validate TOML with JSON schemas can use them too.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    if (!doc) return;
    for (const p of validateElasticDocument(doc)) context.report(p);
  },
});
