import { defineCheck } from '../engine/check.js';
import type { ElasticRuleDocument, ElasticThreatEntry } from '../parse/elastic/document.js';

/** Names compare with their whitespace collapsed; anything else (case included) must be as ATT&CK writes it. */
function tidy(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

export default defineCheck({
  meta: {
    id: 'elastic-technique-name',
    description: 'An Elastic threat block names a technique or sub-technique differently from ATT&CK.',
    defaultSeverity: 'warn',
    recommended: true,
    vendors: ['elastic'],
    docs: `Each \`[[rule.threat.technique]]\` and \`[[rule.threat.technique.subtechnique]]\` entry carries the technique's \`id\` and its \`name\`. Kibana shows the name, ATT&CK Navigator layers and coverage reports use the id: when they disagree, the rule appears under one technique and reads as another. The usual causes are a copied block whose id was changed but not its name, a typo, or a technique that ATT&CK renamed.

The expected name is the loaded ATT&CK version's. For a sub-technique, ATT&CK's own name (\`Web Protocols\`) is expected; the long form \`Application Layer Protocol: Web Protocols\` is accepted. Whitespace is collapsed; case counts. Unknown ids are left to \`technique-unknown\`.

**Fix:** write the name the message gives, or correct the id if the name is the one you meant.`,
  },
  check(rule, context) {
    const doc = rule.doc as ElasticRuleDocument;
    const attack = context.attack();
    const visit = (entry: ElasticThreatEntry): void => {
      if (!entry.id || !entry.name) return;
      const tech = attack.technique(entry.id.value.trim());
      if (!tech) return;
      const written = tidy(entry.name.value);
      if (written === tech.name) return;
      const parent = tech.parentId ? attack.technique(tech.parentId) : undefined;
      if (parent && written === `${parent.name}: ${tech.name}`) return;
      context.report({
        message: `${tech.id} is "${tech.name}" in ATT&CK v${attack.version}, not "${entry.name.value}"`,
        loc: entry.name.loc,
      });
    };
    for (const block of doc.rule.threat) {
      if (block.framework && block.framework.value !== 'MITRE ATT&CK') continue;
      for (const t of block.technique) {
        visit(t);
        for (const s of t.subtechnique) visit(s);
      }
    }
  },
});
