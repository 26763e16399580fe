import { defineCheck } from '../engine/check.js';
import type { SigmaDocument } from '../parse/sigma/document-types.js';
import { otherEntries } from './corpus-duplicate-tables.js';

export default defineCheck({
  meta: {
    id: 'corpus-duplicate-id',
    description: 'A rule id that a rule of the corpus already uses.',
    defaultSeverity: 'error',
    recommended: true,
    usesCorpus: true,
    docs: `Rule ids must be unique across a repository and across the rule sets it is deployed with: SIEMs, release packages and \`related\` links address rules by id, and a duplicate makes one rule silently replace the other. A new rule copied from an existing one often keeps its id.

The linted rule is compared with every corpus rule of the same vendor (a corpus rule being linted is not compared with its own entry). Duplicates among the linted files themselves are \`sigma-id-duplicate\`'s.`,
  },
  check(rule, context) {
    const index = context.index();
    if (!rule.id || !index) return;
    const others = otherEntries(index, rule, index.idRefs(rule.vendor, rule.id));
    if (others.length === 0) return;
    const loc = rule.vendor === 'sigma' ? ((rule.doc as SigmaDocument).id?.loc ?? rule.titleLoc) : rule.titleLoc;
    context.report({ message: `id ${rule.id} is already used by ${others.map((r) => `${r.file} ('${r.title}')`).join(', ')}`, loc });
  },
});
