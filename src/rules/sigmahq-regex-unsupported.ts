import { defineCheck } from '../engine/check.js';
import { detectionItems, sigmaRuleDoc } from './sigmahq-support.js';

export default defineCheck({
  meta: {
    id: 'sigmahq-regex-unsupported',
    description: 'A `re` value with a lookaround, an atomic group or a possessive quantifier.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['sigma'],
    docs: `Sigma regular expressions must run on every backend, and many SIEM regex engines (RE2 in Google Chronicle and Grafana Loki, Lucene's in Elasticsearch, Splunk's configurations) have no lookahead \`(?=\` \`(?!\`, no lookbehind \`(?<=\` \`(?<!\`, no atomic group \`(?>\` and no possessive quantifier (\`a*+\`, \`a++\`, \`a?+\`, \`a{2}+\`). Rewrite the expression without them, or split it into a selection and a filter.

SigmaHQ's \`sigmahq_unsupported_regex_group_construct\`, extended to possessive quantifiers as the Sigma specification's regular-expression subset asks.`,
  },
  check(rule, context) {
    const doc = sigmaRuleDoc(rule);
    if (!doc) return;
    for (const { item } of detectionItems(doc)) {
      if (!item.modifiers.some((m) => m.name === 're')) continue;
      for (const v of item.values) {
        if (typeof v.value !== 'string') continue;
        const found = unsupportedConstruct(v.value);
        if (found) context.report({ message: `regular expression uses ${found}, which many SIEM regex engines do not support`, loc: v.loc });
      }
    }
  },
});

/** The first unsupported construct of a pattern, described; undefined if none. One pass, no backtracking. */
export function unsupportedConstruct(re: string): string | undefined {
  let inClass = false;
  let afterQuantifier = false;
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\') {
      i++;
      afterQuantifier = false;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      // A `]` right after `[` or `[^` is a literal member of the class.
      if (re[i + 1] === '^') i++;
      if (re[i + 1] === ']') i++;
      afterQuantifier = false;
      continue;
    }
    if (c === '+' && afterQuantifier) return `a possessive quantifier at offset ${i}`;
    if (c === '(' && re[i + 1] === '?') {
      const a = re[i + 2];
      const b = re[i + 3];
      if (a === '=') return 'a lookahead (?=';
      if (a === '!') return 'a negative lookahead (?!';
      if (a === '>') return 'an atomic group (?>';
      if (a === '<' && b === '=') return 'a lookbehind (?<=';
      if (a === '<' && b === '!') return 'a negative lookbehind (?<!';
    }
    if (c === '*' || c === '+' || c === '?') {
      // `x??` / `x*?` is lazy, not possessive; a `?` after a quantifier ends it.
      afterQuantifier = !(c === '?' && afterQuantifier) && !(c === '?' && re[i - 1] === '(');
      continue;
    }
    if (c === '}') {
      afterQuantifier = /\{\d+(,\d*)?$/.test(re.slice(Math.max(0, i - 12), i));
      continue;
    }
    afterQuantifier = false;
  }
  return undefined;
}
