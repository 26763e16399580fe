import { defineCheck } from '../engine/check.js';
import { elasticLanguage } from '../parse/elastic/language.js';
import { elasticDocOf, keyPlaceOf, ruleTable, ruleType } from './elastic/elastic-doc.js';

/** Elastic's machine learning packages, whose rules read the package's own indices. */
const ML_PACKAGES: ReadonlySet<string> = new Set(['lmd', 'dga', 'ded', 'problemchild', 'beaconing', 'pad']);

export default defineCheck({
  meta: {
    id: 'elastic-index-missing',
    description: 'An Elastic query rule with neither index nor data_view_id, or with both.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['elastic'],
    docs: `A query rule reads either index patterns (\`index\`) or a Kibana data view (\`data_view_id\`). Without either, Kibana falls back to the space's default index patterns, which differ from one deployment to the next, so the rule reads different data in each. With both, detection-rules' schema refuses the rule (only one may be set). Its CI (\`test_index_or_data_view_id_present\`) requires one of them.

Not checked, as in detection-rules: ES|QL rules (the query's \`FROM\` names the indices), machine learning rules, indicator match rules, and rules of Elastic's machine learning packages.

**Fix:** list the index patterns the rule reads in \`index\`.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    const type = doc ? ruleType(doc) : undefined;
    if (!doc || type === undefined || type === 'machine_learning' || type === 'threat_match' || elasticLanguage(doc) === 'esql') return;
    const r = ruleTable(doc);
    if (r.index !== undefined && r.data_view_id !== undefined) {
      context.report({ message: 'set index or data_view_id, not both', loc: keyPlaceOf(doc, ['rule', 'data_view_id']) });
      return;
    }
    if (r.index !== undefined || r.data_view_id !== undefined) return;
    const integrations = (doc.metadata.integration ?? []).map((i) => i.value.toLowerCase());
    if (integrations.some((i) => ML_PACKAGES.has(i))) return;
    context.report({ message: 'the rule has neither index nor data_view_id: it would read the default index patterns of each Kibana space', loc: keyPlaceOf(doc, ['rule']) });
  },
});
