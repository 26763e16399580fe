import { detectionDigest, detectionFingerprint, type FingerprintInput } from '../index/fingerprint.js';
import { predicateKey } from '../model/normalize.js';
import type { Predicate, RuleModel } from '../model/rule.js';

/**
 * What the corpus checks derive from a linted rule before they look it up in
 * the index. Each is computed once per rule model and shared between checks
 * (and between a check's `check` and `collect`): linting a whole corpus asks
 * for them several times per rule. Nothing here depends on the index, so a
 * rule linted against another index reuses them.
 */
interface Derived {
  fingerprint?: string | null;
  digest?: string | null;
  indicators?: ReadonlyMap<string, Predicate>;
}

const derived = new WeakMap<RuleModel, Derived>();

function of(rule: RuleModel): Derived {
  let d = derived.get(rule);
  if (!d) derived.set(rule, (d = {}));
  return d;
}

function fingerprintInput(rule: RuleModel): FingerprintInput {
  return { vendor: rule.vendor, events: rule.events.map((e) => e.key), predicates: rule.predicates.map((p) => ({ key: predicateKey(p), role: p.role })) };
}

/** The rule's detection fingerprint (src/index/fingerprint.ts); undefined for a rule without predicates. */
export function ruleFingerprint(rule: RuleModel): string | undefined {
  const d = of(rule);
  if (d.fingerprint === undefined) d.fingerprint = detectionFingerprint(fingerprintInput(rule)) ?? null;
  return d.fingerprint ?? undefined;
}

/** The digest of the rule's fingerprint, as the index stores its rules' (what duplicate candidates are found by). */
export function ruleDigest(rule: RuleModel): string | undefined {
  const d = of(rule);
  if (d.digest === undefined) d.digest = detectionDigest(fingerprintInput(rule)) ?? null;
  return d.digest ?? undefined;
}

/** The rule's indicators that are not negated, by normalised key, each with the first predicate that has it. */
export function ruleIndicators(rule: RuleModel): ReadonlyMap<string, Predicate> {
  const d = of(rule);
  if (!d.indicators) {
    const byKey = new Map<string, Predicate>();
    for (const p of rule.predicates) {
      if (p.role !== 'indicator' || p.negated) continue;
      const key = predicateKey(p);
      if (!byKey.has(key)) byKey.set(key, p);
    }
    d.indicators = byKey;
  }
  return d.indicators;
}
