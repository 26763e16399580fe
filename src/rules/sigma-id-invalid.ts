import { defineCheck } from '../engine/check.js';
import { sigmaDocOf } from './sigma/pysigma-doc.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default defineCheck({
  meta: {
    id: 'sigma-id-invalid',
    description: 'An `id` (or a `related` id) that is not a UUID.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['sigma'],
    docs: `Reports an \`id\`, and an \`id\` under \`related\`, that is not a UUID written \`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx\` in hexadecimal digits.

pySigma parses ids as UUIDs and refuses to load a rule whose id is not one (SigmaIdentifierError); the specification asks for a random UUID version 4. Generate one (\`uuidgen\`, \`python -c "import uuid; print(uuid.uuid4())"\`) rather than editing an existing id by hand.`,
  },
  check(rule, context) {
    const doc = sigmaDocOf(rule);
    if (!doc) return;
    if (doc.id && !UUID.test(doc.id.value)) context.report({ message: `id '${doc.id.value}' is not a UUID`, loc: doc.id.loc });
    for (const related of doc.related) {
      if (related.id && !UUID.test(related.id.value)) context.report({ message: `related id '${related.id.value}' is not a UUID`, loc: related.id.loc });
    }
  },
});
