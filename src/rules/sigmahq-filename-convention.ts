import path from 'node:path';
import { defineCheck } from '../engine/check.js';

const PATTERN = /^[a-z0-9_]{10,90}\.yml$/;

export default defineCheck({
  meta: {
    id: 'sigmahq-filename-convention',
    description: 'A Sigma file name that is not lower-case `[a-z0-9_]` with an underscore, 14 to 90 characters, ending in `.yml`.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    docs: `SigmaHQ names rule files in lower case with underscores, \`.yml\`, between 14 and 90 characters (\`proc_creation_win_certutil_download.yml\`), so that names sort by logsource and survive every file system and URL. SigmaHQ's \`test_file_names\` and \`sigmahq_filename_convention\`; the prefix by logsource is \`sigmahq-filename-prefix\`.`,
  },
  check(rule, context) {
    if (rule.vendor !== 'sigma') return;
    const name = path.basename(rule.file);
    let problem: string | undefined;
    if (!name.endsWith('.yml')) problem = 'must end in .yml';
    else if (name.length > 90) problem = `is ${name.length} characters long (at most 90)`;
    else if (name.length < 14) problem = `is ${name.length} characters long (at least 14)`;
    else if (!PATTERN.test(name) || !name.includes('_')) problem = 'must be lower-case letters, digits and underscores (with at least one underscore)';
    if (problem) context.report({ message: `file name '${name}' ${problem}`, loc: rule.titleLoc });
  },
});
