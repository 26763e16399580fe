import { defineCheck } from '../engine/check.js';
import { splunkDocOf } from './splunk/splunk-doc.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default defineCheck({
  meta: {
    id: 'splunk-id-invalid',
    description: 'A Splunk detection\'s `id` is not a UUID.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['splunk'],
    docs: `Reports an \`id\` that is not a UUID written as 32 hexadecimal digits in groups of 8-4-4-4-12 (\`791b727c-deec-4fbe-a732-756131b3c5a1\`).

contentctl reads \`id\` as a UUID and refuses the detection otherwise; the id keys the detection in the app's metadata (\`detection_id\`), in Enterprise Security and in the deprecation mapping, and must stay the same across versions. Python's UUID parser also takes the digits without dashes, in braces or with a \`urn:uuid:\` prefix; lint-rule asks for the form every security_content detection uses. Generate one with \`uuidgen\` or \`python -c "import uuid; print(uuid.uuid4())"\`.`,
  },
  check(rule, context) {
    const field = splunkDocOf(rule)?.id;
    if (!field || UUID.test(field.value)) return;
    context.report({ message: `id '${field.value}' is not a UUID (8-4-4-4-12 hexadecimal digits)`, loc: field.loc });
  },
});
