import { tagCheck } from './sigma/pysigma-tags.js';

const ALLOWED = new Set(['white', 'green', 'amber', 'red']);

export default tagCheck({
  id: 'sigma-tag-tlpv1',
  description: 'A `tlp.` tag that is not a TLP 1.0 label (white, green, amber, red) (pySigma tlpv1_tag).',
  docs: `Reports a \`tlp.\` tag whose label is not one of TLP 1.0: white, green, amber, red.

The Traffic Light Protocol label says with whom a rule may be shared; a misspelt label (\`tlp.gren\`) is no label at all, and tools that filter rules for sharing by TLP treat the rule as unlabelled. TLP 2.0 (2022) renamed WHITE to CLEAR and added AMBER+STRICT; use \`sigma-tag-tlpv2\` for rules labelled by the current version. pySigma identifier: \`tlpv1_tag\`.`,
  namespace: 'tlp',
  problem: (tag, written) => (ALLOWED.has(tag.name) ? undefined : `tag '${written.value}' is not a TLP 1.0 label (white, green, amber, red)`),
});
