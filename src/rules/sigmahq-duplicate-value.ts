import { defineCheck } from '../engine/check.js';
import type { SigmaValue } from '../parse/sigma/document-types.js';
import { detectionItems, modifierNames, sigmaRuleDoc } from './sigmahq-support.js';

/** Modifiers under which a value is compared as written: encoded or regular-expression values, and `cased`. */
const CASED_MODIFIERS = new Set(['base64', 'base64offset', 're', 'i', 'm', 's', 'ignorecase', 'multiline', 'dotall', 'cased']);

export default defineCheck({
  meta: {
    id: 'sigmahq-duplicate-value',
    description: 'A value listed twice in the same list of a selection.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    fixable: false,
    docs: `A repeated value adds nothing but noise, and is often a sign that the value meant to be there was lost in a copy-paste. Values compare case-insensitively, as Sigma matches them, except under \`base64\`, \`base64offset\`, \`re\` and \`cased\`, where case matters.

SigmaHQ's \`test_look_for_duplicate_filters\` and \`sigmahq_field_duplicate_value\`; keyword lists are checked as well.`,
  },
  check(rule, context) {
    const doc = sigmaRuleDoc(rule);
    if (!doc) return;
    const scan = (values: readonly SigmaValue[], cased: boolean, where: string): void => {
      if (values.length < 2) return;
      const seen = new Map<string, SigmaValue>();
      for (const v of values) {
        const text = v.value === null ? '\u0000null' : String(v.value);
        const key = cased ? text : text.toLowerCase();
        const first = seen.get(key);
        if (first) context.report({ message: `duplicate value '${text}' in ${where} (first at line ${first.loc.line})`, loc: v.loc });
        else seen.set(key, v);
      }
    };
    for (const { item, selection } of detectionItems(doc)) {
      scan(item.values, modifierNames(item).some((m) => CASED_MODIFIERS.has(m)), `'${selection.name}' / '${item.key}'`);
    }
    for (const selection of doc.detection?.selections.values() ?? []) scan(selection.keywords, false, `keywords of '${selection.name}'`);
  },
});
