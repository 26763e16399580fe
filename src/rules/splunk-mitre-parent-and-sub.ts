import { defineCheck } from '../engine/check.js';
import { detectionFormat, splunkDocOf } from './splunk/splunk-doc.js';

interface Options {
  legacy: boolean;
}

export default defineCheck<Options>({
  meta: {
    id: 'splunk-mitre-parent-and-sub',
    description: 'A Splunk detection lists an ATT&CK technique together with one of its own sub-techniques.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['splunk'],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        legacy: { type: 'boolean', description: 'Also report detections in the format before contentctl 5 (no rba: block), which contentctl 4 accepted' },
      },
    },
    defaultOptions: { legacy: true },
    docs: `Reports a technique of \`tags.mitre_attack_id\` that is listed beside one of its own sub-techniques (\`T1110\` with \`T1110.003\`), at the technique.

The sub-technique already says the technique: ATT&CK files every sub-technique under its parent, and so do coverage maps, the ATT&CK Navigator and Enterprise Security's annotations. Listing both counts the detection twice for the technique and blurs what it actually detects. contentctl 5 rejects the pair ("Overlapping MITRE Attack ID Techniques and Subtechniques may not be defined. Remove the Technique and keep the Subtechnique").

contentctl 4 did not, and security_content's detections of that time list the pair in about half of their files: a warning by default. The \`splunk\` preset mirrors the contentctl that reads each file: it makes it an error with \`legacy: false\`, so only detections written for contentctl 5 (with an \`rba:\` block) are reported.

**Options:** \`legacy\` (default true): also report detections without an \`rba:\` block.`,
  },
  check(rule, context) {
    const doc = splunkDocOf(rule);
    if (!doc || (!context.options.legacy && detectionFormat(doc) === 'legacy')) return;
    const ids = doc.tags.mitreAttackId;
    for (const t of ids) {
      if (t.value.includes('.')) continue;
      const subs = ids.filter((s) => s.value.startsWith(`${t.value}.`));
      if (subs.length === 0) continue;
      context.report({
        message: `${t.value} is listed with its own sub-technique${subs.length > 1 ? 's' : ''} ${subs.map((s) => s.value).join(', ')}: keep the sub-technique${subs.length > 1 ? 's' : ''} and remove ${t.value}`,
        loc: t.loc,
      });
    }
  },
});
