import { defineCheck } from '../engine/check.js';
import { detectionItems, sigmaRuleDoc } from './sigmahq-support.js';

export default defineCheck({
  meta: {
    id: 'sigmahq-user-localized',
    description: 'A user field matched against a localised account name (NT AUTHORITY in one language).',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    docs: `Windows writes built-in account names in the system's language: "NT AUTHORITY\\\\SYSTEM" is "AUTORITE NT\\\\Système" on a French system. A rule that compares a user field with the full English (or any one) name misses the others. Match the language-neutral part instead:

\`\`\`yaml
User|contains: # covers many language settings
    - 'AUTHORI'
    - 'AUTORI'
\`\`\`

SigmaHQ's \`test_field_user_localization\` and \`sigmahq_field_user\`.`,
  },
  check(rule, context) {
    const doc = sigmaRuleDoc(rule);
    if (!doc) return;
    for (const { item } of detectionItems(doc)) {
      if (!item.field?.toLowerCase().includes('user') || item.values.length !== 1) continue;
      const v = item.values[0];
      const s = typeof v?.value === 'string' ? v.value : '';
      if (v && (s.includes('AUTORI') || s.includes('AUTHORI')) && !isGeneric(item.modifiers.map((m) => m.name), s)) {
        context.report({ message: `'${item.field}' matches the localised name '${s}': use contains 'AUTHORI' / 'AUTORI'`, loc: v.loc });
      }
    }
  },
});

/** `User|contains: AUTHORI` is the recommended form itself. */
function isGeneric(mods: string[], s: string): boolean {
  return mods.includes('contains') && (s === 'AUTHORI' || s === 'AUTORI');
}
