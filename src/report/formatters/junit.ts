import type { LintMessage } from '../../engine/linter.js';
import { displayPath, oneLine, plural } from './compact.js';
import type { Formatter } from './types.js';

/**
 * Characters XML 1.0 cannot hold at all, even as character references:
 * C0 controls other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF.
 * (With the `u` flag a lone surrogate is one code point, so it is matched.)
 */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text content: the invalid characters dropped, markup characters escaped. */
export function xmlText(text: string): string {
  return text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also escape quotes, and line breaks and tabs, which parsers would otherwise normalise to spaces. */
export function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/**
 * JUnit XML for CI test reports: one `<testsuite>` for the run, one
 * `<testcase>` per linted file (name and classname are its path), so a clean
 * file shows as a passed test.
 *
 * A file with errors gets one `<failure type="error">` listing every error.
 * Warnings do not fail the test (they do not fail the lint run either): they
 * are listed in the test case's `<system-out>`, where CI test viewers show them
 * beside the passed test.
 */
export const junit: Formatter = (results, ctx) => {
  const cases: string[] = [];
  let failures = 0;
  for (const r of results) {
    const name = xmlAttr(displayPath(r.filePath, ctx.cwd));
    const errors = r.messages.filter((m) => m.severity === 2);
    const warnings = r.messages.filter((m) => m.severity !== 2);
    if (errors.length === 0 && warnings.length === 0) {
      cases.push(`    <testcase name="${name}" classname="${name}"/>`);
      continue;
    }
    const parts = [`    <testcase name="${name}" classname="${name}">`];
    if (errors.length > 0) {
      failures++;
      parts.push(`      <failure type="error" message="${xmlAttr(failureMessage(errors))}">${xmlText(listing(errors))}</failure>`);
    }
    if (warnings.length > 0) parts.push(`      <system-out>${xmlText(listing(warnings))}</system-out>`);
    parts.push('    </testcase>');
    cases.push(parts.join('\n'));
  }
  const counts = `tests="${results.length}" failures="${failures}" errors="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="lint-rule" ${counts}>`,
    `  <testsuite name="lint-rule" ${counts} skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
};

function failureMessage(errors: readonly LintMessage[]): string {
  const first = errors[0] as LintMessage;
  const more = errors.length > 1 ? ` (and ${plural(errors.length - 1, 'more error')})` : '';
  return `${oneLine(first.message)}${more}`;
}

/** One problem per line: `line:col severity message [check-id]`; multi-line messages keep their lines, indented. */
function listing(messages: readonly LintMessage[]): string {
  return messages
    .map((m) => {
      const head = `${m.line}:${m.column} ${m.severity === 2 ? 'error' : 'warning'} `;
      const text = m.message.split(/\r\n|\r|\n/).join(`\n${' '.repeat(head.length)}`);
      return `${head}${text}${m.ruleId ? ` [${m.ruleId}]` : ''}`;
    })
    .join('\n');
}
