import { defineCheck } from '../engine/check.js';
import type { SigmaDocument } from '../parse/sigma/document-types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default defineCheck({
  meta: {
    id: 'sigmahq-id-uuid4',
    description: 'A rule id or related id that is a UUID but not a random (version 4) one.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    docs: `SigmaHQ ids are random UUIDs (version 4): time- or name-based UUIDs (v1, v3, v5) collide across contributors more easily and leak when and where they were made. Ids that are no UUID at all are \`sigma-id-invalid\`'s. SigmaHQ's \`sigmahq_identifier\` and \`sigmahq_related_identifier\`.`,
  },
  check(rule, context) {
    if (rule.vendor !== 'sigma') return;
    const doc = rule.doc as SigmaDocument;
    const check = (value: string, loc: typeof doc.loc, what: string): void => {
      const m = UUID.exec(value);
      if (m && m[1] !== '4') context.report({ message: `${what} ${value} is a version ${m[1]} UUID: generate a random (version 4) one`, loc });
    };
    if (doc.id) check(doc.id.value, doc.id.loc, 'id');
    for (const r of doc.related) if (r.id) check(r.id.value, r.id.loc, 'related id');
  },
});
