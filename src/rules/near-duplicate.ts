import { defineCheck } from '../engine/check.js';
import type { IndexedRule, SimilarityKeys } from '../index/corpus-index.js';
import type { Role } from '../model/rule.js';
import { ruleKeys } from './corpus-rule-keys.js';
import { otherEntries } from './corpus-duplicate-tables.js';

interface Options {
  threshold: number;
  minPredicates: number;
  sameVendor: boolean;
}

/**
 * The draft's predicates as similarity counts them: each normalised key with
 * the roles (indicator, exclusion) it is written in, scope left out; `size`
 * counts (key, role) pairs.
 */
interface KeySet {
  roles: Map<string, number>;
  size: number;
}

const INDICATOR = 1;
const EXCLUSION = 2;
const ROLE_BITS: Readonly<Record<Role, number>> = { indicator: INDICATOR, exclusion: EXCLUSION, scope: 0 };

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

/**
 * How many (key, role) pairs of a corpus rule the draft has. The corpus
 * rule's keys are distinct per role already: each is one lookup, and no set
 * is built per corpus rule.
 */
function sharedCount(mine: KeySet, theirs: SimilarityKeys): number {
  let shared = 0;
  for (const key of theirs.indicators) if (((mine.roles.get(key) ?? 0) & INDICATOR) !== 0) shared++;
  for (const key of theirs.exclusions) if (((mine.roles.get(key) ?? 0) & EXCLUSION) !== 0) shared++;
  return shared;
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
    let best: { entry: IndexedRule; score: number; shared: number } | undefined;
    let above = 0;
    for (const t of techniques) {
      for (const theirs of index.similarityKeys(t)) {
        if (seen) {
          if (seen.has(theirs.ref)) continue;
          seen.add(theirs.ref);
        }
        if (sameVendor && theirs.vendor !== rule.vendor) continue;
        const size = theirs.indicators.length + theirs.exclusions.length;
        // |A ∩ B| ≤ min and |A ∪ B| ≥ max: sets too different in size cannot reach the threshold.
        if (size < minPredicates || Math.min(mine.size, size) / Math.max(mine.size, size) < threshold) continue;
        const shared = sharedCount(mine, theirs);
        const score = shared / (mine.size + size - shared);
        if (score < threshold) continue;
        // Read only now: to name it, and to tell a copy of the draft from the draft's own entry.
        const [entry] = otherEntries(index, rule, [theirs.ref]);
        if (!entry) continue;
        above++;
        if (!best || score > best.score) best = { entry, score, shared };
      }
    }
    if (!best) return;
    const match = best.entry;
    const more = above > 1 ? ` (and ${above - 1} more above ${threshold})` : '';
    context.report({
      message: `very similar to ${match.vendor} rule '${match.title}' (${match.file}): Jaccard similarity ${best.score.toFixed(2)}, ${best.shared} of ${mine.size} predicates shared${more}`,
      loc: rule.titleLoc,
    });
  },
});
