import { defineCheck } from '../engine/check.js';
import { corpusTables, isOwnEntry, titleKey } from './corpus-duplicate-tables.js';

export default defineCheck({
  meta: {
    id: 'corpus-duplicate-title',
    description: 'A rule title that a rule of the corpus already has.',
    defaultSeverity: 'warn',
    recommended: false,
    usesCorpus: true,
    docs: `Alerts are listed and triaged by title: two rules with the same title cannot be told apart in a SIEM, and a draft with the title of an existing rule is often a duplicate of it. Titles compare case-insensitively, with rules of the same vendor in the corpus (a corpus rule being linted is not compared with its own entry). Duplicates among the linted files themselves are \`sigma-duplicate-title\`'s.`,
  },
  check(rule, context) {
    const index = context.index();
    if (!rule.title || !index) return;
    const same = corpusTables(index).byTitle.get(titleKey(rule.vendor, rule.title))?.filter((r) => !isOwnEntry(rule, r)) ?? [];
    if (same.length > 0) context.report({ message: `title '${rule.title}' is already used by ${same.map((r) => r.file).join(', ')}`, loc: rule.titleLoc });
  },
});
