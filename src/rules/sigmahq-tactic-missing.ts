import { defineCheck } from '../engine/check.js';
import type { AttackData } from '../attack/index.js';

export default defineCheck({
  meta: {
    id: 'sigmahq-tactic-missing',
    description: 'An ATT&CK technique tag without a tag for each of the technique\'s tactics.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['sigma'],
    docs: `SigmaHQ tags a rule with its techniques and with their tactics (\`attack.t1059.001\` goes with \`attack.execution\`), so that tools which group by tactic find the rule. A retired tactic tag (\`attack.defense-evasion\`) counts for the tactics that replaced it, so rules written before ATT&CK v19 are not flagged for the renaming.

SigmaHQ's \`sigmahq_tags_techniques_without_tactics\`; the tactics come from the ATT&CK data lint-rule loads.`,
  },
  check(rule, context) {
    if (rule.techniques.length === 0) return;
    const attack = context.attack();
    const present = tacticsNamed(attack, rule.tactics.map((t) => t.shortname ?? t.id ?? ''));
    for (const t of rule.techniques) {
      const res = attack.resolve(t.id);
      const tech = res.status === 'revoked' ? res.replacement : res.technique;
      if (!tech) continue;
      const missing = tech.tactics.filter((s) => !present.has(s));
      if (missing.length > 0) context.report({ message: `${tech.id} (${tech.name}) is tagged without its tactic${missing.length > 1 ? 's' : ''} ${missing.map((m) => `attack.${m}`).join(', ')}`, loc: t.loc });
    }
  },
});

/** Active tactic shortnames a rule's tactic tags stand for (a retired one stands for its replacements). */
function tacticsNamed(attack: AttackData, names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const n of names) {
    if (n === '') continue;
    out.add(n);
    const retired = attack.retiredTactic(n);
    if (retired) for (const r of retired.replacedBy) out.add(r);
  }
  return out;
}
