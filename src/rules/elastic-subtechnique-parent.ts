import { defineCheck } from '../engine/check.js';
import type { ElasticRuleDocument } from '../parse/elastic/document.js';

const TECHNIQUE = /^T\d{4}$/i;
const SUBTECHNIQUE = /^(T\d{4})\.\d{3}$/i;

export default defineCheck({
  meta: {
    id: 'elastic-subtechnique-parent',
    description: 'An Elastic threat block lists a sub-technique under a technique that is not its parent, or mixes up the two levels.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['elastic'],
    docs: `In an Elastic rule, a sub-technique sits in the \`subtechnique\` list of its parent technique:

\`\`\`toml
[[rule.threat.technique]]
id = "T1071"

[[rule.threat.technique.subtechnique]]
id = "T1071.001"
\`\`\`

A sub-technique under another technique (often left over from copying a block) files the rule under the wrong technique in Kibana's MITRE view and in coverage exports. Reported too: a sub-technique id in the \`technique\` list, and a technique id in a \`subtechnique\` list.

**Fix:** move the sub-technique under the technique the message names, adding that technique block if the rule has none.`,
  },
  check(rule, context) {
    const doc = rule.doc as ElasticRuleDocument;
    for (const block of doc.rule.threat) {
      if (block.framework && block.framework.value !== 'MITRE ATT&CK') continue;
      for (const t of block.technique) {
        const parentId = t.id?.value.trim().toUpperCase();
        if (t.id && parentId !== undefined) {
          const sub = SUBTECHNIQUE.exec(parentId);
          if (sub) {
            context.report({
              message: `${parentId} is a sub-technique: list it in the subtechnique list of ${(sub[1] as string).toUpperCase()}, not as a technique`,
              loc: t.id.loc,
            });
          }
        }
        for (const s of t.subtechnique) {
          if (!s.id) continue;
          const id = s.id.value.trim().toUpperCase();
          const m = SUBTECHNIQUE.exec(id);
          if (!m) {
            if (TECHNIQUE.test(id)) context.report({ message: `${id} is a technique, not a sub-technique: list it in the technique list`, loc: s.id.loc });
            continue;
          }
          const expected = (m[1] as string).toUpperCase();
          if (parentId === undefined || !TECHNIQUE.test(parentId) || expected === parentId) continue;
          context.report({
            message: `sub-technique ${id} is listed under ${parentId}; its parent technique is ${expected}`,
            loc: s.id.loc,
          });
        }
      }
    }
  },
});
