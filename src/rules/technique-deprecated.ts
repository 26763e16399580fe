import { defineCheck } from '../engine/check.js';

export default defineCheck({
  meta: {
    id: 'technique-deprecated',
    description: 'A technique that ATT&CK deprecated.',
    defaultSeverity: 'warn',
    recommended: true,
    docs: `A deprecated technique is no longer maintained by MITRE and has no replacement; ATT&CK Navigator hides it.

**Fix:** tag the technique that best describes the behaviour today (often its parent or a sibling sub-technique).`,
  },
  check(rule, context) {
    const attack = context.attack();
    for (const t of rule.techniques) {
      const res = attack.resolve(t.id);
      if (res.status === 'deprecated') {
        context.report({ message: `${t.id} (${res.technique?.name ?? 'unknown'}) is deprecated in ATT&CK v${attack.version}`, loc: t.loc });
      }
    }
  },
});
