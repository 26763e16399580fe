import { defineCheck } from '../engine/check.js';

export default defineCheck({
  meta: {
    id: 'technique-revoked',
    description: 'A technique that ATT&CK revoked; names the technique that replaced it.',
    defaultSeverity: 'error',
    recommended: true,
    docs: `MITRE revokes a technique when it merges it into another or moves it (ATT&CK v19 revoked T1562 "Impair Defenses" and most of its sub-techniques in favour of T1685 and others). A rule tagged with a revoked id is invisible under the technique that replaced it, in ATT&CK Navigator and in coverage reports.

**Fix:** tag the replacement the message names.`,
  },
  check(rule, context) {
    const attack = context.attack();
    for (const t of rule.techniques) {
      const res = attack.resolve(t.id);
      if (res.status !== 'revoked') continue;
      const by = res.replacement;
      const message = by
        ? `${t.id} was revoked in ATT&CK; use ${by.id} (${by.name}) instead`
        : `${t.id} was revoked in ATT&CK v${attack.version} and has no replacement`;
      context.report({ message, loc: t.loc });
    }
  },
});
