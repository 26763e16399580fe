import { defineCheck } from '../engine/check.js';
import { forEachStringValue, sigmaDocOf } from './sigma/pysigma-doc.js';
import { ESCAPED_WILDCARD, sigmaTokens } from './sigma/pysigma-string.js';

export default defineCheck({
  meta: {
    id: 'sigma-escaped-wildcard',
    description: 'A value with an escaped wildcard (`\\*` or `\\?`): make sure the literal character is meant (pySigma escaped_wildcard).',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['sigma'],
    docs: `Reports a string value containing \`\\*\` or \`\\?\`: a wildcard escaped to match a literal asterisk or question mark.

That is right when the log really holds the character (a \`*\` in a command line, a \`?\` in a URL), but in Windows paths it is a frequent slip: \`'C:\\Users\\*\\AppData'\` escapes the wildcard meant to match any user, because a backslash before \`*\` is an escape. Write \`\\\\*\` for a backslash followed by a wildcard. When the literal character is meant, suppress the message for that line.

SigmaHQ's CI turns this validator on and excludes the rules that really mean a literal character. pySigma identifier: \`escaped_wildcard\`.`,
  },
  check(rule, context) {
    const doc = sigmaDocOf(rule);
    if (!doc) return;
    forEachStringValue(doc, ({ text, value }) => {
      if (text.indexOf('\\') < 0) return;
      if (!sigmaTokens(text).includes(ESCAPED_WILDCARD)) return;
      context.report({ message: `'${text}' has an escaped wildcard, which matches a literal '*' or '?': write '\\\\*' if a backslash followed by a wildcard was meant`, loc: value.loc });
    });
  },
});
