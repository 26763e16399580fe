import { defineCheck } from '../engine/check.js';

export default defineCheck({
  meta: {
    id: 'technique-unknown',
    description: 'A technique id that is malformed or not in the loaded ATT&CK version.',
    defaultSeverity: 'warn',
    recommended: true,
    docs: `Reports technique ids that are not of the form \`T1234\` or \`T1234.001\`, and ids of the right shape that the loaded ATT&CK data does not hold.

An id of the right shape is only a warning, and no "did you mean" is offered: a newer ATT&CK release may hold it (the rule may be ahead of the data lint-rule was given). Point \`attack.bundle\` in the config at a newer \`enterprise-attack.json\` to check against it.`,
  },
  check(rule, context) {
    for (const t of rule.techniques) {
      const res = context.attack().resolve(t.id);
      if (res.status === 'malformed') {
        context.report({ message: `"${t.written}" is not an ATT&CK technique id (T#### or T####.###)`, loc: t.loc });
      } else if (res.status === 'unknown') {
        context.report({ message: `${t.id} is not in ATT&CK v${context.attack().version}`, loc: t.loc });
      }
    }
  },
});
