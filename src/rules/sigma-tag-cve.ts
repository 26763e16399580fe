import { tagCheck } from './sigma/pysigma-tags.js';

const CVE_ID = /^\d+-\d+$/;

export default tagCheck({
  id: 'sigma-tag-cve',
  description: 'A `cve.` tag that is not a CVE id such as `cve.2021-44228` (pySigma cvetag).',
  docs: `Reports a \`cve.\` tag whose name is not a CVE id of the form \`YEAR-NUMBER\` (\`cve.2021-44228\`). The \`CVE-\` prefix is not repeated in the tag: \`cve.cve-2021-44228\` and \`cve.CVE-2021-44228\` are reported.

Vulnerability tags are matched by id against scanners' and advisories' lists; any other form is not found. pySigma identifier: \`cvetag\`.`,
  namespace: 'cve',
  problem: (tag, written) => (CVE_ID.test(tag.name) ? undefined : `tag '${written.value}' is not a CVE id (cve.YEAR-NUMBER)`),
});
