import { defineCheck } from '../engine/check.js';
import { FILE_START, fileParts } from './elastic/elastic-doc.js';

const FILE_PATTERN = /^[a-z0-9_]+\.(json|toml)$/;

export default defineCheck({
  meta: {
    id: 'elastic-filename',
    description: 'An Elastic rule file name that is not lower-case letters, digits and underscores.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['elastic'],
    docs: `detection-rules loads rule files whose names are lower-case letters, digits and underscores with a \`.toml\` extension (\`execution_suspicious_powershell_download.toml\`), and its CI (\`test_file_names\`) fails on any other name: capitals, dashes, spaces, dots. File names end up in packages and URLs; one convention keeps them predictable.

The message is placed on line 1.

**Fix:** rename the file, e.g. \`Suspicious-Download.toml\` → \`command_and_control_suspicious_download.toml\` (see \`elastic-filename-tactic\` for the prefix).`,
  },
  check(rule, context) {
    const { name } = fileParts(rule);
    if (FILE_PATTERN.test(name)) return;
    context.report({ message: `file name "${name}" must be lower-case letters, digits and underscores with a .toml extension`, loc: FILE_START });
  },
});
