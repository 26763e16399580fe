import { defineCheck } from '../engine/check.js';
import { nearestValue } from './splunk/enum-value.js';
import { splunkDocOf } from './splunk/splunk-doc.js';
import { storyNamesFor } from './splunk/stories.js';

export default defineCheck({
  meta: {
    id: 'splunk-analytic-story',
    description: 'A Splunk detection names an analytic story that the stories folder does not define.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['splunk'],
    docs: `Each entry of \`tags.analytic_story\` names an analytic story: a \`stories/*.yml\` object of the same security_content repository. contentctl looks every name up among the stories it has read and refuses the detection when one is missing (usually a typo, or a story renamed or not yet written); the detection is listed under its stories in the app and in Enterprise Security's use case library.

lint-rule reads the \`name:\` of every file in the \`stories/\` folder beside the \`detections/\` folder the detection is filed under, and names the closest story when the spelling is near one. When there is no such folder (a detection outside a security_content checkout, or the corpus lint-rule ships with, which has none) the names cannot be checked and nothing is reported. That \`analytic_story\` is there and is a list is \`splunk-schema\`'s to check.`,
  },
  check(rule, context) {
    const doc = splunkDocOf(rule);
    if (!doc || doc.tags.analyticStory.length === 0) return;
    const stories = storyNamesFor(rule.file);
    if (!stories) return;
    for (const story of doc.tags.analyticStory) {
      if (stories.has(story.value)) continue;
      const near = nearestValue(story.value, [...stories]);
      context.report({ message: `no analytic story named '${story.value}' in stories/${near ? `; did you mean '${near}'?` : ''}`, loc: story.loc });
    }
  },
});
