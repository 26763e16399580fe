import { tagCheck } from './sigma/pysigma-tags.js';

const TACTICS = new Set(['model', 'harden', 'detect', 'isolate', 'deceive', 'evict', 'restore']);
const TECHNIQUE = /^d3-[a-z0-9]+$/;
/** Digital artifacts are named by their ontology class (`File`, `NetworkTraffic`). */
const ARTIFACT = /^[A-Z][A-Za-z0-9]*$/;

export default tagCheck({
  id: 'sigma-tag-d3fend',
  description: 'A `d3fend.` tag that is not a D3FEND tactic, technique id or artifact name (pySigma d3_fendtag).',
  docs: `Reports a \`d3fend.\` tag whose name is not a D3FEND tactic (\`d3fend.detect\`), technique id (\`d3fend.d3-pa\`, in lower case) or digital artifact class (\`d3fend.File\`).

pySigma checks the names against the D3FEND ontology it downloads; lint-rule has no network at run time and ships no D3FEND data, so it checks the form only: an unknown technique id of the right form passes. pySigma identifier: \`d3_fendtag\`.`,
  namespace: 'd3fend',
  problem: (tag, written) =>
    TACTICS.has(tag.name) || TECHNIQUE.test(tag.name) || ARTIFACT.test(tag.name) ? undefined : `tag '${written.value}' is not a D3FEND tactic, technique id (d3-…) or artifact name`,
});
