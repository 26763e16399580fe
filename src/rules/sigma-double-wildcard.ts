import { defineCheck } from '../engine/check.js';
import { forEachStringValue, sigmaDocOf } from './sigma/pysigma-doc.js';
import { sigmaTokens, STAR } from './sigma/pysigma-string.js';

export default defineCheck({
  meta: {
    id: 'sigma-double-wildcard',
    description: 'A value with two `*` wildcards in a row (pySigma double_wildcard).',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['sigma'],
    docs: `Reports a string value containing \`**\`: two unescaped multi-character wildcards next to each other.

\`**\` matches the same as \`*\`, so it is at best noise; often it is left over from an edit (\`'/tmp/**/payload'\` after a folder name was removed), or the author meant a literal asterisk (\`\\*\`). Write one \`*\`, or escape the asterisk that is meant literally.

Values under modifiers that turn them into something other than a wildcard string (\`re\`, \`cidr\`, \`base64\`, \`windash\`, numeric and time comparisons…) are not looked at, as in pySigma. pySigma identifier: \`double_wildcard\`.`,
  },
  check(rule, context) {
    const doc = sigmaDocOf(rule);
    if (!doc) return;
    forEachStringValue(doc, ({ text, value }) => {
      if (text.indexOf('**') < 0) return;
      const tokens = sigmaTokens(text);
      for (let i = 1; i < tokens.length; i++) {
        if (tokens[i] === STAR && tokens[i - 1] === STAR) {
          context.report({ message: `'**' in '${text}' matches the same as '*'`, loc: value.loc });
          return;
        }
      }
    });
  },
});
