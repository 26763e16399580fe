import path from 'node:path';
import { defineCheck } from '../engine/check.js';
import { contentFileStem, splunkDocOf } from './splunk/splunk-doc.js';

export default defineCheck({
  meta: {
    id: 'splunk-filename-mismatch',
    description: 'A Splunk detection\'s file name is not the one contentctl derives from its `name`.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['splunk'],
    docs: `contentctl requires a detection's file to be named after the detection: the \`name\` in lower case, with spaces, \`-\`, \`.\` and \`/\` replaced by \`_\`, and the extension \`.yml\` — \`Windows Known Abused DLL Created\` lives in \`windows_known_abused_dll_created.yml\`. It refuses a detection whose file is named otherwise, typically after the name was edited and the file not renamed (or the reverse). The same stem names the filter macro the search must call (see \`splunk-filter-macro\`).

The message gives the expected file name, at the \`name\`.`,
  },
  check(rule, context) {
    const field = splunkDocOf(rule)?.name;
    if (!field) return;
    const expected = `${contentFileStem(field.value)}.yml`;
    const actual = path.basename(rule.file);
    if (actual === expected) return;
    context.report({ message: `the file is named '${actual}', but contentctl expects '${expected}' for the name '${field.value}'`, loc: field.loc });
  },
});
