import { defineCheck } from '../engine/check.js';
import { elasticDocOf } from './elastic/elastic-doc.js';
import { blocksOf, ATTACK } from './elastic/threat-blocks.js';

export default defineCheck({
  meta: {
    id: 'elastic-threat-tactic-name',
    description: 'An Elastic threat block whose tactic id and tactic name are different tactics.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['elastic'],
    docs: `\`[rule.threat.tactic]\` carries both the tactic's \`id\` (\`TA0002\`) and its \`name\` (\`Execution\`). Kibana shows the name; coverage exports and ATT&CK Navigator layers use the id. detection-rules' CI (\`test_tactic_to_technique_correlations\`) requires the id to be the one ATT&CK gives the name, spelled as ATT&CK spells it. A copied block whose name was changed but not its id files the rule under another tactic than the one shown.

Names of the loaded ATT&CK version are accepted, and so are names ATT&CK retired (\`Defense Evasion\`, TA0005, until v19), which \`tactic-unknown\` reports. Tactic ids that ATT&CK does not know are \`tactic-unknown\`'s.

**Fix:** write the id the message gives, or the name of the tactic you meant.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    if (!doc) return;
    const attack = context.attack();
    for (const block of blocksOf(doc, ATTACK)) {
      const id = block.tactic?.id;
      const name = block.tactic?.name;
      if (!id || !name) continue;
      const byName = attack.tactic(name.value.trim());
      if (!byName || byName.name !== name.value.trim()) {
        const byId = attack.tactic(id.value.trim());
        const hint = byId ? ` (${byId.id} is "${byId.name}")` : '';
        context.report({ message: `tactic name "${name.value}" is not an ATT&CK tactic name${hint}`, loc: name.loc });
        continue;
      }
      if (byName.id.toUpperCase() === id.value.trim().toUpperCase()) continue;
      context.report({ message: `tactic "${byName.name}" is ${byName.id} in ATT&CK v${attack.version}, not ${id.value}`, loc: id.loc });
    }
  },
});
