import { tagCheck } from './sigma/pysigma-tags.js';

const DETECTION_TYPES = new Set(['dfir', 'emerging-threats', 'threat-hunting']);

export default tagCheck({
  id: 'sigma-tag-detection',
  description: 'A `detection.` tag other than dfir, emerging-threats and threat-hunting (pySigma detection_tag).',
  docs: `Reports a \`detection.\` tag other than \`detection.dfir\`, \`detection.emerging-threats\` and \`detection.threat-hunting\`, the rule types of the Sigma tags appendix.

The tag tells consumers which kind of rule set a rule belongs to (SigmaHQ's packages are cut by it); any other value puts the rule in none. pySigma only requires the name to start with one of the three; lint-rule requires the whole name, as the appendix does. pySigma identifier: \`detection_tag\`.`,
  namespace: 'detection',
  problem: (tag, written) => (DETECTION_TYPES.has(tag.name) ? undefined : `tag '${written.value}' is not detection.dfir, detection.emerging-threats or detection.threat-hunting`),
});
