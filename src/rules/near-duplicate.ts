import { defineCheck } from '../engine/check.js';
import type { IndexedRule } from '../index/corpus-index.js';
import type { Role } from '../model/rule.js';
import { ruleKeys } from './corpus-rule-keys.js';
import { isOwnEntry } from './corpus-duplicate-tables.js';

interface Options {
  threshold: number;
  minPredicates: number;
  sameVendor: boolean;
}

/**
 * A rule's predicates as similarity counts them: each normalised key with
 * the roles (indicator, exclusion) it is written in, scope left out; `size`
 * counts (key, role) pairs. Keys are looked up as they are, not joined with
 * their role into new strings: on the corpus side that would be a new string
 * to build and hash for every predicate of thousands of rules.
 */
interface KeySet {
  roles: Map<string, number>;
  size: number;
}

const ROLE_BITS: Readonly<Record<Role, number>> = { indicator: 1, exclusion: 2, scope: 0 };

function keySet(predicates: Iterable<{ key: string; role: Role }>): KeySet {
  const roles = new Map<string, number>();
  let size = 0;
  for (const { key, role } of predicates) {
    const bit = ROLE_BITS[role];
    if (bit === 0) continue;
    const had = roles.get(key) ?? 0;
    if ((had & bit) === 0) {
      roles.set(key, had | bit);
      size++;
    }
  }
  return { roles, size };
}

/** How many (key, role) pairs of `a` are in `b`. */
function sharedCount(a: KeySet, b: KeySet): number {
  let shared = 0;
  for (const [key, bits] of a.roles) {
    const common = bits & (b.roles.get(key) ?? 0);
    if (common !== 0) shared += common === 3 ? 2 : 1;
  }
  return shared;
}

const keySets = new WeakMap<IndexedRule, KeySet>();

/** The predicates a rule's similarity is measured on: indicators and exclusions, by normalised key and role. */
function indexedKeys(r: IndexedRule): KeySet {
  let s = keySets.get(r);
  if (!s) {
    s = keySet(r.predicates);
    keySets.set(r, s);
  }
  return s;
}

/** A corpus rule with an upper bound of its key set's size: its non-scope predicates, counted without building the set. */
interface Candidate {
  rule: IndexedRule;
  bound: number;
}

const candidateLists = new WeakMap<readonly IndexedRule[], Candidate[]>();

/** The rules of a technique as candidates, worked out once per list (the index keeps one list per technique). */
function candidatesIn(rules: readonly IndexedRule[]): Candidate[] {
  let list = candidateLists.get(rules);
  if (!list) {
    list = rules.map((rule) => {
      let bound = 0;
      for (const p of rule.predicates) if (p.role !== 'scope') bound++;
      return { rule, bound };
    });
    candidateLists.set(rules, list);
  }
  return list;
}

export default defineCheck<Options>({
  meta: {
    id: 'near-duplicate',
    description: 'A rule whose predicates are nearly those of a corpus rule of the same technique.',
    defaultSeverity: 'warn',
    recommended: false,
    usesCorpus: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        threshold: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
        minPredicates: { type: 'integer', minimum: 1 },
        sameVendor: { type: 'boolean' },
      },
    },
    defaultOptions: { threshold: 0.8, minPredicates: 3, sameVendor: false },
    docs: `Before writing a rule, check whether it exists. This check compares the draft with every corpus rule that shares one of its ATT&CK techniques and names the most similar one when the similarity reaches the threshold, so the author can extend that rule instead of adding a near-copy.

**Similarity** is the Jaccard index |A ∩ B| / |A ∪ B| of the two rules' predicate sets, where a predicate is its normalised key (canonical field, operator, lower-cased value, as the corpus index stores it: \`Image|endswith: '\\\\x.exe'\` and ECS \`process.name: x.exe\` are one key) together with its role (indicator or exclusion). Scope predicates (EventID, Channel, event.category …) are left out: they say which telemetry, not what is detected. Because keys are canonical, a Sigma draft is also compared with Elastic and Splunk rules (\`sameVendor: true\` limits it to the draft's vendor).

Options: \`threshold\` (default 0.8), \`minPredicates\` (default 3; rules with fewer predicates are not compared, since two or three shared values make any two small rules look alike), \`sameVendor\` (default false). Exact duplicates (similarity 1 with the same vendor) are also \`duplicate-detection\`'s.`,
  },
  check(rule, context) {
    const index = context.index();
    if (!index || rule.techniques.length === 0) return;
    const { threshold, minPredicates, sameVendor } = context.options;
    const keys = ruleKeys(rule);
    const mine = keySet(rule.predicates.map((p, i) => ({ key: keys[i] as string, role: p.role })));
    if (mine.size < minPredicates) return;
    const attack = context.attack();
    const techniques = [...new Set(rule.techniques.map((t) => attack.canonicalTechniqueId(t.id)))];
    // The index lists a rule once per technique: only a rule met under two techniques needs skipping the second time.
    const seen = techniques.length > 1 ? new Set<number>() : undefined;
    let best: { r: IndexedRule; score: number; shared: number } | undefined;
    let above = 0;
    for (const t of techniques) {
      for (const { rule: r, bound } of candidatesIn(index.rulesOf(t))) {
        if (seen) {
          if (seen.has(r.ref)) continue;
          seen.add(r.ref);
        }
        if (sameVendor && r.vendor !== rule.vendor) continue;
        // The size test below on the bound: a set that small fails it whatever its exact size, so it is not built.
        if (bound < minPredicates || (bound < mine.size && bound / mine.size < threshold)) continue;
        const theirs = indexedKeys(r);
        // |A ∩ B| ≤ min and |A ∪ B| ≥ max: sets too different in size cannot reach the threshold.
        if (theirs.size < minPredicates || Math.min(mine.size, theirs.size) / Math.max(mine.size, theirs.size) < threshold) continue;
        const shared = sharedCount(mine, theirs);
        const score = shared / (mine.size + theirs.size - shared);
        if (score < threshold || isOwnEntry(rule, r)) continue;
        above++;
        if (!best || score > best.score) best = { r, score, shared };
      }
    }
    if (!best) return;
    const more = above > 1 ? ` (and ${above - 1} more above ${threshold})` : '';
    context.report({
      message: `very similar to ${best.r.vendor} rule '${best.r.title}' (${best.r.file}): Jaccard similarity ${best.score.toFixed(2)}, ${best.shared} of ${mine.size} predicates shared${more}`,
      loc: rule.titleLoc,
    });
  },
});
