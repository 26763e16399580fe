import { defineCheck } from '../engine/check.js';
import { elasticDocOf } from './elastic/elastic-doc.js';

export default defineCheck({
  meta: {
    id: 'elastic-threat-tactic-duplicate',
    description: 'Two threat blocks of an Elastic rule name the same tactic.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['elastic'],
    docs: `An Elastic rule has one \`[[rule.threat]]\` block per tactic, holding every technique it maps under that tactic. detection-rules' CI (\`test_duplicated_tactics\`) fails on a rule with two blocks for one tactic, usually the result of adding a technique by copying a whole block. Kibana shows the tactic twice.

Tactics compare by name, as detection-rules compares them.

**Fix:** move the techniques of the second block into the first and delete the second.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    if (!doc) return;
    const seen = new Map<string, number>();
    for (const block of doc.rule.threat) {
      const name = block.tactic?.name;
      if (!name) continue;
      const key = `${block.framework?.value ?? ''}\u0000${name.value}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, name.loc.line);
        continue;
      }
      context.report({ message: `tactic "${name.value}" already has a threat block (line ${first}); merge its techniques into that one`, loc: name.loc });
    }
  },
});
