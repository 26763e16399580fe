import { defineCheck } from '../engine/check.js';
import { elasticDocOf, tagsOf } from './elastic/elastic-doc.js';
import { knownPrefixes, TAG_PREFIXES, tagPrefix } from './elastic/tag-vocabulary.js';

interface Options {
  prefixes: string[];
}

export default defineCheck<Options>({
  meta: {
    id: 'elastic-tag-prefix',
    description: 'An Elastic rule tag without one of the known "<Prefix>: " prefixes.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['elastic'],
    docs: `Elastic's rule tags are \`<Prefix>: <value>\`, and Kibana's rule filters group them by prefix: \`Data Source\`, \`Domain\`, \`Mitre Atlas\`, \`Noise\`, \`OS\`, \`Performance\`, \`Platform\`, \`Profile\`, \`Promotion\`, \`Resources\`, \`Rule Type\`, \`Service\`, \`Tactic\`, \`Threat\`, \`Use Case\`, \`Vuln\`. detection-rules' CI (\`test_tag_prefix\`) fails on a tag without one (\`Windows\`, \`Elastic\`, \`Threat Detection\`).

A known prefix in another case (\`os: Windows\`) is \`elastic-tag-case\`'s. The option \`prefixes\` adds a team's own prefixes.

**Fix:** write the tag with its prefix (\`OS: Windows\`, \`Use Case: Threat Detection\`), or drop it.`,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { prefixes: { type: 'array', items: { type: 'string' }, description: 'More accepted prefixes (without the colon)' } },
    },
    defaultOptions: { prefixes: [] },
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    if (!doc) return;
    const known = knownPrefixes(context.options.prefixes);
    for (const tag of tagsOf(doc)) {
      const prefix = tagPrefix(tag.value);
      if (prefix !== undefined && known.has(prefix.toLowerCase())) continue;
      const why = prefix === undefined ? 'has no "<Prefix>: " prefix' : `has the unknown prefix "${prefix}:"`;
      context.report({ message: `tag "${tag.value}" ${why}; known prefixes: ${TAG_PREFIXES.join(', ')}`, loc: tag.loc });
    }
  },
});
