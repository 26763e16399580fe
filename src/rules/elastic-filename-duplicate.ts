import { defineCheck } from '../engine/check.js';
import { FILE_START, fileParts } from './elastic/elastic-doc.js';
import { placeList, reportDuplicates } from './sigma/pysigma-project.js';

export default defineCheck({
  meta: {
    id: 'elastic-filename-duplicate',
    description: 'Two Elastic rule files of the linted set have the same name in different folders.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['elastic'],
    docs: `detection-rules' CI (\`test_duplicate_file_names\`) requires rule file names to be unique across folders: packages and release notes refer to rules by file name, and a flattened export would keep only one of two files with one name.

Compares the files linted together; the message is on line 1 of each and names the others.

**Fix:** rename one of the files to say what sets it apart.`,
  },
  collect(rule) {
    return [{ key: fileParts(rule).name, loc: FILE_START }];
  },
  checkProject(context) {
    reportDuplicates(context, (e, others) => `the file name ${e.key} is also used by ${placeList(others, false)}`);
  },
});
