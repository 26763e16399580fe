import { defineCheck } from '../engine/check.js';
import { elasticDocOf, ruleString } from './elastic/elastic-doc.js';

export default defineCheck({
  meta: {
    id: 'elastic-license',
    description: 'An Elastic rule under an Elastic License other than "Elastic License v2".',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['elastic'],
    docs: `Elastic's rules are published under the Elastic License 2.0, written \`license = "Elastic License v2"\`. detection-rules' CI (\`test_elastic_license_only_v2\`) fails on any other spelling or version of the Elastic License (\`Elastic License\`, \`Elastic License 2.0\`). Other licenses are not checked.

**Fix:** write \`license = "Elastic License v2"\`.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    const license = doc ? ruleString(doc, 'license') : undefined;
    if (!license || !license.value.toLowerCase().includes('elastic license') || license.value === 'Elastic License v2') return;
    context.report({ message: `license "${license.value}" should be "Elastic License v2"`, loc: license.loc });
  },
});
