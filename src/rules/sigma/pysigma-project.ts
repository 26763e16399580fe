import type { ProjectContext } from '../../engine/check.js';
import type { Location } from '../../model/location.js';
import type { RuleModel } from '../../model/rule.js';

/** A rule and the place its duplicated value sits. */
export interface Keyed {
  rule: RuleModel;
  key: string;
  loc: Location;
}

/** `a.yml:3, b.yml:7 and 2 more`: the places of other entries (files only when `lines` is false). */
export function placeList(others: readonly Keyed[], lines = true): string {
  const named = others.slice(0, 3).map((o) => (lines ? `${o.rule.file}:${o.loc.line}` : o.rule.file));
  return others.length > 3 ? `${named.join(', ')} and ${others.length - 3} more` : named.join(', ');
}

/** Groups entries by key and reports every entry of a group of two or more, with the others. */
export function reportDuplicates(context: ProjectContext, entries: readonly Keyed[], describe: (entry: Keyed, others: readonly Keyed[]) => string): void {
  const groups = new Map<string, Keyed[]>();
  for (const e of entries) {
    const g = groups.get(e.key);
    // Rules of a legacy `action: global` file share the global part's id and title: written once, not duplicated.
    if (g?.some((o) => o.rule.file === e.rule.file && o.loc.line === e.loc.line && o.loc.column === e.loc.column)) continue;
    if (g) g.push(e);
    else groups.set(e.key, [e]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const e of group) context.report(e.rule, { message: describe(e, group.filter((o) => o !== e)), loc: e.loc });
  }
}
