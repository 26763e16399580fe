import { tagCheck } from './sigma/pysigma-tags.js';

const ALLOWED = new Set(['clear', 'white', 'green', 'amber', 'amber-strict', 'red']);

export default tagCheck({
  id: 'sigma-tag-tlp',
  description: 'A `tlp.` tag that is not a TLP 1.0 or 2.0 label (clear, white, green, amber, amber-strict, red) (pySigma tlptag).',
  docs: `Reports a \`tlp.\` tag whose label is not one of TLP 1.0 or 2.0: clear, white, green, amber, amber-strict, red.

The Traffic Light Protocol label says with whom a rule may be shared; a misspelt label (\`tlp.gren\`) is no label at all, and tools that filter rules for sharing by TLP treat the rule as unlabelled. \`sigma-tag-tlpv1\` and \`sigma-tag-tlpv2\` accept one version only. pySigma identifier: \`tlptag\`.`,
  namespace: 'tlp',
  problem: (tag, written) => (ALLOWED.has(tag.name) ? undefined : `tag '${written.value}' is not a TLP 1.0 or 2.0 label (clear, white, green, amber, amber-strict, red)`),
});
