import { defineCheck } from '../engine/check.js';
import { elasticDocOf, tagsOf } from './elastic/elastic-doc.js';
import { controlledTags, PREFIX_BY_LOWER, tagPrefix } from './elastic/tag-vocabulary.js';

interface Options {
  tags: string[];
}

export default defineCheck<Options>({
  meta: {
    id: 'elastic-tag-case',
    description: 'An Elastic rule tag that differs only in case or spacing from a controlled tag.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['elastic'],
    docs: `Tags are matched exactly by Kibana's rule filters and by detection-rules' own tests: \`OS: windows\` is not \`OS: Windows\`, and a rule tagged so is missing from the filter's list. detection-rules' CI (\`test_casing_and_spacing\`) fails on a tag that is a controlled tag in another case.

Reported: a known prefix in another case (\`data source: Okta\`), a missing or doubled space after the colon, and a controlled value (\`Tactic: Command And Control\`, \`OS: MacOS\`, \`Rule Type: Bbr\`, \`Domain: endpoint\`) in another case. Values the vocabulary does not list are left alone. The option \`tags\` adds a team's own controlled tags.

**Fix:** write the tag as the message gives it.`,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { tags: { type: 'array', items: { type: 'string' }, description: 'More controlled tags, in their one right spelling' } },
    },
    defaultOptions: { tags: [] },
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    if (!doc) return;
    const controlled = controlledTags(context.options.tags);
    for (const tag of tagsOf(doc)) {
      const written = tag.value;
      const prefix = tagPrefix(written);
      if (prefix === undefined) continue;
      const rightPrefix = PREFIX_BY_LOWER.get(prefix.toLowerCase());
      const value = written.slice(written.indexOf(':') + 1).trim();
      const tidy = rightPrefix ? `${rightPrefix}: ${value}` : written;
      const expected = controlled.get(tidy.toLowerCase()) ?? tidy;
      if (expected === written) continue;
      context.report({ message: `tag "${written}" should be written "${expected}"`, loc: tag.loc });
    }
  },
});
