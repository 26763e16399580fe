import { defineCheck } from '../engine/check.js';
import { elasticDocOf } from './elastic/elastic-doc.js';
import { hasTag, tagsPlace } from './elastic/tag-places.js';

const TAG = 'Resources: Investigation Guide';

export default defineCheck({
  meta: {
    id: 'elastic-tag-investigation-guide',
    description: 'An Elastic rule whose note holds an investigation guide without the "Resources: Investigation Guide" tag.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['elastic'],
    docs: `A rule whose \`note\` is an investigation guide (it has an "Investigating …" section) is tagged \`Resources: Investigation Guide\`, so that analysts can filter for rules that come with one. detection-rules' CI (\`test_investigation_guide_tag\`) fails on a rule whose note says \`Investigating\` without the tag.

**Fix:** add the tag.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    const note = doc?.rule.note;
    if (!doc || !note || !note.value.includes('Investigating') || hasTag(doc, TAG)) return;
    context.report({ message: `the note has an investigation guide: tag the rule "${TAG}"`, loc: tagsPlace(doc) });
  },
});
