import { defineCheck } from '../engine/check.js';
import type { CorpusIndex, Exclude } from '../index/corpus-index.js';
import { parseKey } from '../model/normalize.js';
import type { Predicate } from '../model/rule.js';
import { describeRow } from '../report/describe.js';
import { ruleIndicators, ruleKeys } from './corpus-rule-keys.js';

interface Options {
  minReach: number;
  maxAdvice: number;
}

/** How many companion indicators are looked up for their reach, at most. */
const MAX_CANDIDATES = 100;

/**
 * What rules that share the noisy indicators add to narrow them: the other
 * indicators they use, by how many of them use each, keeping only rows whose
 * own reach is below the threshold.
 */
function narrowing(index: CorpusIndex, techniques: readonly string[], noisy: ReadonlySet<string>, self: Exclude, options: Options): string[] {
  const counts = new Map<string, number>();
  // The index keeps each noisy indicator's companions; with several noisy ones a companion counts its largest tally.
  const stored = techniques.flatMap((t) => [...noisy].map((k) => index.companions(t, k, self)));
  if (stored.every((list) => list !== undefined)) {
    for (const list of stored) for (const [k, n] of list ?? []) if (!noisy.has(k)) counts.set(k, Math.max(counts.get(k) ?? 0, n));
  } else for (const t of techniques) {
    for (const r of index.indicatorKeys(t)) {
      if (self.has(r.ref) || !r.keys.some((k) => noisy.has(k))) continue;
      for (const k of new Set(r.keys)) {
        if (!noisy.has(k)) counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    }
  }
  // The most frequent companions are often high-reach themselves (pwsh.exe beside powershell.exe), so look past them.
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_CANDIDATES);
  const out: string[] = [];
  // Another value of the same field is an alternative (an OR list of tools), not a narrowing; nor is "the field exists".
  const noisyFields = new Set([...noisy].map((k) => parseKey(k).field));
  for (const [key, n] of ranked) {
    const row = parseKey(key);
    if (noisyFields.has(row.field) || row.operator === 'is_not_null' || row.operator === 'is_null') continue;
    if (index.reach(key, self) >= options.minReach) continue;
    out.push(`${describeRow(parseKey(key))} (${n} rule${n === 1 ? '' : 's'})`);
    if (out.length >= options.maxAdvice) break;
  }
  return out;
}

export default defineCheck<Options>({
  meta: {
    id: 'noisy-indicators-only',
    description: 'Every indicator the rule relies on is a high-reach value that many corpus rules use: noisy on its own.',
    defaultSeverity: 'warn',
    recommended: true,
    usesCorpus: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minReach: { type: 'integer', minimum: 1, description: 'An indicator is high-reach when at least this many corpus rules use it' },
        maxAdvice: { type: 'integer', minimum: 0, description: 'How many narrowing indicators to suggest' },
      },
    },
    defaultOptions: { minReach: 20, maxAdvice: 3 },
    docs: `The corpus reach of an indicator (canonical field, operator, value) is the number of corpus rules, across all techniques, that look for it. \`process.name = powershell.exe\` (Sigma \`Image|endswith: '\\powershell.exe'\`) is in hundreds of rules: on its own it matches every PowerShell start. A rule whose every indicator is high-reach will fire on ordinary activity.

Scope predicates (EventID, Channel, event.category, index, EventCode …) only select the telemetry and are not counted as indicators; negated comparisons are not counted either.

The message names each indicator with its reach and suggests what would narrow it: the lower-reach indicators that corpus rules for the same technique combine with it. When the draft is itself in the corpus, its own contribution is left out.

**Options:** \`minReach\` (default 20); \`maxAdvice\` (default 3).`,
  },
  check(rule, context) {
    const index = context.index();
    if (rule.meta) return;
    if (!index) return;
    // Most rules have an indicator below the threshold: their keys are looked up as they come, before any are collected.
    const keys = ruleKeys(rule);
    let self: Exclude | undefined;
    for (let i = 0; i < keys.length; i++) {
      const p = rule.predicates[i] as Predicate;
      if (p.role !== 'indicator' || p.negated) continue;
      self ??= index.selfRefs(rule);
      if (index.reach(keys[i] as string, self) < context.options.minReach) return;
    }
    if (!self) return;
    const byKey = ruleIndicators(rule);
    const reaches = [...byKey.keys()].map((key) => ({ key, reach: index.reach(key, self) }));
    const attack = context.attack();
    const techniques = [...new Set(rule.techniques.map((t) => attack.canonicalTechniqueId(t.id)))];
    const advice = narrowing(index, techniques, new Set(byKey.keys()), self, context.options);
    const listed = reaches.map((r) => `  - ${describeRow(parseKey(r.key))}: in ${r.reach} corpus rules`);
    const tail = advice.length > 0
      ? [`Corpus rules for ${techniques.join(', ')} that use ${reaches.length === 1 ? 'it' : 'them'} narrow with:`, ...advice.map((a) => `  - ${a}`)]
      : ['Combine it with a condition specific to the behaviour (command line, parent process, path or target).'];
    const first = byKey.values().next().value as Predicate;
    context.report({
      message: [`every indicator of this rule is common across the corpus, so it is likely noisy on its own:`, ...listed, ...tail].join('\n'),
      loc: first.loc,
    });
  },
});
