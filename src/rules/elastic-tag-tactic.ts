import { defineCheck } from '../engine/check.js';
import { elasticDocOf, ruleType, tagsOf } from './elastic/elastic-doc.js';
import { hasTag, tagsPlace } from './elastic/tag-places.js';

const TACTIC_TAG = 'Tactic: ';

interface Options {
  unmappedTags: boolean;
}

export default defineCheck<Options>({
  meta: {
    id: 'elastic-tag-tactic',
    description: 'An Elastic rule without the "Tactic: <name>" tag of its primary tactic, or with a tactic tag its threat blocks do not map.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['elastic'],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { unmappedTags: { type: 'boolean', description: 'Also report Tactic: tags for tactics no threat block maps' } },
    },
    defaultOptions: { unmappedTags: false },
    docs: `The first \`[[rule.threat]]\` block is the rule's primary tactic: its file name starts with it (\`elastic-filename-tactic\`) and its tags must name it, \`Tactic: Execution\`, so Kibana's tag filter finds it. detection-rules' CI (\`test_primary_tactic_as_tag\`) fails on a rule with threat blocks and no such tag.

With the option \`unmappedTags: true\`, also reported: a \`Tactic: …\` tag for a tactic none of the threat blocks maps, usually left over when a mapping was changed. detection-rules means to check this too, but its test compares the tags with bare tactic names and never finds one, so Elastic's rules carry such tags (24 of them); the option is off by default and in the \`elastic\` preset.

Machine learning rules, and rules tagged \`Continuous Monitoring\`, are not checked, as in detection-rules.

**Fix:** add the primary tactic's tag; drop or map the other tactic tags.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    if (!doc || ruleType(doc) === 'machine_learning' || hasTag(doc, 'Continuous Monitoring')) return;
    const names = doc.rule.threat.flatMap((b) => (b.tactic?.name ? [b.tactic.name.value] : []));
    const primary = names[0];
    if (primary === undefined) return;
    if (!hasTag(doc, `${TACTIC_TAG}${primary}`)) {
      context.report({ message: `the primary tactic (first threat block) is ${primary}: tag it "${TACTIC_TAG}${primary}"`, loc: tagsPlace(doc) });
    }
    if (!context.options.unmappedTags) return;
    const mapped = new Set(names);
    for (const tag of tagsOf(doc)) {
      if (!tag.value.startsWith(TACTIC_TAG)) continue;
      const name = tag.value.slice(TACTIC_TAG.length).trim();
      if (!mapped.has(name)) context.report({ message: `tag "${tag.value}" names a tactic no threat block maps (${names.join(', ')})`, loc: tag.loc });
    }
  },
});
