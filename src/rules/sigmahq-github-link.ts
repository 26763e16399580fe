import { defineCheck } from '../engine/check.js';
import type { SigmaDocument } from '../parse/sigma/document-types.js';

const GITHUB_FILE = /^https:\/\/github\.com\/.*\.\w{1,3}$/;
const COMMIT = /\/[0-9a-z]{40}\//;

export default defineCheck({
  meta: {
    id: 'sigmahq-github-link',
    description: 'A reference to a file on a GitHub branch instead of a permalink to a commit.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['sigma'],
    docs: `A link to \`github.com/…/blob/master/file.ps1\` shows whatever the branch holds today; the code the rule was written against may be gone. Use the permalink with the commit hash (press \`y\` on GitHub). SigmaHQ's \`sigmahq_github_link\`.`,
  },
  check(rule, context) {
    if (rule.vendor !== 'sigma') return;
    for (const ref of (rule.doc as SigmaDocument).references) {
      if (GITHUB_FILE.test(ref.value) && !COMMIT.test(ref.value)) context.report({ message: 'GitHub file link on a branch: use a permalink with the commit hash', loc: ref.loc });
    }
  },
});
