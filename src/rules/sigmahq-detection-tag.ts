import { defineCheck } from '../engine/check.js';
import type { SigmaDocument } from '../parse/sigma/document-types.js';

/** SigmaHQ's rule folders whose rules carry a `detection.<name>` tag naming the folder. */
const FOLDER_TAGS = ['dfir', 'emerging-threats', 'threat-hunting'];

export default defineCheck({
  meta: {
    id: 'sigmahq-detection-tag',
    description: 'A rule in rules-emerging-threats, rules-threat-hunting or rules-dfir without the matching detection.* tag, or with several detection tags.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    docs: `SigmaHQ's release packages select rules by their \`detection.*\` tag: a rule under \`rules-emerging-threats/\` must be tagged \`detection.emerging-threats\`, one under \`rules-threat-hunting/\` \`detection.threat-hunting\`, one under \`rules-dfir/\` \`detection.dfir\`; a rule has at most one such tag. SigmaHQ's \`sigmahq_tags_detection\` and \`sigmahq_tags_unique_detection\`.`,
  },
  check(rule, context) {
    if (rule.vendor !== 'sigma') return;
    const doc = rule.doc as SigmaDocument;
    const detectionTags = doc.tags.filter((t) => t.value.startsWith('detection.'));
    for (const extra of detectionTags.slice(1)) context.report({ message: `a second detection tag '${extra.value}': a rule has one`, loc: extra.loc });
    const file = rule.file.split('\\').join('/');
    for (const name of FOLDER_TAGS) {
      if (!file.includes(`rules-${name}/`)) continue;
      if (!detectionTags.some((t) => t.value === `detection.${name}`)) {
        const at = doc.tags[0]?.keyLoc ?? rule.titleLoc;
        context.report({ message: `a rule in rules-${name}/ needs the tag detection.${name}`, loc: at });
      }
    }
  },
});
