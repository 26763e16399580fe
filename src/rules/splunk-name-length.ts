import { defineCheck } from '../engine/check.js';
import { MAX_NAME_LENGTH } from './splunk/contentctl-values.js';
import { splunkDocOf } from './splunk/splunk-doc.js';

export default defineCheck({
  meta: {
    id: 'splunk-name-length',
    description: `A Splunk detection's \`name\` is longer than the ${MAX_NAME_LENGTH} characters contentctl allows.`,
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['splunk'],
    docs: `Reports a \`name\` longer than ${MAX_NAME_LENGTH} characters.

contentctl names the saved search of a detection \`ESCU - <name> - Rule\`, and Enterprise Security renames it to \`<security_domain> - ESCU - <name> - Rule\` when it is cloned; ES cannot update a saved search whose stanza is longer than 99 characters. With the longest security domain (8 characters) that leaves ${MAX_NAME_LENGTH} for the name, and contentctl refuses longer ones. security_content shortens such names (\`Wth\` for \`With\`, \`Auth\` for \`Authenticate\`); the file name follows the name.`,
  },
  check(rule, context) {
    const field = splunkDocOf(rule)?.name;
    if (!field || field.value.length <= MAX_NAME_LENGTH) return;
    context.report({ message: `name has ${field.value.length} characters; contentctl allows ${MAX_NAME_LENGTH} (the Enterprise Security stanza limit)`, loc: field.loc });
  },
});
