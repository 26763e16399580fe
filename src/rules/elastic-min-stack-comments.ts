import { defineCheck } from '../engine/check.js';
import { elasticDocOf } from './elastic/elastic-doc.js';

export default defineCheck({
  meta: {
    id: 'elastic-min-stack-comments',
    description: 'An Elastic rule with min_stack_version and no min_stack_comments saying why.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['elastic'],
    docs: `\`min_stack_version\` keeps a rule off older stacks, usually because it needs a newer query feature, field or integration. detection-rules' CI (\`test_all_min_stack_rules_have_comment\`) requires \`min_stack_comments\` to say why, so the version can be lowered or dropped when the reason goes away.

**Fix:** add \`min_stack_comments = "…"\` to \`[metadata]\`.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    const version = doc?.metadata.min_stack_version;
    if (!doc || !version || doc.metadata.min_stack_comments?.value) return;
    context.report({ message: `min_stack_version ${version.value} needs min_stack_comments saying why`, loc: version.keyLoc });
  },
});
