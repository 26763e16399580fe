import { defineCheck } from '../engine/check.js';
import { replaceWithin } from '../engine/fix.js';

export default defineCheck({
  meta: {
    id: 'technique-revoked',
    description: 'A technique that ATT&CK revoked; names the technique that replaced it.',
    defaultSeverity: 'error',
    recommended: true,
    fixable: true,
    docs: `MITRE revokes a technique when it merges it into another or moves it (ATT&CK v19 revoked T1562 "Impair Defenses" and most of its sub-techniques in favour of T1685 and others). A rule tagged with a revoked id is invisible under the technique that replaced it, in ATT&CK Navigator and in coverage reports.

**Fix:** tag the replacement the message names. \`--fix\` rewrites Sigma tags and Splunk \`mitre_attack_id\` entries in place; an Elastic threat block also needs its name and reference changed (and may move between technique and sub-technique), so it is left to the author.`,
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
      // The id is replaced where it is written, in the case it is written in (Sigma tags are lower case).
      const fix = by && rule.vendor !== 'elastic' ? replaceWithin(rule.source, t.loc, t.id, t.written.includes(t.id) ? by.id : by.id.toLowerCase()) : undefined;
      context.report({ message, loc: t.loc, ...(fix ? { fix } : {}) });
    }
  },
});
