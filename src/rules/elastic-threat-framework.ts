import { defineCheck } from '../engine/check.js';
import { elasticDocOf } from './elastic/elastic-doc.js';
import { ATLAS, ATTACK, techniqueEntries } from './elastic/threat-blocks.js';

const ATLAS_ID = /^AML\./i;

export default defineCheck({
  meta: {
    id: 'elastic-threat-framework',
    description: 'An Elastic threat block whose framework is not MITRE ATT&CK or MITRE ATLAS, or does not fit its ids.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['elastic'],
    docs: `Each \`[[rule.threat]]\` block names its \`framework\`: \`"MITRE ATT&CK"\` for ATT&CK tactics and techniques (\`TA0002\`, \`T1059\`), \`"MITRE ATLAS"\` for ATLAS ones (\`AML.TA0002\`, \`AML.T0051\`). detection-rules refuses any other value (its schema), and Kibana files the block in the framework it names: an ATT&CK id under \`"MITRE ATLAS"\` (or the other way round) disappears from the MITRE ATT&CK coverage view. The spelling is exact: \`"Mitre Att&ck"\` or \`"MITRE ATTACK"\` are refused.

**Fix:** write \`framework = "MITRE ATT&CK"\` (or \`"MITRE ATLAS"\` for ATLAS ids).`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    if (!doc) return;
    for (const block of doc.rule.threat) {
      const fw = block.framework;
      if (!fw) continue;
      if (fw.value !== ATTACK && fw.value !== ATLAS) {
        const near = fw.value.toUpperCase().replace(/\s+/g, ' ').trim();
        const hint = near.includes('ATLAS') ? ` (did you mean "${ATLAS}"?)` : near.includes('ATT') ? ` (did you mean "${ATTACK}"?)` : '';
        context.report({ message: `framework "${fw.value}" must be "${ATTACK}" or "${ATLAS}"${hint}`, loc: fw.loc });
        continue;
      }
      const ids = [block.tactic, ...[...techniqueEntries(block)].map((e) => e.entry)].flatMap((e) => (e?.id ? [e.id.value] : []));
      const atlasIds = ids.filter((id) => ATLAS_ID.test(id));
      if (fw.value === ATTACK && atlasIds.length > 0) {
        context.report({ message: `framework "${ATTACK}" holds the ATLAS id ${atlasIds[0]}; ATLAS entries go in a block with framework = "${ATLAS}"`, loc: fw.loc });
      } else if (fw.value === ATLAS && atlasIds.length < ids.length) {
        const other = ids.find((id) => !ATLAS_ID.test(id));
        context.report({ message: `framework "${ATLAS}" holds the ATT&CK id ${other}; ATT&CK entries go in a block with framework = "${ATTACK}"`, loc: fw.loc });
      }
    }
  },
});
