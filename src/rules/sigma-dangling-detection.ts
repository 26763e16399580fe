import { defineCheck } from '../engine/check.js';
import { selectionsMatching } from '../parse/sigma/condition-ast.js';
import type { ConditionNode } from '../parse/sigma/condition-ast.js';
import { sigmaDocOf } from './sigma/pysigma-doc.js';

/** Adds the search identifiers a condition uses, directly or through `1 of`/`all of` patterns. */
function collectReferenced(ast: ConditionNode, names: readonly string[], out: Set<string>): void {
  switch (ast.kind) {
    case 'and':
    case 'or':
      for (const item of ast.items) collectReferenced(item, names, out);
      return;
    case 'not':
      collectReferenced(ast.item, names, out);
      return;
    case 'aggregation':
      collectReferenced(ast.search, names, out);
      if (ast.near) collectReferenced(ast.near, names, out);
      return;
    case 'ref':
      out.add(ast.name);
      return;
    case 'of':
      for (const n of selectionsMatching(ast, names)) out.add(n);
      return;
  }
}

export default defineCheck({
  meta: {
    id: 'sigma-dangling-detection',
    description: 'A search identifier that no condition uses (pySigma dangling_detection).',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['sigma'],
    docs: `Reports a search identifier under \`detection\` that no condition refers to, neither by name nor through a \`1 of\`/\`all of\` pattern or \`them\`.

Such a selection has no effect on what the rule matches. It is nearly always a mistake: a filter that was written but never added to the condition (\`condition: selection\` instead of \`selection and not filter\`), or a selection renamed in one place only. Add it to the condition, or delete it.

Identifiers starting with \`_\` are not matched by \`them\` or by patterns that do not themselves start with \`_\`, as the specification says. When a condition has a syntax error the check stays silent (\`sigma-condition-syntax\` reports it). pySigma identifier: \`dangling_detection\`.`,
  },
  check(rule, context) {
    const detection = sigmaDocOf(rule)?.detection;
    if (!detection || detection.condition.length === 0) return;
    const used = new Set<string>();
    const names = [...detection.selections.keys()];
    for (const c of detection.condition) {
      if (!c.ast) return;
      collectReferenced(c.ast, names, used);
    }
    for (const selection of detection.selections.values()) {
      if (used.has(selection.name)) continue;
      context.report({ message: `search identifier '${selection.name}' is not used by the condition, so it has no effect`, loc: selection.loc });
    }
  },
});
