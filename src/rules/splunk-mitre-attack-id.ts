import { defineCheck } from '../engine/check.js';
import { splunkDocOf } from './splunk/splunk-doc.js';

const TECHNIQUE_ID = /^T\d{4}(\.\d{3})?$/;

/** A closer reading of a malformed id, for the message. */
function suggestion(written: string): string | undefined {
  const m = /^\s*t?(\d{4})(?:[^0-9](\d{3}))?\s*$/i.exec(written);
  if (!m) return undefined;
  return `T${m[1]}${m[2] ? `.${m[2]}` : ''}`;
}

export default defineCheck({
  meta: {
    id: 'splunk-mitre-attack-id',
    description: 'A Splunk detection\'s `tags.mitre_attack_id` entry is not a technique id written T1234 or T1234.001.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['splunk'],
    fixable: true,
    docs: `Reports an entry of \`tags.mitre_attack_id\` that is not an ATT&CK technique or sub-technique id written exactly \`T\` + four digits, optionally \`.\` + three digits: \`t1059.001\`, \`T1059/001\`, \`T1059-001\`, \`T1059.1\`, \`TA0002\` (a tactic), \` T1059\` (with a space).

contentctl's pattern is \`^T\\d{4}(.\\d{3})?$\`, where the unescaped dot lets any character stand between technique and sub-technique: it accepts \`T1059-001\` or \`T1059x001\`, which then match nothing in ATT&CK and break the detection's ATT&CK mapping (or, with enrichment on, its build). lint-rule asks for the dot. When the intended id is plain, the message names it and \`--fix\` writes it.

Whether the id exists in ATT&CK (and is not revoked or deprecated) is \`technique-unknown\`'s and its companions' to check; a technique listed together with its own sub-technique is \`splunk-mitre-parent-and-sub\`'s.`,
  },
  check(rule, context) {
    const doc = splunkDocOf(rule);
    if (!doc) return;
    for (const id of doc.tags.mitreAttackId) {
      if (TECHNIQUE_ID.test(id.value)) continue;
      const better = suggestion(id.value);
      const message = `'${id.value}' is not a technique id written T1234 or T1234.001${better ? `: write '${better}'` : ''}`;
      const start = doc.source.offset(id.loc.line, id.loc.column);
      const end = doc.source.offset(id.loc.endLine, id.loc.endColumn);
      // Only a plain (unquoted) scalar is rewritten in place.
      const fixable = better !== undefined && doc.source.text.slice(start, end) === id.value;
      context.report({ message, loc: id.loc, ...(fixable ? { fix: { range: [start, end] as [number, number], text: better } } : {}) });
    }
  },
});
