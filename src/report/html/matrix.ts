import type { AttackData, Technique } from '../../attack/index.js';
import type { TechniqueCoverage } from '../../gaps/types.js';

/** One technique in a matrix column, with its active sub-techniques. */
export interface MatrixTechnique {
  id: string;
  name: string;
  corpusRules: number;
  coverage?: TechniqueCoverage;
  subtechniques: MatrixTechnique[];
}

export interface MatrixColumn {
  shortname: string;
  name: string;
  id: string;
  techniques: MatrixTechnique[];
}

/**
 * The ATT&CK matrix: active tactics in matrix order as columns, each with its
 * active techniques (by name, as ATT&CK lists them) and their sub-techniques.
 * A technique under several tactics appears in each of their columns.
 */
export function buildMatrix(attack: AttackData, corpusCounts: ReadonlyMap<string, number>, coverage?: ReadonlyMap<string, TechniqueCoverage>): MatrixColumn[] {
  const active = attack.techniques().filter((t) => !t.revoked && !t.deprecated);
  const subsOf = new Map<string, Technique[]>();
  for (const t of active) {
    if (!t.isSubtechnique || !t.parentId) continue;
    const list = subsOf.get(t.parentId);
    if (list) list.push(t);
    else subsOf.set(t.parentId, [t]);
  }
  const cell = (t: Technique): MatrixTechnique => {
    const c = coverage?.get(t.id);
    return {
      id: t.id,
      name: t.name,
      corpusRules: corpusCounts.get(t.id) ?? 0,
      ...(c ? { coverage: c } : {}),
      subtechniques: (subsOf.get(t.id) ?? []).sort((a, b) => a.id.localeCompare(b.id)).map(cell),
    };
  };
  return attack.tactics().map((tactic) => ({
    shortname: tactic.shortname,
    name: tactic.name,
    id: tactic.id,
    techniques: active
      .filter((t) => !t.isSubtechnique && t.tactics.includes(tactic.shortname))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(cell),
  }));
}

/** Corpus-rule heat buckets: upper bounds of h1 … h5 (h6 above), h0 for none. */
export const HEAT_BOUNDS = [1, 4, 9, 24, 49] as const;

export function heatClass(rules: number): string {
  if (rules <= 0) return 'h0';
  const i = HEAT_BOUNDS.findIndex((b) => rules <= b);
  return `h${i < 0 ? HEAT_BOUNDS.length + 1 : i + 1}`;
}

export function heatLegend(): { className: string; label: string }[] {
  const out = [{ className: 'h0', label: 'none' }];
  let low = 1;
  HEAT_BOUNDS.forEach((high, i) => {
    out.push({ className: `h${i + 1}`, label: low === high ? `${low}` : `${low}–${high}` });
    low = high + 1;
  });
  out.push({ className: `h${HEAT_BOUNDS.length + 1}`, label: `${low}+` });
  return out;
}

/** Repository-coverage classes: partial coverage splits at half the corpus's events. */
export function coverageClass(c: TechniqueCoverage | undefined): string {
  if (!c) return 's-none';
  if (c.state === 'partial') return c.score < 50 ? 's-p1' : 's-p2';
  return `s-${c.state}`;
}

export const COVERAGE_LEGEND: readonly { className: string; label: string }[] = [
  { className: 's-missing', label: 'gap: corpus rules, no repository rule' },
  { className: 's-p1', label: 'partly: repository reads under half the corpus events' },
  { className: 's-p2', label: 'partly: half or more of the events, or common exclusions missing' },
  { className: 's-covered', label: 'covered like the corpus' },
  { className: 's-repo-only', label: 'only the repository has rules' },
  { className: 's-none', label: 'no rule on either side' },
];
