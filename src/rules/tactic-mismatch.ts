import { defineCheck } from '../engine/check.js';
import type { Technique } from '../attack/index.js';
import { lookupTactic } from './tactic-unknown.js';

export default defineCheck({
  meta: {
    id: 'tactic-mismatch',
    description: 'A tactic that is not a tactic of the technique it is given with.',
    defaultSeverity: 'warn',
    recommended: true,
    docs: `Each ATT&CK technique belongs to one or more tactics. A rule that files a technique under another tactic (an Elastic threat block, or a Sigma tactic tag no technique of the rule has) shows up in the wrong matrix column and in the wrong coverage figures.

For revoked techniques the replacement's tactics count. Unknown and retired tactics are left to \`tactic-unknown\`.`,
  },
  check(rule, context) {
    const attack = context.attack();
    const current = (id: string): Technique | undefined => {
      const res = attack.resolve(id);
      return res.status === 'revoked' ? res.replacement : res.technique;
    };
    const reported = new Set<string>();
    const at = (loc: { line: number; column: number }): string => `${loc.line}:${loc.column}`;
    for (const t of rule.techniques) {
      const tech = current(t.id);
      if (!tech) continue;
      for (const ref of t.tactics ?? []) {
        const tactic = lookupTactic(attack, ref);
        if (!tactic || tactic.retired || tech.tactics.includes(tactic.shortname)) continue;
        reported.add(at(ref.loc));
        context.report({ message: `${tech.id} (${tech.name}) is not a ${tactic.shortname} technique; its tactics: ${tech.tactics.join(', ')}`, loc: ref.loc });
      }
    }
    const techs = rule.techniques.map((t) => current(t.id)).filter((t): t is Technique => t !== undefined);
    if (techs.length === 0) return;
    const union = new Set(techs.flatMap((t) => t.tactics));
    for (const ref of rule.tactics) {
      if (reported.has(at(ref.loc))) continue;
      const tactic = lookupTactic(attack, ref);
      if (!tactic || tactic.retired || union.has(tactic.shortname)) continue;
      context.report({
        message: `tactic ${tactic.shortname} is not a tactic of ${techs.map((t) => t.id).join(', ')} (${[...union].join(', ')})`,
        loc: ref.loc,
      });
    }
  },
});
