import { defineCheck } from '../engine/check.js';

interface Options {
  standaloneTactics: boolean;
}
import type { Technique } from '../attack/index.js';
import { lookupTactic } from './tactic-unknown.js';

export default defineCheck<Options>({
  meta: {
    id: 'tactic-mismatch',
    description: 'A tactic that is not a tactic of the technique it is given with.',
    defaultSeverity: 'warn',
    recommended: true,
    docs: `Each ATT&CK technique belongs to one or more tactics. A rule that files a technique under another tactic (an Elastic threat block, or a Sigma tactic tag no technique of the rule has) shows up in the wrong matrix column and in the wrong coverage figures.

Two cases:
- a tactic a technique is filed under (an Elastic threat block, a Splunk or Sigma rule whose format nests them): always checked;
- a tactic tagged on its own (Sigma \`attack.<tactic>\` tags, an Elastic threat block with a tactic and no technique) that none of the rule's techniques has: checked with the option \`standaloneTactics: true\`. SigmaHQ tags tactics for the rule as a whole (an \`attack.execution\` tag on a rule about a malware's execution through a stealth technique), so its corpus has hundreds of these; they are off by default.

Revoked techniques are left to \`technique-revoked\` (their replacement may belong elsewhere), unknown and retired tactics to \`tactic-unknown\`.`,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        standaloneTactics: { type: 'boolean', description: 'Also report tactics tagged on their own that none of the rule’s techniques has' },
      },
    },
    defaultOptions: { standaloneTactics: false },
  },
  check(rule, context) {
    const attack = context.attack();
    const current = (id: string): Technique | undefined => {
      const res = attack.resolve(id);
      return res.status === 'revoked' ? undefined : res.technique;
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
    if (!context.options.standaloneTactics) return;
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
