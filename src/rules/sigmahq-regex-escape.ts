import { defineCheck } from '../engine/check.js';
import { detectionItems, sigmaRuleDoc } from './sigmahq-support.js';

/**
 * Escapes SigmaHQ allows in `re` values: the punctuation Python's re.escape
 * escapes, the usual classes and anchors (\d \w \s \b \A \Z …), control
 * characters, group back-references and quotes.
 */
const ALLOWED = new Set([...'#$&()*+-.?[\\]^{|}~', ...'AbBdDfnrsStvwWZ', ...'0123456789', '"', "'"]);

export default defineCheck({
  meta: {
    id: 'sigmahq-regex-escape',
    description: 'A `re` value with an escape SigmaHQ does not allow (`\\/`, `\\:`, `\\x41`, …).',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    docs: `Regex engines disagree on escapes of ordinary characters: \`\\/\` and \`\\:\` are literal in PCRE but errors in RE2 and some Java-based engines, and \`\\x\`, \`\\u\`, \`\\p\` mean different things (or nothing) from one backend to the next. SigmaHQ allows only escapes of regex punctuation, the common classes and anchors (\`\\d \\w \\s \\b \\A \\Z …\`), control characters, back-references and quotes. SigmaHQ's \`test_re_invalid_escapes\`.`,
  },
  check(rule, context) {
    const doc = sigmaRuleDoc(rule);
    if (!doc) return;
    for (const { item } of detectionItems(doc)) {
      if (!item.modifiers.some((m) => m.name === 're')) continue;
      for (const v of item.values) {
        if (typeof v.value !== 'string') continue;
        const bad = badEscapes(v.value);
        if (bad.length > 0) context.report({ message: `escape${bad.length > 1 ? 's' : ''} ${bad.map((c) => `\\${c}`).join(' ')} not allowed in a SigmaHQ regular expression`, loc: v.loc });
      }
    }
  },
});

function badEscapes(re: string): string[] {
  const bad: string[] = [];
  for (let i = 0; i < re.length - 1; i++) {
    if (re[i] !== '\\') continue;
    const next = re[i + 1] as string;
    if (!ALLOWED.has(next) && !bad.includes(next)) bad.push(next);
    i++;
  }
  return bad;
}
