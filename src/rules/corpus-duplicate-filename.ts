import path from 'node:path';
import { defineCheck } from '../engine/check.js';
import { corpusTables, fileNameKey, isOwnEntry } from './corpus-duplicate-tables.js';

export default defineCheck({
  meta: {
    id: 'corpus-duplicate-filename',
    description: 'A rule file name that a rule file of the corpus already has.',
    defaultSeverity: 'warn',
    recommended: false,
    usesCorpus: true,
    docs: `Repositories such as SigmaHQ name rule files uniquely, whatever their folder, so that a file name identifies a rule in links, packages and CI output. A draft with the file name of an existing corpus rule (of the same vendor) would clash when merged; pick a name that says what this rule detects. Duplicates among the linted files themselves are \`sigma-duplicate-filename\`'s.`,
  },
  check(rule, context) {
    const index = context.index();
    if (!index) return;
    const same = corpusTables(index).byFileName.get(fileNameKey(rule.vendor, rule.file))?.filter((r) => !isOwnEntry(rule, r)) ?? [];
    // A multi-rule file has several entries under one path: name each path once.
    const files = [...new Set(same.map((r) => r.file))];
    if (files.length > 0) context.report({ message: `file name '${path.basename(rule.file)}' is already used by ${files.join(', ')}`, loc: rule.titleLoc });
  },
});
