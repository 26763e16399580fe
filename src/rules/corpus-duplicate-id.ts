import { defineCheck } from '../engine/check.js';
import type { SigmaDocument } from '../parse/sigma/document-types.js';
import { isOwnEntry } from './corpus-duplicate-tables.js';

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
    // Entries with the id that are not this file's own; their bodies are read only when there are some.
    const own = new Set(index.fileRefs(rule));
    const refs = index.idRefs(rule.vendor, rule.id).filter((ref) => !own.has(ref));
    if (refs.length === 0) return;
    const others = refs.map((ref) => index.rule(ref)).filter((r) => r !== undefined && !isOwnEntry(rule, r));
    if (others.length === 0) return;
    const loc = rule.vendor === 'sigma' ? ((rule.doc as SigmaDocument).id?.loc ?? rule.titleLoc) : rule.titleLoc;
    context.report({ message: `id ${rule.id} is already used by ${others.map((r) => `${r?.file} ('${r?.title}')`).join(', ')}`, loc });
  },
});
