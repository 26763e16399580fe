import { tagCheck } from './sigma/pysigma-tags.js';

/** namespace.name: lower-case letters, digits, `-` and `_`, and dots in the name. */
const TAG_FORMAT = /^[a-z0-9_-]+\.[a-z0-9._-]+$/;

export default tagCheck({
  id: 'sigma-tag-format',
  description: 'A tag that is not `namespace.name` in lower-case letters, digits, `-`, `_` and `.` (pySigma tag_format).',
  docs: `Reports a tag that does not have the form \`namespace.name\` with lower-case letters, digits, \`-\` and \`_\` (and dots in the name), e.g. \`attack.T1059\`, \`attack t1059\` or \`execution\`.

Tags are compared as written by the tools that read them (ATT&CK mappings, coverage reports, SigmaHQ's tooling): \`attack.T1059\` is a different tag from \`attack.t1059\` and is not recognised. Write tags in lower case, with a namespace. pySigma identifier: \`tag_format\`.`,
  problem: (_tag, written) => (TAG_FORMAT.test(written.value) ? undefined : `tag '${written.value}' is not of the form namespace.name in lower-case letters, digits, '-', '_' and '.'`),
});
