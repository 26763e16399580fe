import { defineCheck } from '../engine/check.js';
import { elasticDocOf, QUERY_RULE_TYPES, ruleTable, ruleType } from './elastic/elastic-doc.js';
import { hasTag, tagsPlace } from './elastic/tag-places.js';
import { REQUIRED_TAGS_BY_INDEX } from './elastic/tag-vocabulary.js';

export default defineCheck({
  meta: {
    id: 'elastic-tag-required',
    description: 'An Elastic rule without the tags its index patterns or its rule type require.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['elastic'],
    docs: `Elastic tags each rule with the data it reads and the kind of rule it is, and Kibana's filters rely on it. detection-rules' CI requires:

- for each index pattern the rule reads, its tags (\`test_required_tags\`): \`logs-endpoint.events.*\` → \`Domain: Endpoint\` and \`Data Source: Elastic Defend\`; \`logs-aws*\` → \`Data Source: AWS\`, \`Data Source: Amazon Web Services\`, \`Domain: Cloud\`; \`logs-okta*\` → \`Data Source: Okta\`; \`logs-system.security*\` → \`Data Source: Windows Security Event Logs\`; \`endgame-*\` → \`Data Source: Elastic Endgame\`; and so on for the patterns of its table (matched as written, not as globs);
- \`Rule Type: BBR\` on building block rules (\`test_bbr_tags\`);
- \`Rule Type: ML\` and \`Rule Type: Machine Learning\` on machine learning rules (\`test_ml_rule_type_tags\`).

**Fix:** add the tags the message lists.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    if (!doc) return;
    const type = ruleType(doc);
    const missing: string[] = [];
    const need = (tag: string, why: string): void => {
      if (!hasTag(doc, tag) && !missing.some((m) => m.startsWith(`"${tag}"`))) missing.push(`"${tag}" (${why})`);
    };
    if (type !== undefined && QUERY_RULE_TYPES.has(type)) {
      for (const index of doc.rule.index ?? []) for (const tag of REQUIRED_TAGS_BY_INDEX[index.value] ?? []) need(tag, `index ${index.value}`);
    }
    if (ruleTable(doc).building_block_type !== undefined) need('Rule Type: BBR', 'building block rule');
    if (type === 'machine_learning') {
      need('Rule Type: Machine Learning', 'machine learning rule');
      need('Rule Type: ML', 'machine learning rule');
    }
    if (missing.length > 0) context.report({ message: `missing tag${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, loc: tagsPlace(doc) });
  },
});
