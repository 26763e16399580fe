import { defineCheck } from '../engine/check.js';
import type { ConditionNode, ConditionOf } from '../parse/sigma/condition-ast.js';
import { sigmaDocOf } from './sigma/pysigma-doc.js';

/** The `… of them` nodes of a condition. */
export function themNodes(ast: ConditionNode, out: ConditionOf[] = []): ConditionOf[] {
  switch (ast.kind) {
    case 'and':
    case 'or':
      for (const item of ast.items) themNodes(item, out);
      break;
    case 'not':
      themNodes(ast.item, out);
      break;
    case 'aggregation':
      themNodes(ast.search, out);
      if (ast.near) themNodes(ast.near, out);
      break;
    case 'of':
      if (ast.them) out.push(ast);
      break;
    case 'ref':
      break;
  }
  return out;
}

export default defineCheck({
  meta: {
    id: 'sigma-them-single-detection',
    description: "A condition says `them` but the detection has only one search identifier (pySigma them_condition_with_single_detection).",
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['sigma'],
    docs: `Reports \`1 of them\` or \`all of them\` in a detection that defines a single search identifier.

With one selection, \`them\` is that selection: the condition works but says less than it seems to, and a selection added later (a filter, say) silently joins it. Name the selection instead: \`condition: selection\`. pySigma identifier: \`them_condition_with_single_detection\`.`,
  },
  check(rule, context) {
    const detection = sigmaDocOf(rule)?.detection;
    if (!detection || detection.selections.size !== 1) return;
    for (const c of detection.condition) {
      if (!c.ast) continue;
      for (const node of themNodes(c.ast)) {
        const only = [...detection.selections.keys()][0] as string;
        context.report({ message: `'${node.quantifier} of them' with a single search identifier: write '${only}' instead`, loc: c.embedded.locate(node.span) });
      }
    }
  },
});
