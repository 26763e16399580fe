import { defineCheck } from '../engine/check.js';
import type { SigmaDocument } from '../parse/sigma/document-types.js';

export default defineCheck({
  meta: {
    id: 'sigmahq-title-first',
    description: 'A Sigma rule whose first key is not `title`.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    fixable: false,
    docs: `SigmaHQ files start with the title so that a rule is recognised at a glance and tools that read the first line (file lists, diffs) show it. Files with several YAML documents are not checked, as in SigmaHQ's \`test_title_in_first_line\`.`,
  },
  check(rule, context) {
    if (rule.vendor !== 'sigma') return;
    const doc = rule.doc as SigmaDocument;
    if (doc.legacyGlobal || doc.index > 0 || hasSecondDocument(rule.source.text)) return;
    const first = Object.keys(doc.data)[0];
    if (first !== undefined && first !== 'title') context.report({ message: `the first key is '${first}': put 'title' first`, loc: doc.locateKey([first]) ?? doc.loc });
  },
});

/** A `---` line after some content: a multi-document file. */
function hasSecondDocument(text: string): boolean {
  const at = text.search(/\n---[ \t]*(\r?\n|$)/);
  return at >= 0 && text.slice(at + 4).trim() !== '';
}
