import { tagCheck } from './sigma/pysigma-tags.js';

const NAMESPACES = new Set(['attack', 'car', 'cve', 'd3fend', 'detection', 'stp', 'tlp']);

export default tagCheck({
  id: 'sigma-tag-namespace',
  description: 'A tag whose namespace is not one of attack, car, cve, d3fend, detection, stp, tlp (pySigma namespace_tag).',
  docs: `Reports a tag whose namespace (the part before the first dot) is not one the Sigma tags appendix defines: \`attack\`, \`car\`, \`cve\`, \`d3fend\`, \`detection\`, \`stp\`, \`tlp\`.

A tag in another namespace is ignored by every tool that reads tags, and is often a typo (\`atack.t1059\`) or a tag without a namespace. pySigma identifier: \`namespace_tag\`.`,
  problem: (tag, written) => (NAMESPACES.has(tag.namespace) ? undefined : `tag '${written.value}': '${tag.namespace}' is not a Sigma tag namespace (attack, car, cve, d3fend, detection, stp, tlp)`),
});
