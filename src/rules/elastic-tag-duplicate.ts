import { defineCheck } from '../engine/check.js';
import { elasticDocOf, tagsOf } from './elastic/elastic-doc.js';

export default defineCheck({
  meta: {
    id: 'elastic-tag-duplicate',
    description: 'An Elastic rule lists the same tag twice.',
    defaultSeverity: 'warn',
    recommended: true,
    vendors: ['elastic'],
    docs: `A tag listed twice adds nothing and usually means a merge or a copy went wrong. detection-rules' CI (\`test_no_duplicate_tags\`) fails on it. Tags compare exactly; the same tag in another case is \`elastic-tag-case\`'s.

**Fix:** delete the second entry.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    if (!doc) return;
    const seen = new Map<string, number>();
    for (const tag of tagsOf(doc)) {
      const first = seen.get(tag.value);
      if (first === undefined) seen.set(tag.value, tag.loc.line);
      else context.report({ message: `tag "${tag.value}" is already listed (line ${first})`, loc: tag.loc });
    }
  },
});
