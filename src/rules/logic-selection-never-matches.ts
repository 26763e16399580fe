import { defineCheck } from '../engine/check.js';
import type { Atom } from './logic-analysis.js';
import { andNodes, contradictionIn, ruleLogic } from './logic-analysis.js';

export default defineCheck({
  meta: {
    id: 'logic-selection-never-matches',
    description: 'A conjunction that requires one field to hold two incompatible values, so it never matches.',
    defaultSeverity: 'error',
    recommended: true,
    docs: `Within an AND (one Sigma selection, or selections joined with \`and\`), a field can hold only one value per event. Requiring \`Image\` to equal both \`a.exe\` and \`b.exe\`, to end with \`.exe\` and with \`.dll\`, or to be null and contain text, can never be true: the selection matches nothing. Under a NOT it means the filter excludes nothing. Usually two values were meant as a list (OR), or one belongs to another field.

The check reasons only about equality, contains, startswith, endswith, null and \`neq\` on one field, with Sigma's case-insensitive matching; anything it cannot be sure of (regex, CIDR, encoded values) is never reported. It works on the common logic tree, so other vendors' rules get it when their models carry the tree.`,
  },
  check(rule, context) {
    const logic = ruleLogic(rule);
    if (!logic) return;
    for (const and of andNodes(logic)) {
      const hit = contradictionIn(and);
      if (!hit) continue;
      const a = hit.first.alts[0] as Atom;
      const b = hit.second.alts[0] as Atom;
      const groups = [...new Set([a.cmp.group, b.cmp.group].filter((g): g is string => g !== undefined))];
      const where = groups.length === 0 ? 'this conjunction' : groups.length === 1 ? `'${groups[0]}'` : `${groups.map((g) => `'${g}'`).join(' and ')} together`;
      context.report({
        message: `${where} can never match: '${b.cmp.field}' cannot be ${describe(hit.first.alts)} and ${describe(hit.second.alts)} at once`,
        loc: rule.source.location(b.cmp.span),
      });
    }
  },
});

function describe(alts: readonly Atom[]): string {
  const one = (a: Atom): string => {
    switch (a.op) {
      case 'is_null':
        return 'null';
      case 'is_not_null':
        return 'set';
      case 'eq':
        return `'${String(a.cmp.value)}'`;
      case 'ne':
        return `other than '${String(a.cmp.value)}'`;
      case 'contains':
        return `containing '${String(a.cmp.value)}'`;
      case 'starts_with':
        return `starting with '${String(a.cmp.value)}'`;
      case 'ends_with':
        return `ending with '${String(a.cmp.value)}'`;
    }
  };
  const shown = alts.slice(0, 3).map(one).join(' or ');
  return alts.length > 3 ? `${shown} or …` : shown;
}
