import { tagCheck } from './sigma/pysigma-tags.js';

/** A Summiting the Pyramid level 1–5, optionally with its a(pplication), u(ser-mode) or k(ernel-mode) column. */
const STP_SCORE = /^[1-5][auk]?$/;

export default tagCheck({
  id: 'sigma-tag-stp',
  description: 'A `stp.` tag that is not a Summiting the Pyramid score such as `stp.3k` (pySigma stptag).',
  docs: `Reports a \`stp.\` tag whose name is not a Summiting the Pyramid robustness score: a level from 1 to 5, optionally followed by the observable's column, \`a\` (application), \`u\` (user-mode) or \`k\` (kernel-mode): \`stp.4\`, \`stp.3k\`.

Scores in any other form cannot be compared or aggregated. pySigma identifier: \`stptag\`.`,
  namespace: 'stp',
  problem: (tag, written) => (STP_SCORE.test(tag.name) ? undefined : `tag '${written.value}' is not a Summiting the Pyramid score (stp.1 to stp.5, optionally followed by a, u or k)`),
});
