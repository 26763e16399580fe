import { defineCheck } from '../engine/check.js';
import { elasticDocOf, keyPlaceOf, ruleType, valueAt } from './elastic/elastic-doc.js';
import { compareVersions, parseVersion } from './elastic/stack-version.js';

interface Options {
  defaultStackVersion: string;
}

const CUTOFF = [9, 2, 0];
const CAP_BEFORE = 3;
const CAP_FROM = 5;

export default defineCheck<Options>({
  meta: {
    id: 'elastic-threshold-fields',
    description: 'A threshold rule that groups by more fields than its minimum stack version allows.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['elastic'],
    docs: `A threshold rule counts events per combination of its \`threshold.field\` values. Kibana allows at most 3 group-by fields before 9.2 and 5 from 9.2 on; a rule with more fails to install on the stacks it claims to support. detection-rules applies the cap of the rule's \`min_stack_version\` (\`ThresholdQueryRuleData.validate\`).

A rule without \`min_stack_version\` is judged against the option \`defaultStackVersion\` (default \`9.3.0\`, the release Elastic's rules currently target), as detection-rules judges it against the version of its package.

**Fix:** group by fewer fields, or set \`min_stack_version = "9.2.0"\` (with \`min_stack_comments\`) to allow up to 5.`,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { defaultStackVersion: { type: 'string', pattern: '^\\d+\\.\\d+(\\.\\d+)?$', description: 'Stack version assumed for rules without min_stack_version' } },
    },
    defaultOptions: { defaultStackVersion: '9.3.0' },
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    if (!doc || ruleType(doc) !== 'threshold') return;
    const fields = valueAt(doc, ['rule', 'threshold', 'field']);
    if (!Array.isArray(fields)) return;
    const written = doc.metadata.min_stack_version?.value;
    const version = parseVersion(written ?? context.options.defaultStackVersion) ?? CUTOFF;
    const cap = compareVersions(version, CUTOFF) >= 0 ? CAP_FROM : CAP_BEFORE;
    if (fields.length <= cap) return;
    const which = written ? `min_stack_version ${written}` : `stack ${context.options.defaultStackVersion} (no min_stack_version)`;
    const hint = cap === CAP_BEFORE ? '; set min_stack_version to 9.2.0 or later to allow 5' : '';
    context.report({
      message: `threshold groups by ${fields.length} fields; ${which} allows at most ${cap}${hint}`,
      loc: doc.locate(['rule', 'threshold', 'field', cap]) ?? keyPlaceOf(doc, ['rule', 'threshold', 'field']),
    });
  },
});
