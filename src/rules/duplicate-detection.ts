import { readFileSync } from 'node:fs';
import { defineCheck, type CollectedFact } from '../engine/check.js';
import type { CorpusIndex, IndexedRule } from '../index/corpus-index.js';
import { detectionFingerprint, digestKey } from '../index/fingerprint.js';
import { SourceText } from '../model/location.js';
import type { RuleModel } from '../model/rule.js';
import type { SigmaDocument } from '../parse/sigma/document-types.js';
import { sigmaParser } from '../parse/sigma/model.js';
import { corpusFilePath, otherEntries } from './corpus-duplicate-tables.js';
import { ruleDigest, ruleFingerprint } from './corpus-rule-keys.js';
import { ruleLogic, shape } from './logic-analysis.js';

export default defineCheck({
  meta: {
    id: 'duplicate-detection',
    description: 'A rule whose detection logic is exactly that of another linted rule or of a corpus rule.',
    defaultSeverity: 'warn',
    recommended: true,
    usesCorpus: true,
    docs: `Two rules with the same logsource and the same detection fire on the same events: the second doubles every alert and splits the tuning effort. The comparison is on meaning, not text: the logsource (product, category, service; \`definition\` ignored), and the condition with its selections as a logic tree whose ANDs and ORs are compared in any order, with values compared as Sigma matches them. Renamed selections or reordered values are still duplicates.

Linted rules are compared with each other and with the corpus (a corpus rule being linted is not compared with its own entry). Against the corpus, candidates are the rules of the same techniques with the same normalised predicates and events (a rule without a technique tag is compared with the linted files only); for Sigma the candidate's file is read to confirm the logic tree. SigmaHQ's \`test_duplicate_detections\`.`,
  },
  check(rule, context) {
    const index = context.index();
    if (!index || rule.techniques.length === 0 || rule.predicates.length === 0) return;
    const digest = ruleDigest(rule);
    if (!digest) return;
    // A rule with the same predicates shares its techniques: the index keeps each technique's fingerprint digests.
    // The rule's own entries (a linted corpus file) are left out before any rule body is read.
    const attack = context.attack();
    const refs = new Set(rule.techniques.flatMap((t) => index.sameFingerprint(attack.canonicalTechniqueId(t.id), digest)));
    if (refs.size === 0) return;
    const others = otherEntries(index, rule, refs);
    if (others.length === 0) return;
    // Equal digests are confirmed on the fingerprints themselves (built only for these few rules).
    const fingerprint = ruleFingerprint(rule);
    const candidates = others.filter((r) => detectionFingerprint(r) === fingerprint);
    if (candidates.length === 0) return;
    const mine = detectionShape(rule);
    const same = candidates.filter((c) => mine === undefined || sameAsCorpus(index, c, mine));
    if (same.length > 0) context.report({ message: `same detection logic as ${same.map((r) => `${r.file} ('${r.title}')`).join(', ')}`, loc: rule.detectionLoc });
  },
  collect(rule, context) {
    const digest = ruleDigest(rule);
    if (!digest) return undefined;
    const index = context.index();
    // The logic tree is compared only within a group of equal fingerprints (rare), by reading those files again.
    return [{ key: digestKey(digest), loc: rule.detectionLoc, data: { inCorpus: index ? index.fileRefs(rule).length > 0 : false, document: rule.documentIndex, sigma: rule.vendor === 'sigma' } }];
  },
  checkProject(context) {
    const groups = new Map<string, CollectedFact[]>();
    for (const f of context.facts) push(groups, f.key, f);
    for (const list of groups.values()) {
      if (list.length < 2) continue;
      const shapes = new Map(list.map((f) => [f, factShape(f)] as const));
      for (const fact of list) {
        // A pair of corpus rules is already reported by the per-rule comparison with the corpus.
        const others = list.filter((o) => o !== fact && !(o.data as FactData).inCorpus && shapes.get(o) === shapes.get(fact));
        if (others.length > 0) context.report(fact, { message: `same detection logic as ${others.map((o) => `${o.file} ('${o.title ?? ''}')`).join(', ')}` });
      }
    }
  },
});

function push<V>(m: Map<string, V[]>, k: string, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** The logsource and the logic tree of a Sigma rule as one comparable string; undefined for other vendors. */
function detectionShape(rule: RuleModel): string | undefined {
  if (rule.vendor !== 'sigma') return undefined;
  const doc = rule.doc as SigmaDocument;
  const logic = ruleLogic(rule);
  if (doc.kind !== 'rule' || !logic) return undefined;
  const ls = doc.logsource;
  return `${ls?.product?.value ?? ''}/${ls?.category?.value ?? ''}/${ls?.service?.value ?? ''}\u0000${shape(logic)}`;
}

const shapeCache = new Map<string, string[]>();

/** Reads a corpus candidate's file and compares its detection with ours. */
function sameAsCorpus(index: CorpusIndex, entry: IndexedRule, mine: string): boolean {
  const file = corpusFilePath(index, entry);
  if (!file) return true;
  let shapes = shapeCache.get(file);
  if (!shapes) {
    shapes = parsedRules(file).map(detectionShape).filter((s): s is string => s !== undefined);
    shapeCache.set(file, shapes);
  }
  return shapes.includes(mine);
}

/** The Sigma rules of a file, parsed again (only for the few files whose fingerprints collide). */
function parsedRules(file: string): RuleModel[] {
  try {
    return sigmaParser.parse(file, new SourceText(readFileSync(file, 'utf8')), {}).rules;
  } catch {
    // An unreadable candidate is not confirmed: no report rather than a guess.
    return [];
  }
}

interface FactData {
  inCorpus: boolean;
  document: number;
  sigma: boolean;
}

/** The detection shape of the rule a fact came from (Sigma), read again from its file; '' for other vendors. */
function factShape(fact: CollectedFact): string {
  const data = fact.data as FactData;
  if (!data.sigma) return '';
  const rule = parsedRules(fact.file).find((r) => r.documentIndex === data.document);
  return (rule && detectionShape(rule)) ?? '';
}

