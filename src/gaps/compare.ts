import type { AttackData, Technique } from '../attack/index.js';
import { aggregateTechniqueEvent } from '../index/aggregate.js';
import type { IndexedRule } from '../index/corpus-index.js';
import type { Vendor } from '../model/rule.js';
import { describeEvent } from '../report/describe.js';
import { rulesCoverExclusion } from './exclusion-cover.js';
import type { Repository } from './repository.js';
import type {
  CommonExclusion,
  CoverageState,
  EventCount,
  EventGap,
  ExclusionGap,
  ExclusionThresholds,
  GapReport,
  MissingTechnique,
  TechniqueCoverage,
  TechniqueTagProblem,
} from './types.js';

/** What the comparison reads from the corpus index (StoredIndex has it). */
export interface CorpusRules {
  readonly roots: readonly string[];
  allRules(): readonly IndexedRule[];
}

/** Rules grouped by canonical technique id. */
function byTechnique(rules: Iterable<IndexedRule>): Map<string, IndexedRule[]> {
  const out = new Map<string, IndexedRule[]>();
  for (const r of rules) {
    for (const t of r.techniques) {
      const list = out.get(t);
      if (list) list.push(r);
      else out.set(t, [r]);
    }
  }
  return out;
}

/** Events the rules read, with how many rules read each, most read first. */
function eventCounts(rules: readonly IndexedRule[]): EventCount[] {
  const counts = new Map<string, number>();
  for (const r of rules) for (const e of r.events) counts.set(e, (counts.get(e) ?? 0) + 1);
  return [...counts]
    .map(([event, n]) => ({ event, label: describeEvent(event), corpusRules: n }))
    .sort((a, b) => b.corpusRules - a.corpusRules || cmp(a.event, b.event));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isActive(t: Technique | undefined): t is Technique {
  return t !== undefined && !t.revoked && !t.deprecated;
}

/**
 * Compares a repository's rules with the corpus: techniques, events and
 * common exclusions the corpus has and the repository lacks, and the
 * repository's technique tags that are not active ATT&CK techniques. Corpus
 * entries that are the repository's own rules are left out first, so a
 * repository that is part of the corpus is compared with the rest of it.
 */
export function computeGaps(repo: Repository, corpus: CorpusRules, attack: AttackData, thresholds: ExclusionThresholds): GapReport {
  const all = corpus.allRules();
  const kept = repo.corpusSelf.size > 0 ? all.filter((r) => !repo.corpusSelf.has(r.ref)) : all;
  const corpusBy = byTechnique(kept);
  const repoRules = repo.rules.map((r) => r.rule);
  const repoBy = byTechnique(repoRules);

  const missingTechniques: MissingTechnique[] = [];
  const eventGaps: EventGap[] = [];
  const exclusionGaps: ExclusionGap[] = [];
  const coverage: TechniqueCoverage[] = [];
  const tacticName = (s: string): string => attack.tactic(s)?.name ?? s;

  for (const id of [...new Set([...corpusBy.keys(), ...repoBy.keys()])].sort()) {
    const tech = attack.technique(id);
    if (!isActive(tech)) continue;
    const theirs = corpusBy.get(id) ?? [];
    const ours = repoBy.get(id) ?? [];
    const events = eventCounts(theirs);
    if (ours.length === 0) {
      const coveredSubtechniques = tech.isSubtechnique ? [] : attack.subtechniques(id).map((s) => s.id).filter((s) => repoBy.has(s));
      missingTechniques.push({ id, name: tech.name, tactics: tech.tactics.map(tacticName), corpusRules: theirs.length, events, coveredSubtechniques });
      coverage.push(coverageOf(tech, theirs.length, 0, events.length, 0, 0));
      continue;
    }
    const ourEvents = new Set(ours.flatMap((r) => r.events));
    const missingEvents = events.filter((e) => !ourEvents.has(e.event));
    if (missingEvents.length > 0) {
      eventGaps.push({ technique: id, name: tech.name, repositoryRules: ours.length, corpusRules: theirs.length, repositoryEvents: [...ourEvents].sort(), missing: missingEvents });
    }
    let missingExclusions = 0;
    for (const event of [...ourEvents].sort()) {
      const gap = exclusionGap(id, tech.name, event, theirs, ours, thresholds);
      if (gap) {
        exclusionGaps.push(gap);
        missingExclusions += gap.missing.length;
      }
    }
    coverage.push(coverageOf(tech, theirs.length, ours.length, events.length, events.length - missingEvents.length, missingExclusions));
  }

  missingTechniques.sort((a, b) => b.corpusRules - a.corpusRules || b.events.length - a.events.length || cmp(a.id, b.id));
  eventGaps.sort((a, b) => (b.missing[0]?.corpusRules ?? 0) - (a.missing[0]?.corpusRules ?? 0) || cmp(a.technique, b.technique));
  exclusionGaps.sort((a, b) => (b.missing[0]?.share ?? 0) - (a.missing[0]?.share ?? 0) || b.corpusRules - a.corpusRules || cmp(a.technique, b.technique) || cmp(a.event, b.event));

  const byVendor: Partial<Record<Vendor, number>> = {};
  for (const r of repoRules) byVendor[r.vendor] = (byVendor[r.vendor] ?? 0) + 1;
  return {
    attackVersion: attack.version,
    thresholds,
    corpus: { roots: [...corpus.roots], rules: kept.length, leftOut: all.length - kept.length, techniques: corpusBy.size },
    repository: {
      files: repo.files,
      rules: repoRules.length,
      byVendor,
      techniques: repoBy.size,
      rulesWithoutTechnique: repoRules.filter((r) => r.techniques.length === 0).length,
      unread: repo.unread,
    },
    missingTechniques,
    eventGaps,
    exclusionGaps,
    tagProblems: tagProblems(repo, attack),
    coverage,
  };
}

/** The common corpus exclusions for a technique and event that none of the repository's rules there has. */
function exclusionGap(technique: string, name: string, event: string, theirs: readonly IndexedRule[], ours: readonly IndexedRule[], t: ExclusionThresholds): ExclusionGap | undefined {
  const agg = aggregateTechniqueEvent(technique, event, theirs);
  if (agg.ruleCount < t.minRules) return undefined;
  const onEvent = ours.filter((r) => r.events.includes(event));
  const missing: CommonExclusion[] = [];
  for (const row of agg.exclusions) {
    // Rows are sorted by rules: the first one under the threshold ends the common ones.
    if (row.rules < t.minRules || row.rules / agg.ruleCount < t.minShare) break;
    if (rulesCoverExclusion(onEvent, row)) continue;
    missing.push({ key: row.key, field: row.field, operator: row.operator, value: row.value, corpusRules: row.rules, share: row.rules / agg.ruleCount });
  }
  if (missing.length === 0) return undefined;
  return { technique, name, event, eventLabel: describeEvent(event), corpusRules: agg.ruleCount, repositoryRules: onEvent.length, missing };
}

function coverageOf(tech: Technique, corpusRules: number, repositoryRules: number, corpusEvents: number, coveredEvents: number, missingExclusions: number): TechniqueCoverage {
  let state: CoverageState;
  if (repositoryRules === 0) state = 'missing';
  else if (corpusRules === 0) state = 'repository-only';
  else state = coveredEvents < corpusEvents || missingExclusions > 0 ? 'partial' : 'covered';
  const score = repositoryRules === 0 ? 0 : corpusEvents === 0 ? 100 : Math.round((100 * coveredEvents) / corpusEvents);
  return { id: tech.id, name: tech.name, tactics: [...tech.tactics], corpusRules, repositoryRules, corpusEvents, coveredEvents, missingExclusions, state, score };
}

/** Repository technique tags that are revoked, deprecated, unknown or malformed, in file order. */
function tagProblems(repo: Repository, attack: AttackData): TechniqueTagProblem[] {
  const out: TechniqueTagProblem[] = [];
  for (const { rule, tags } of repo.rules) {
    for (const tag of tags) {
      const res = attack.resolve(tag.id);
      if (res.status === 'active') continue;
      const p: TechniqueTagProblem = { file: rule.file, line: tag.line, column: tag.column, title: rule.title, technique: tag.id, status: res.status };
      if (res.replacement) p.replacement = { id: res.replacement.id, name: res.replacement.name };
      out.push(p);
    }
  }
  return out;
}
