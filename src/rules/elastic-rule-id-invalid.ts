import { defineCheck } from '../engine/check.js';
import { elasticDocOf } from './elastic/elastic-doc.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export default defineCheck({
  meta: {
    id: 'elastic-rule-id-invalid',
    description: 'An Elastic rule_id that is not a lower-case UUID.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['elastic'],
    docs: `\`rule_id\` identifies the rule across versions and stacks: Kibana updates the installed rule with the same \`rule_id\`, exceptions and version locks are keyed by it. detection-rules' schema requires a UUID in lower case (\`8-4-4-4-12\` hexadecimal digits); upper case, braces, a missing group or an extra digit are refused.

**Fix:** generate a new UUID (\`uuidgen | tr A-Z a-z\`) for a new rule; for an existing one, write its UUID in lower case.`,
  },
  check(rule, context) {
    const id = elasticDocOf(rule)?.rule.rule_id;
    if (!id || UUID.test(id.value)) return;
    const hint = UUID.test(id.value.toLowerCase()) ? ' (write it in lower case)' : '';
    context.report({ message: `rule_id "${id.value}" is not a lower-case UUID${hint}`, loc: id.loc });
  },
});
