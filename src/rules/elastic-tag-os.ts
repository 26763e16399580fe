import { defineCheck } from '../engine/check.js';
import { elasticDocOf, fileParts } from './elastic/elastic-doc.js';
import { hasTag, tagsPlace } from './elastic/tag-places.js';
import { OS_TAG_BY_FOLDER } from './elastic/tag-vocabulary.js';

export default defineCheck({
  meta: {
    id: 'elastic-tag-os',
    description: 'An Elastic rule in a linux, macos or windows folder without the matching "OS: …" tag.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['elastic'],
    docs: `detection-rules files endpoint rules by operating system (\`rules/windows/\`, \`rules/linux/\`, \`rules/macos/\`), and Kibana's rule filters find them by the \`OS: Windows\`, \`OS: Linux\` and \`OS: macOS\` tags. Its CI (\`test_os_tags\`) fails on a rule in one of those folders without the folder's tag.

The folder is the one the file sits in directly.

**Fix:** add the tag the message gives (or move the rule to the right folder).`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    if (!doc) return;
    const expected = OS_TAG_BY_FOLDER[fileParts(rule).folder];
    if (!expected || hasTag(doc, expected)) return;
    context.report({ message: `a rule in the ${fileParts(rule).folder} folder needs the tag "${expected}"`, loc: tagsPlace(doc) });
  },
});
