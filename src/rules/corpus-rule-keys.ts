import { detectionDigest, detectionFingerprint, type Digest, type FingerprintInput } from '../index/fingerprint.js';
import { keyOf, normalizePredicate } from '../model/normalize.js';
import type { Predicate, RuleModel } from '../model/rule.js';

/**
 * What the corpus checks derive from a linted rule before they look it up in
 * the index. Each is computed once per rule model and shared between checks
 * (and between a check's `check` and `collect`): linting a whole corpus asks
 * for them several times per rule. Nothing here depends on the index, so a
 * rule linted against another index reuses them.
 */
interface Derived {
  keys?: readonly string[];
  fingerprint?: string | null;
  digest?: Digest | null;
  indicators?: ReadonlyMap<string, Predicate>;
  exclusions?: readonly RuleExclusion[];
}

/** An exclusion of the rule, normalised: its row key, and its field and value. */
export interface RuleExclusion {
  key: string;
  field: string;
  value: string;
}

/**
 * Kept for the rule model asked about last: the checks of one rule run one
 * after another, and a WeakMap entry per rule model cost more to insert than
 * what it saved.
 */
let last: { rule: RuleModel; derived: Derived } | undefined;

function of(rule: RuleModel): Derived {
  if (last?.rule !== rule) last = { rule, derived: {} };
  return last.derived;
}

/**
 * The normalised key of each of the rule's predicates, in their order (what
 * `predicateKey` gives one by one). Kept per rule rather than per predicate:
 * a WeakMap entry for each of a corpus's tens of thousands of predicates cost
 * more than normalising them.
 */
export function ruleKeys(rule: RuleModel): readonly string[] {
  const d = of(rule);
  d.keys ??= rule.predicates.map((p) => keyOf(normalizePredicate(p)));
  return d.keys;
}

function fingerprintInput(rule: RuleModel): FingerprintInput {
  const keys = ruleKeys(rule);
  return { vendor: rule.vendor, events: rule.events.map((e) => e.key), predicates: rule.predicates.map((p, i) => ({ key: keys[i] as string, role: p.role })) };
}

/** The rule's detection fingerprint (src/index/fingerprint.ts); undefined for a rule without predicates. */
export function ruleFingerprint(rule: RuleModel): string | undefined {
  const d = of(rule);
  if (d.fingerprint === undefined) d.fingerprint = detectionFingerprint(fingerprintInput(rule)) ?? null;
  return d.fingerprint ?? undefined;
}

/** The digest of the rule's fingerprint, as the index stores its rules' (what duplicate candidates are found by). */
export function ruleDigest(rule: RuleModel): Digest | undefined {
  const d = of(rule);
  if (d.digest === undefined) d.digest = detectionDigest(fingerprintInput(rule)) ?? null;
  return d.digest ?? undefined;
}

/** The rule's indicators that are not negated, by normalised key, each with the first predicate that has it. */
export function ruleIndicators(rule: RuleModel): ReadonlyMap<string, Predicate> {
  const d = of(rule);
  if (!d.indicators) {
    const byKey = new Map<string, Predicate>();
    const keys = ruleKeys(rule);
    rule.predicates.forEach((p, i) => {
      if (p.role !== 'indicator' || p.negated) return;
      const key = keys[i] as string;
      if (!byKey.has(key)) byKey.set(key, p);
    });
    d.indicators = byKey;
  }
  return d.indicators;
}

/** The rule's exclusions (negated or not), normalised, in their order. */
export function ruleExclusions(rule: RuleModel): readonly RuleExclusion[] {
  const d = of(rule);
  if (!d.exclusions) {
    const keys = ruleKeys(rule);
    const out: RuleExclusion[] = [];
    rule.predicates.forEach((p, i) => {
      if (p.role !== 'exclusion') return;
      const n = normalizePredicate(p);
      out.push({ key: keys[i] as string, field: n.field, value: n.value });
    });
    d.exclusions = out;
  }
  return d.exclusions;
}
