import { beforeAll, describe, expect, it } from 'vitest';
import type { AttackData } from '../../src/attack/index.js';
import { computeGaps, type CorpusRules } from '../../src/gaps/compare.js';
import { rulesCoverExclusion } from '../../src/gaps/exclusion-cover.js';
import type { Repository } from '../../src/gaps/repository.js';
import { exclusionThresholds } from '../../src/gaps/thresholds.js';
import type { IndexedPredicate, IndexedRule } from '../../src/index/corpus-index.js';
import { keyOf } from '../../src/model/normalize.js';
import type { Operator, Role, Vendor } from '../../src/model/rule.js';
import missingCommonExclusions from '../../src/rules/missing-common-exclusions.js';
import { openDefaultCorpus } from './corpus.js';

let attack: AttackData;
beforeAll(async () => {
  attack = (await openDefaultCorpus()).resources.attack();
});

function pred(role: Role, field: string, operator: Operator, value: string): IndexedPredicate {
  return { key: keyOf({ field, operator, value }), role, field, operator, value, written: field };
}

let nextRef = 0;
function rule(techniques: string[], events: string[], predicates: IndexedPredicate[] = [], vendor: Vendor = 'sigma'): IndexedRule {
  const ref = nextRef++;
  return { ref, vendor, title: `rule ${ref}`, file: `${vendor}/r${ref}.yml`, techniques, events, predicates };
}

function corpusOf(rules: IndexedRule[]): CorpusRules {
  return { roots: ['sigma', 'elastic'], allRules: () => rules };
}

function repoOf(rules: IndexedRule[], self: number[] = []): Repository {
  return { files: rules.length, rules: rules.map((r) => ({ rule: r, tags: r.techniques.map((id) => ({ id, line: 1, column: 1 })) })), unread: [], corpusSelf: new Set(self) };
}

const SYSTEM32 = pred('exclusion', 'dll.path', 'starts_with', 'c:\\windows\\system32\\');
const WINSXS = pred('exclusion', 'dll.path', 'starts_with', 'c:\\windows\\winsxs\\');
const RARE = pred('exclusion', 'dll.path', 'starts_with', 'c:\\program files\\vendor\\');

describe('computeGaps', () => {
  it('ranks missing techniques by corpus rules, then by distinct events, with tactic names', () => {
    const corpus = [
      rule(['T1059.001'], ['sysmon:1']),
      rule(['T1059.001'], ['powershell:4104']),
      rule(['T1003.001'], ['sysmon:10']),
      rule(['T1003.001'], ['sysmon:10']),
      rule(['T1021.001'], ['security:4624']),
    ];
    const report = computeGaps(repoOf([rule(['T1021.001'], ['security:4624'])]), corpusOf(corpus), attack, exclusionThresholds());
    expect(report.missingTechniques.map((t) => [t.id, t.corpusRules, t.events.length])).toEqual([
      ['T1059.001', 2, 2],
      ['T1003.001', 2, 1],
    ]);
    expect(report.missingTechniques[0]?.tactics).toEqual(['Execution']);
    expect(report.coverage.find((c) => c.id === 'T1021.001')).toMatchObject({ state: 'covered', score: 100 });
    expect(report.coverage.find((c) => c.id === 'T1003.001')).toMatchObject({ state: 'missing', score: 0, repositoryRules: 0 });
  });

  it('lists the events the corpus reads for a covered technique that no repository rule for it reads', () => {
    const corpus = [rule(['T1102.002'], ['sysmon:1']), rule(['T1102.002'], ['sysmon:3']), rule(['T1102.002'], ['sysmon:3', 'sysmon:22'])];
    const report = computeGaps(repoOf([rule(['T1102.002'], ['sysmon:1'])]), corpusOf(corpus), attack, exclusionThresholds());
    expect(report.eventGaps).toHaveLength(1);
    expect(report.eventGaps[0]?.missing.map((e) => [e.event, e.corpusRules])).toEqual([
      ['sysmon:3', 2],
      ['sysmon:22', 1],
    ]);
    expect(report.eventGaps[0]?.missing[0]?.label).toBe('Sysmon Event ID 3 (Network connection)');
    expect(report.coverage.find((c) => c.id === 'T1102.002')).toMatchObject({ state: 'partial', corpusEvents: 3, coveredEvents: 1, score: 33 });
  });

  it('reports common exclusions with the missing-common-exclusions thresholds, unless a repository rule there has them', () => {
    const { minRules, minShare } = missingCommonExclusions.meta.defaultOptions as { minRules: number; minShare: number };
    expect(exclusionThresholds()).toEqual({ minRules, minShare });
    const corpus = [
      ...Array.from({ length: 4 }, () => rule(['T1574.001'], ['sysmon:7'], [SYSTEM32, WINSXS])),
      rule(['T1574.001'], ['sysmon:7'], [RARE]),
      ...Array.from({ length: 3 }, () => rule(['T1574.001'], ['sysmon:11'], [WINSXS])),
    ];
    const unfiltered = computeGaps(repoOf([rule(['T1574.001'], ['sysmon:7'])]), corpusOf(corpus), attack, exclusionThresholds());
    expect(unfiltered.exclusionGaps.map((g) => [g.event, g.corpusRules, g.missing.map((m) => m.value)])).toEqual([['sysmon:7', 5, ['c:\\windows\\system32\\', 'c:\\windows\\winsxs\\']]]);
    expect(unfiltered.exclusionGaps[0]?.missing[0]?.share).toBeCloseTo(0.8);
    // The folder given without its trailing backslash still overlaps the corpus's value.
    const filtered = computeGaps(repoOf([rule(['T1574.001'], ['sysmon:7'], [pred('exclusion', 'dll.path', 'starts_with', 'c:\\windows\\winsxs')])]), corpusOf(corpus), attack, exclusionThresholds());
    expect(filtered.exclusionGaps[0]?.missing.map((m) => m.value)).toEqual(['c:\\windows\\system32\\']);
    expect(computeGaps(repoOf([rule(['T1574.001'], ['sysmon:7'])]), corpusOf(corpus), attack, { minRules: 5, minShare: 0.1 }).exclusionGaps).toEqual([]);
  });

  it("leaves the repository's own corpus entries out of every aggregate", () => {
    const own = rule(['T1102.002'], ['sysmon:3']);
    const corpus = [own, rule(['T1102.002'], ['sysmon:1']), rule(['T1003.001'], ['sysmon:10'])];
    const report = computeGaps(repoOf([rule(['T1102.002'], ['sysmon:3'])], [own.ref]), corpusOf(corpus), attack, exclusionThresholds());
    expect(report.corpus).toMatchObject({ rules: 2, leftOut: 1 });
    expect(report.eventGaps[0]?.missing.map((e) => e.event)).toEqual(['sysmon:1']);
    expect(report.coverage.find((c) => c.id === 'T1102.002')).toMatchObject({ corpusRules: 1, state: 'partial', score: 0 });
  });

  it('names the sub-techniques the repository covers under a missing parent', () => {
    const report = computeGaps(repoOf([rule(['T1059.001'], ['sysmon:1'])]), corpusOf([rule(['T1059'], ['sysmon:1']), rule(['T1059.001'], ['sysmon:1'])]), attack, exclusionThresholds());
    expect(report.missingTechniques).toEqual([expect.objectContaining({ id: 'T1059', coveredSubtechniques: ['T1059.001'] })]);
  });

  it('lists repository tags that are revoked (with the replacement), deprecated or unknown; only active techniques count as coverage', () => {
    const repo = repoOf([]);
    const r = rule([attack.canonicalTechniqueId('T1086'), 'T1064', 'T1999'], ['sysmon:1']);
    repo.rules.push({ rule: r, tags: [{ id: 'T1086', line: 9, column: 7 }, { id: 'T1064', line: 10, column: 7 }, { id: 'T1999', line: 11, column: 7 }, { id: 'T1059.001', line: 12, column: 7 }] });
    const report = computeGaps(repo, corpusOf([]), attack, exclusionThresholds());
    expect(report.tagProblems.map((p) => [p.technique, p.status, p.replacement?.id, p.line])).toEqual([
      ['T1086', 'revoked', 'T1059.001', 9],
      ['T1064', 'deprecated', undefined, 10],
      ['T1999', 'unknown', undefined, 11],
    ]);
    expect(report.coverage.map((c) => [c.id, c.state])).toEqual([['T1059.001', 'repository-only']]);
  });
});

describe('rulesCoverExclusion', () => {
  const row = { key: SYSTEM32.key, field: 'dll.path', value: 'c:\\windows\\system32\\' };
  it('matches the same row, or the same field with an overlapping value', () => {
    expect(rulesCoverExclusion([rule([], [], [SYSTEM32])], row)).toBe(true);
    expect(rulesCoverExclusion([rule([], [], [pred('exclusion', 'dll.path', 'contains', '\\windows\\system32')])], row)).toBe(true);
  });
  it('does not match indicators, other fields or other folders', () => {
    expect(rulesCoverExclusion([rule([], [], [pred('indicator', 'dll.path', 'starts_with', 'c:\\windows\\system32\\')])], row)).toBe(false);
    expect(rulesCoverExclusion([rule([], [], [pred('exclusion', 'process.executable', 'starts_with', 'c:\\windows\\system32\\')])], row)).toBe(false);
    expect(rulesCoverExclusion([rule([], [], [WINSXS])], row)).toBe(false);
  });
});
