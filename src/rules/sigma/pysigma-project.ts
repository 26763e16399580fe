import type { CollectedFact, ProjectContext } from '../../engine/check.js';

/** `a.yml:3, b.yml:7 and 2 more`: the places of other facts (files only when `lines` is false). */
export function placeList(others: readonly CollectedFact[], lines = true): string {
  const named = others.slice(0, 3).map((o) => (lines ? `${o.file}:${o.loc.line}` : o.file));
  return others.length > 3 ? `${named.join(', ')} and ${others.length - 3} more` : named.join(', ');
}

/** Groups facts by key and reports every fact of a group of two or more, with the others. */
export function reportDuplicates(context: ProjectContext, describe: (fact: CollectedFact, others: readonly CollectedFact[]) => string): void {
  const groups = new Map<string, CollectedFact[]>();
  for (const e of context.facts) {
    const g = groups.get(e.key);
    // Rules of a legacy `action: global` file share the global part's id and title: written once, not duplicated.
    if (g?.some((o) => o.file === e.file && o.loc.line === e.loc.line && o.loc.column === e.loc.column)) continue;
    if (g) g.push(e);
    else groups.set(e.key, [e]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const e of group) context.report(e, { message: describe(e, group.filter((o) => o !== e)) });
  }
}
