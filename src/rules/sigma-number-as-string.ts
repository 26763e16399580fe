import { defineCheck } from '../engine/check.js';
import { forEachStringValue, sigmaDocOf } from './sigma/pysigma-doc.js';

/** What Python's int() accepts without surrounding space: an optional sign, digits, single underscores between digits. */
const INTEGER = /^[+-]?\d+(?:_\d+)*$/;
/** Modifiers that make the value a pattern: `*4688*` is not a number. */
const PATTERN_MODIFIERS = new Set(['contains', 'startswith', 'endswith']);

export default defineCheck({
  meta: {
    id: 'sigma-number-as-string',
    description: "A number written as a quoted string, e.g. `EventID: '4688'` (pySigma number_as_string).",
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['sigma'],
    docs: `Reports a quoted value that is a whole number, such as \`EventID: '4688'\`.

Backends convert numbers and strings differently: a string is matched as text (often case-insensitively, sometimes with wildcards or as a keyword), a number as a number. On a numeric field the quoted form may not match at all, or match more slowly. Write numbers unquoted: \`EventID: 4688\`. Keep the quotes where the field really holds text that happens to be digits and the leading zeros or the text comparison matter.

Values with \`contains\`, \`startswith\` or \`endswith\` are patterns, not numbers, and are not reported. pySigma identifier: \`number_as_string\`.`,
  },
  check(rule, context) {
    const doc = sigmaDocOf(rule);
    if (!doc) return;
    forEachStringValue(doc, ({ text, value, item }) => {
      if (!value.quoted || !INTEGER.test(text)) return;
      if (item?.modifiers.some((m) => PATTERN_MODIFIERS.has(m.name))) return;
      context.report({ message: `'${text}' is a number written as a string: write ${text} without quotes`, loc: value.loc });
    });
  },
});
