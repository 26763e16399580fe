import { defineCheck } from '../engine/check.js';
import type { AttackData, Tactic } from '../attack/index.js';
import type { TacticRef } from '../model/rule.js';

/** Finds a tactic by whatever the rule wrote: id, shortname or name. */
export function lookupTactic(attack: AttackData, ref: TacticRef): Tactic | undefined {
  for (const key of [ref.id, ref.shortname, ref.name]) {
    if (!key) continue;
    const t = attack.tactic(key);
    if (t) return t;
  }
  return undefined;
}

export default defineCheck({
  meta: {
    id: 'tactic-unknown',
    description: 'A tactic that is not in the loaded ATT&CK version, or one that ATT&CK retired.',
    defaultSeverity: 'warn',
    recommended: true,
    docs: `Reports tactic tags and threat-block tactics that the loaded ATT&CK data does not hold, and retired tactics: ATT&CK v19 replaced \`defense-evasion\` (TA0005 kept its id as **Stealth**) and added \`defense-impairment\` (TA0112); the message names the replacement that fits the rule's techniques.

An unknown tactic of the right shape is only a warning, with no "did you mean": a newer ATT&CK release may hold it.`,
  },
  check(rule, context) {
    const attack = context.attack();
    for (const ref of rule.tactics) {
      const tactic = lookupTactic(attack, ref);
      if (!tactic) {
        context.report({ message: `tactic "${ref.written}" is not in ATT&CK v${attack.version}`, loc: ref.loc });
        continue;
      }
      if (!tactic.retired) continue;
      const replacements = tactic.replacedBy ?? [];
      const used = new Set(rule.techniques.flatMap((t) => {
        const res = attack.resolve(t.id);
        return (res.replacement ?? res.technique)?.tactics ?? [];
      }));
      const fitting = replacements.filter((r) => used.has(r));
      const advice = fitting.length > 0 ? `use ${fitting.join(' and ')} (the tactic${fitting.length > 1 ? 's' : ''} of this rule's techniques)` : `its techniques moved to ${replacements.join(' or ')}`;
      context.report({ message: `tactic "${ref.written}" was retired in ATT&CK v${attack.version}: ${advice}`, loc: ref.loc });
    }
  },
});
