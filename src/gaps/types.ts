import type { TechniqueStatus } from '../attack/types.js';
import type { Operator, Vendor } from '../model/rule.js';

/** When a corpus exclusion counts as common: the `missing-common-exclusions` check's thresholds. */
export interface ExclusionThresholds {
  /** At least this many corpus rules for the technique and event share it … */
  minRules: number;
  /** … and at least this share of them. */
  minShare: number;
}

/** A file of the repository that gave no rule, with its first fatal problem. */
export interface UnreadFile {
  file: string;
  message: string;
  line: number;
  column: number;
}

/** A technique tag of a repository rule that does not name an active ATT&CK technique. */
export interface TechniqueTagProblem {
  file: string;
  line: number;
  column: number;
  title: string;
  /** The id as the rule writes it. */
  technique: string;
  status: Exclude<TechniqueStatus, 'active'>;
  /** For a revoked id: what replaced it. */
  replacement?: { id: string; name: string };
}

/** An event the corpus's rules for a technique read. */
export interface EventCount {
  event: string;
  /** `Sysmon Event ID 3 (Network connection)`. */
  label: string;
  corpusRules: number;
}

/** A technique the corpus covers and the repository does not. */
export interface MissingTechnique {
  id: string;
  name: string;
  /** Tactic names in matrix order. */
  tactics: string[];
  corpusRules: number;
  /** Distinct events its corpus rules read, most read first. */
  events: EventCount[];
  /** Sub-techniques of this technique the repository does cover (a parent left untagged is a softer gap). */
  coveredSubtechniques: string[];
}

/** A technique both cover: the events the corpus reads for it that no repository rule for it reads. */
export interface EventGap {
  technique: string;
  name: string;
  repositoryRules: number;
  corpusRules: number;
  /** Events the repository's rules for the technique read. */
  repositoryEvents: string[];
  missing: EventCount[];
}

/** An exclusion many corpus rules for a technique and event share. */
export interface CommonExclusion {
  key: string;
  field: string;
  operator: Operator;
  value: string;
  corpusRules: number;
  /** corpusRules / rules of the technique on the event. */
  share: number;
}

/** A technique and event both cover: the common corpus exclusions none of the repository's rules there has. */
export interface ExclusionGap {
  technique: string;
  name: string;
  event: string;
  eventLabel: string;
  /** Corpus rules for the technique that read the event. */
  corpusRules: number;
  /** Repository rules for the technique that read the event. */
  repositoryRules: number;
  missing: CommonExclusion[];
}

/**
 * How well the repository covers one technique, relative to the corpus:
 * - `missing`: the corpus has rules, the repository none;
 * - `partial`: the repository has rules but misses events or common exclusions of the corpus;
 * - `covered`: it misses neither;
 * - `repository-only`: the corpus has no rules for it.
 */
export type CoverageState = 'missing' | 'partial' | 'covered' | 'repository-only';

export interface TechniqueCoverage {
  id: string;
  name: string;
  /** Tactic shortnames in matrix order. */
  tactics: string[];
  corpusRules: number;
  repositoryRules: number;
  corpusEvents: number;
  /** Corpus events of the technique that the repository's rules for it read too. */
  coveredEvents: number;
  missingExclusions: number;
  state: CoverageState;
  /**
   * 0–100: the share of the corpus's events for the technique that the
   * repository reads (0 when missing, 100 when the corpus reads no event or
   * has no rule for it).
   */
  score: number;
}

export interface GapReport {
  attackVersion: string;
  thresholds: ExclusionThresholds;
  corpus: {
    roots: string[];
    /** Corpus rules compared with (the repository's own entries left out). */
    rules: number;
    /** Corpus entries left out because they are the repository's own rules. */
    leftOut: number;
    techniques: number;
  };
  repository: {
    files: number;
    rules: number;
    byVendor: Partial<Record<Vendor, number>>;
    techniques: number;
    rulesWithoutTechnique: number;
    unread: UnreadFile[];
  };
  missingTechniques: MissingTechnique[];
  eventGaps: EventGap[];
  exclusionGaps: ExclusionGap[];
  tagProblems: TechniqueTagProblem[];
  /** Every active technique the corpus or the repository has rules for, by id. */
  coverage: TechniqueCoverage[];
}
