import { defineCheck } from '../engine/check.js';
import { baseName, FILE_LOCATION } from './sigma/pysigma-doc.js';
import { placeList, reportDuplicates } from './sigma/pysigma-project.js';

export default defineCheck({
  meta: {
    id: 'sigma-duplicate-filename',
    description: 'Two files of the linted set have the same file name in different folders (pySigma duplicate_filename).',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['sigma'],
    docs: `Reports a Sigma file whose name (without its folder) is also the name of another file of the same run. The message is on line 1 of each file and names the others.

Rule repositories are often flattened (converted rule sets, SIEM content packs, SigmaHQ's release archives): two files with one name then overwrite each other. Rename one, usually by a more specific prefix or suffix. pySigma identifier: \`duplicate_filename\`.`,
  },
  collect(rule) {
    // One fact per file: the rules of a multi-document file share its name.
    return rule.documentIndex === 0 ? [{ key: baseName(rule.file), loc: FILE_LOCATION }] : undefined;
  },
  checkProject(context) {
    reportDuplicates(context, (e, others) => `the file name ${e.key} is also used by ${placeList(others, false)}`);
  },
});
