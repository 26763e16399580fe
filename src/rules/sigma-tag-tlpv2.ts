import { tagCheck } from './sigma/pysigma-tags.js';

const ALLOWED = new Set(['clear', 'green', 'amber', 'amber-strict', 'red']);

export default tagCheck({
  id: 'sigma-tag-tlpv2',
  description: 'A `tlp.` tag that is not a TLP 2.0 label (clear, green, amber, amber-strict, red) (pySigma tlpv2_tag).',
  docs: `Reports a \`tlp.\` tag whose label is not one of TLP 2.0: clear, green, amber, amber-strict, red.

The Traffic Light Protocol label says with whom a rule may be shared; a misspelt label (\`tlp.gren\`) is no label at all, and tools that filter rules for sharing by TLP treat the rule as unlabelled. TLP 2.0 (2022) renamed WHITE to CLEAR and added AMBER+STRICT; \`tlp.white\` is reported here. pySigma identifier: \`tlpv2_tag\`.`,
  namespace: 'tlp',
  problem: (tag, written) => (ALLOWED.has(tag.name) ? undefined : `tag '${written.value}' is not a TLP 2.0 label (clear, green, amber, amber-strict, red)`),
});
