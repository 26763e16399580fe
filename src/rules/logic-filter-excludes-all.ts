import { defineCheck } from '../engine/check.js';
import type { Logic } from '../model/logic.js';
import type { FieldConstraint } from './logic-analysis.js';
import { atomOf, fieldConstraint, firstCompare, groupsOf, implies, ruleLogic } from './logic-analysis.js';

/** Alternatives of the positive part expanded at most: beyond this the rule is not analysed. */
const MAX_BRANCHES = 64;

export default defineCheck({
  meta: {
    id: 'logic-filter-excludes-all',
    description: 'A filter (`and not …`) that excludes every event the selection matches, so the rule never fires.',
    defaultSeverity: 'error',
    recommended: true,
    docs: `In \`selection and not filter\`, the filter is meant to remove the benign part of what the selection matches. When every event the selection matches also matches the filter (\`selection: Image|endswith: '\\\\rundll32.exe'\` with \`filter: Image|contains: 'rundll32'\`), the rule can never fire. Typically the filter is missing a second field, or a value was pasted into the wrong block.

The check proves it or stays silent: each alternative of the positive part must imply the filter, comparison by comparison (equality, contains, startswith, endswith, null; case-insensitive unless \`cased\`). Filters it cannot reason about (regex, CIDR, encoded values) are never reported.`,
  },
  check(rule, context) {
    const logic = ruleLogic(rule);
    if (!logic) return;
    for (const top of logic.kind === 'or' ? logic.items : [logic]) {
      const conjuncts = top.kind === 'and' ? top.items : [top];
      const positives = conjuncts.filter((c) => c.kind !== 'not');
      const filters = conjuncts.filter((c): c is Extract<Logic, { kind: 'not' }> => c.kind === 'not');
      if (positives.length === 0 || filters.length === 0) continue;
      const branches = expand(positives);
      if (!branches || branches.length === 0) continue;
      for (const f of filters) {
        if (!branches.every((b) => impliedBy(b, f.item))) continue;
        const at = firstCompare(f.item);
        if (!at) continue;
        const fNames = groupsOf(f.item);
        const pNames = [...new Set(positives.flatMap(groupsOf))];
        const who = fNames.length === 0 ? 'this filter excludes' : `${fNames.length > 1 ? 'filters' : 'filter'} ${fNames.map((n) => `'${n}'`).join(', ')} ${fNames.length > 1 ? 'exclude' : 'excludes'}`;
        context.report({
          message: `${who} every event ${pNames.length > 0 ? pNames.map((n) => `'${n}'`).join(', ') : 'the selection'} matches: the rule can never fire`,
          loc: rule.source.location(at.span),
        });
      }
    }
  },
});

type Branch = FieldConstraint[];

/**
 * The positive part as alternatives (a disjunctive normal form over field
 * constraints). Parts it cannot read are dropped, which only widens the
 * branches: a filter implied by a wider branch is implied by the real one.
 */
function expand(parts: readonly Logic[]): Branch[] | undefined {
  let branches: Branch[] = [[]];
  for (const part of parts) {
    const options = alternatives(part);
    if (!options) return undefined;
    const only = options.length === 1 ? options[0] : undefined;
    if (only) {
      // One alternative: extend each branch in place (every branch array is this function's own). Copying them
      // per part made a selection of thousands of `contains|all` values quadratic (20,000 took 3 s).
      for (const b of branches) for (const c of only) b.push(c);
      continue;
    }
    const next: Branch[] = [];
    for (const b of branches) for (const o of options) next.push([...b, ...o]);
    if (next.length > MAX_BRANCHES) return undefined;
    branches = next;
  }
  return branches;
}

function alternatives(n: Logic): Branch[] | undefined {
  const single = fieldConstraint(n);
  if (single) return [[single]];
  if (n.kind === 'and') return expand(n.items);
  if (n.kind === 'or') {
    const out: Branch[] = [];
    for (const item of n.items) {
      const alts = alternatives(item);
      if (!alts) return undefined;
      out.push(...alts);
      if (out.length > MAX_BRANCHES) return undefined;
    }
    return out;
  }
  // NOT, opaque and keyword parts are dropped (the branch only widens).
  return [[]];
}

/** Whether every event of the branch satisfies the filter node (false when unsure). */
function impliedBy(branch: Branch, f: Logic): boolean {
  const fc = fieldConstraint(f);
  if (fc) return branch.some((c) => c.field === fc.field && c.alts.every((a) => fc.alts.some((b) => implies(a, b))));
  switch (f.kind) {
    case 'and':
      return f.items.every((i) => impliedBy(branch, i));
    case 'or': {
      if (f.items.some((i) => impliedBy(branch, i))) return true;
      // A branch constraint whose alternatives are spread over the OR's comparisons.
      const atoms = f.items.map((i) => (i.kind === 'cmp' ? atomOf(i) : undefined));
      return branch.some((c) => c.alts.every((a) => atoms.some((b) => b !== undefined && implies(a, b))));
    }
    default:
      return false;
  }
}
