import { defineCheck } from '../engine/check.js';
import { elasticDocOf, fileParts, isElasticAuthored, ruleType } from './elastic/elastic-doc.js';

export default defineCheck({
  meta: {
    id: 'elastic-filename-tactic',
    description: 'An Elastic rule file name that does not start with its primary tactic.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['elastic'],
    docs: `Elastic names rule files after the rule's primary tactic, the tactic of its first \`[[rule.threat]]\` block, in lower case with underscores: a rule whose first block is Command and Control is \`command_and_control_<what>.toml\`. The folder listing then reads like the ATT&CK matrix. detection-rules' CI (\`test_rule_file_name_tactic\`) enforces it for rules whose \`author\` includes \`Elastic\`; so does this check.

Machine learning rules are not checked, as in detection-rules. The message is placed on the primary tactic's name.

**Fix:** rename the file with the prefix the message gives, or reorder the threat blocks if another tactic is the primary one.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    if (!doc || ruleType(doc) === 'machine_learning' || !isElasticAuthored(doc)) return;
    const primary = doc.rule.threat[0]?.tactic?.name;
    if (!primary) return;
    const prefix = primary.value.toLowerCase().replace(/ /g, '_');
    const { name } = fileParts(rule);
    if (name.startsWith(prefix)) return;
    context.report({ message: `file name "${name}" should start with "${prefix}", the primary tactic (first threat block)`, loc: primary.loc });
  },
});
