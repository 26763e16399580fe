import { defineCheck } from '../engine/check.js';
import { elasticDocOf } from './elastic/elastic-doc.js';
import { placeList, reportDuplicates } from './sigma/pysigma-project.js';

export default defineCheck({
  meta: {
    id: 'elastic-rule-id-duplicate',
    description: 'Two Elastic rules of the linted set share a rule_id.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['elastic'],
    docs: `Kibana installs and updates prebuilt and imported rules by \`rule_id\`: two rules with one id overwrite each other, and exceptions and version locks attach to whichever came last. detection-rules refuses to load a rule set where two rules share an id ("Rule ID … collides with rule …"). A rule copied from another often keeps its id.

Compares the files linted together, deprecated rules with deprecated rules and the others with each other, as detection-rules does. Ids of the corpus are \`corpus-duplicate-id\`'s.

**Fix:** give the new rule a new UUID.`,
  },
  collect(rule) {
    const doc = elasticDocOf(rule);
    const id = doc?.rule.rule_id;
    if (!doc || !id) return undefined;
    const deprecated = doc.metadata.maturity?.value === 'deprecated' ? 'deprecated:' : '';
    return [{ key: `${deprecated}${id.value.toLowerCase()}`, loc: id.loc }];
  },
  checkProject(context) {
    reportDuplicates(context, (e, others) => `rule_id ${e.key.replace(/^deprecated:/, '')} is also used by ${placeList(others)}`);
  },
});
