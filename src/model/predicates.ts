import type { Logic, LogicCompare } from './logic.js';
import type { Predicate, Role } from './rule.js';

/** Where a comparison sits in the logic, which decides its role. */
export interface CompareContext {
  /** Under a NOT that is part of the top-level conjunction: an exclusion. */
  excluded: boolean;
  /** Under an odd number of other NOTs (`a and not (b and not c)` → c, or `(a or not b)` → b). */
  negated: boolean;
}

/** Turns one comparison into a predicate (canonical field, location); undefined drops it. */
export type CompareMapper = (cmp: LogicCompare, role: Role, ctx: CompareContext) => Predicate | undefined;

/**
 * Walks the logic tree and assigns every comparison its role. "Top level" is
 * the chain of ANDs from the root: a NOT met on that chain makes everything
 * beneath it an exclusion (`sel and not filter`, `not 1 of filter_*`,
 * `sel and not (f1 or f2)`). A NOT anywhere else only negates.
 * The mapper decides scope, because that needs the canonical field.
 */
export function predicatesFromLogic(logic: Logic | undefined, map: CompareMapper): Predicate[] {
  const out: Predicate[] = [];
  if (logic) visit(logic, true, false, false, map, out);
  return out;
}

/** The four contexts a comparison can be in, shared: a fresh object per comparison was most of this walk's garbage. */
const CONTEXTS: readonly CompareContext[] = [
  Object.freeze({ excluded: false, negated: false }),
  Object.freeze({ excluded: false, negated: true }),
  Object.freeze({ excluded: true, negated: false }),
  Object.freeze({ excluded: true, negated: true }),
];

function visit(node: Logic, topLevel: boolean, excluded: boolean, negated: boolean, map: CompareMapper, out: Predicate[]): void {
  switch (node.kind) {
    case 'and':
      for (const item of node.items) visit(item, topLevel, excluded, negated, map, out);
      return;
    case 'or':
      for (const item of node.items) visit(item, false, excluded, negated, map, out);
      return;
    case 'not':
      if (topLevel && !excluded) visit(node.item, false, true, false, map, out);
      else visit(node.item, false, excluded, !negated, map, out);
      return;
    case 'cmp': {
      const p = map(node, excluded ? 'exclusion' : 'indicator', CONTEXTS[(excluded ? 2 : 0) + (negated ? 1 : 0)] as CompareContext);
      if (p) out.push(p);
      return;
    }
    case 'opaque':
      return;
  }
}
