import { defineCheck } from '../engine/check.js';
import { forEachStringValue, sigmaDocOf } from './sigma/pysigma-doc.js';

/** Escape sequences a YAML double-quoted string turns into control characters, to name what the author typed. */
const TYPED_AS: Readonly<Record<number, string>> = { 0: '\\0', 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 27: '\\e' };

/** A character below U+001F: a regular expression scans a value's text much faster than a loop over its characters. */
const CONTROL = /[\u0000-\u001e]/;

export default defineCheck({
  meta: {
    id: 'sigma-control-character',
    description: 'A value containing a control character, usually a `\\t` or `\\n` in a double-quoted Windows path (pySigma control_character).',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['sigma'],
    docs: `Reports a string value that contains a control character (code below 31: tab, line feed, carriage return, bell…).

In a YAML double-quoted string a backslash starts an escape: \`"C:\\Windows\\temp"\` holds a tab where \`\\t\` was meant, and \`"\\new"\` a line feed. The rule then looks for a tab in the path and never matches. Use single quotes for Windows paths (\`'C:\\Windows\\temp'\`, where a backslash is itself), or double the backslash. A literal block (\`|\`) with several lines holds line feeds too: split it into several values.

Values under \`re\`, \`base64\` and other converting modifiers are not looked at, as in pySigma. pySigma identifier: \`control_character\`.`,
  },
  check(rule, context) {
    const doc = sigmaDocOf(rule);
    if (!doc) return;
    forEachStringValue(doc, ({ text, value }) => {
      const at = text.search(CONTROL);
      if (at < 0) return;
      const c = text.charCodeAt(at);
      const typed = TYPED_AS[c];
      const what = typed ? `'${typed}' became control character U+${c.toString(16).toUpperCase().padStart(4, '0')}` : `control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
      context.report({ message: `value contains a ${what}: in double quotes a backslash starts an escape; use single quotes or '\\\\'`, loc: value.loc });
    });
  },
});
