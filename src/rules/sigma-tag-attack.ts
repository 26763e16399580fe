import { tagCheck } from './sigma/pysigma-tags.js';

/** Names the technique and tactic checks look at (the rule model's own split of `attack.*` tags). */
const TECHNIQUE_LIKE = /^t\d[\d.]*$/i;
const TACTIC_LIKE = /^[a-z][a-z_-]+$/i;
/** ATT&CK groups, software and mitigations: the other kinds of object pySigma accepts after `attack.`. */
const OTHER_OBJECT = /^[gsm]\d{4}$/;

export default tagCheck({
  id: 'sigma-tag-attack',
  description: 'An `attack.` tag that is neither a technique, a tactic, nor a group, software or mitigation id (pySigma attacktag, with technique-unknown and tactic-unknown).',
  recommended: true,
  docs: `Reports an \`attack.\` tag whose name is not the form of any ATT&CK object pySigma accepts there: technique (\`attack.t1059.001\`), tactic (\`attack.execution\`), group (\`attack.g0016\`), software (\`attack.s0002\`) or mitigation (\`attack.m1042\`). Campaign ids (\`attack.c0024\`), data sources and free text are reported.

Techniques and tactics are checked against the loaded ATT&CK data by \`technique-unknown\`, \`technique-revoked\`, \`technique-deprecated\` and \`tactic-unknown\`, which this check leaves them to; together they are pySigma's \`attacktag\`. Groups, software and mitigations are checked for their form only (lint-rule's ATT&CK table holds techniques and tactics). pySigma identifier: \`attacktag\`.`,
  namespace: 'attack',
  problem(tag, written) {
    const name = tag.name;
    if (TECHNIQUE_LIKE.test(name) || TACTIC_LIKE.test(name) || OTHER_OBJECT.test(name.toLowerCase())) return undefined;
    return `tag '${written.value}' names no ATT&CK technique, tactic, group, software or mitigation`;
  },
});
