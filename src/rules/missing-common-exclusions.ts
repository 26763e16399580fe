import { defineCheck } from '../engine/check.js';
import { sharedExclusions } from '../index/aggregate.js';
import type { ValueRow } from '../index/corpus-index.js';
import type { RuleModel } from '../model/rule.js';
import { describeEvent, describeRow } from '../report/describe.js';
import { exclusionSnippet } from '../report/snippets/index.js';
import { ruleExclusions } from './corpus-rule-keys.js';

interface Options {
  minRules: number;
  minShare: number;
  maxListed: number;
}

interface Gap {
  technique: string;
  event: string;
  ruleCount: number;
  rows: ValueRow[];
}

/** The draft covers a corpus exclusion when it excludes the same row, or the same field with an overlapping value. */
function covers(rule: RuleModel, row: ValueRow): boolean {
  return ruleExclusions(rule).some((e) => e.key === row.key || (e.field === row.field && e.value !== '' && (e.value.includes(row.value) || row.value.includes(e.value))));
}

export default defineCheck<Options>({
  meta: {
    id: 'missing-common-exclusions',
    description: 'The rule excludes none of the false-positive paths that many corpus rules for its technique and event exclude.',
    defaultSeverity: 'warn',
    recommended: true,
    usesCorpus: true,
    hasSuggestions: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minRules: { type: 'integer', minimum: 2, description: 'An exclusion counts when at least this many rules share it' },
        minShare: { type: 'number', minimum: 0, maximum: 1, description: 'and at least this share of the technique’s rules on that event' },
        maxListed: { type: 'integer', minimum: 1, description: 'How many exclusions the message lists' },
      },
    },
    defaultOptions: { minRules: 3, minShare: 0.1, maxListed: 5 },
    docs: `Rules for the same technique that read the same event tend to learn the same false positives: a DLL side-loading rule on image loads excludes the System32, SysWOW64 and WinSxS folders; a PowerShell rule excludes the same management agents. lint-rule groups the corpus's rules by technique and event, collects the exclusions they share (predicates under a top-level NOT), and warns when a draft for that technique and event excludes none of the common ones.

The message lists the top exclusions with how many of the rules share them ("25 of 42 rules"), and a ready-to-paste filter written in the draft's language (also offered as a suggestion in the JSON output). When the draft is itself in the corpus, its own contribution is left out of the counts.

**Options:** \`minRules\` (default 3): an exclusion counts when at least this many rules share it; \`minShare\` (default 0.2): and at least this share of the technique's rules on that event; \`maxListed\` (default 5).`,
  },
  check(rule, context) {
    const index = context.index();
    if (rule.meta) return;
    if (!index || rule.techniques.length === 0 || rule.events.length === 0) return;
    const { minRules, minShare, maxListed } = context.options;
    const attack = context.attack();
    const self = index.selfRefs(rule);
    let best: Gap | undefined;
    for (const technique of new Set(rule.techniques.map((t) => attack.canonicalTechniqueId(t.id)))) {
      for (const event of new Set(rule.events.map((e) => e.key))) {
        const { ruleCount, rows } = sharedExclusions(index.aggregateForEvent(technique, event), self, minRules, minShare);
        if (rows.length === 0) continue;
        // Covering the common exclusions of any one technique/event pair is enough.
        if (rows.some((r) => covers(rule, r))) return;
        const share = (rows[0] as ValueRow).rules / ruleCount;
        if (!best || share > (best.rows[0] as ValueRow).rules / best.ruleCount) best = { technique, event, ruleCount, rows };
      }
    }
    if (!best) return;
    const listed = best.rows.slice(0, maxListed);
    const lines = listed.map((r) => `  - ${describeRow(r)}: ${r.rules} of ${best.ruleCount} rules`);
    const snippet = exclusionSnippet(rule, listed);
    const message = [
      `excludes none of the false positives that ${best.technique} rules reading ${describeEvent(best.event)} commonly exclude:`,
      ...lines,
      ...(snippet ? ['A filter to start from:', snippet] : []),
    ].join('\n');
    context.report({
      message,
      loc: rule.detectionLoc,
      suggestions: [{ description: `Exclude the ${listed.length} most common false-positive paths of ${best.technique} on ${best.event}`, ...(snippet ? { snippet } : {}) }],
    });
  },
});
