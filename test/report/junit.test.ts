import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { junit, xmlAttr, xmlText } from '../../src/report/formatters/junit.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';
import { context, lintWith, result } from './sample-results.js';

const root = path.resolve('/work/space');

/**
 * A small XML 1.0 well-formedness check (no XML parser is a dependency):
 * balanced tags, quoted attributes, known entities only, no characters XML
 * forbids, nothing but whitespace outside the root element.
 */
function checkWellFormed(xml: string): void {
  if (/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(xml)) throw new Error('character not allowed in XML');
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  const stack: string[] = [];
  let rootClosed = false;
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/gy;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = token.exec(body)) !== null) {
    consumed = token.lastIndex;
    const [, close, name, attrs, selfClose, text, stray] = m;
    if (stray) throw new Error(`malformed markup at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
    const checkEntities = (s: string): void => {
      for (const e of s.match(/&[^;]*;?/g) ?? []) if (!/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);$/.test(e)) throw new Error(`bad entity ${e}`);
    };
    if (text !== undefined) {
      if (stack.length === 0 && text.trim() !== '') throw new Error('text outside the root element');
      if (text.includes('>') && !text.includes('&gt;')) throw new Error('unescaped >');
      checkEntities(text);
      continue;
    }
    if (rootClosed) throw new Error('a second root element');
    checkEntities(attrs ?? '');
    if (close) {
      if (stack.pop() !== name) throw new Error(`unbalanced </${name}>`);
      if (stack.length === 0) rootClosed = true;
    } else if (!selfClose) stack.push(name as string);
    else if (stack.length === 0) rootClosed = true;
  }
  if (consumed !== body.length) throw new Error('unparsed input');
  if (stack.length > 0 || !rootClosed) throw new Error(`unclosed ${stack.join(',')}`);
}

describe('junit formatter', () => {
  const out = junit(
    [
      result(path.join(root, 'rules/a&b.yml'), [
        { ruleId: 'parse-error', severity: 2, message: 'YAML: bad "quote" <here>', line: 2, column: 3 },
        { ruleId: 'sigma-condition-reference', severity: 2, message: 'second\nline', line: 5, column: 1 },
        { ruleId: 'technique-missing', severity: 1, message: 'no technique', line: 1, column: 1 },
      ]),
      result(path.join(root, 'rules/warn.yml'), [{ ruleId: 'technique-missing', severity: 1, message: 'no technique' }]),
      result(path.join(root, 'rules/clean.yml'), []),
    ],
    context(root),
  );

  it('is well-formed XML (and the check itself rejects broken XML)', () => {
    expect(() => checkWellFormed(out)).not.toThrow();
    expect(() => checkWellFormed('<a><b></a>')).toThrow();
    expect(() => checkWellFormed('<a x="1 & 2"/>')).toThrow();
    expect(() => checkWellFormed('<a>\u0001</a>')).toThrow();
    expect(() => checkWellFormed('<a><b x=1/></a>')).toThrow();
  });

  it('has one testsuite for the run with one testcase per file, counting files with errors as failures', () => {
    expect(out).toMatch(/<testsuites name="lint-rule" tests="3" failures="1" errors="0">\n {2}<testsuite name="lint-rule" tests="3" failures="1" errors="0" skipped="0">/);
    expect(out.match(/<testcase /g)).toHaveLength(3);
    expect(out).toContain('<testcase name="rules/clean.yml" classname="rules/clean.yml"/>');
  });

  it('lists every error of a file in one failure, and its warnings in system-out', () => {
    expect(out).toContain('<testcase name="rules/a&amp;b.yml" classname="rules/a&amp;b.yml">');
    expect(out).toContain(
      '<failure type="error" message="YAML: bad &quot;quote&quot; &lt;here&gt; (and 1 more error)">2:3 error YAML: bad "quote" &lt;here&gt; [parse-error]\n5:1 error second\n          line [sigma-condition-reference]</failure>',
    );
    expect(out).toContain('<system-out>1:1 warning no technique [technique-missing]</system-out>');
  });

  it('a file with warnings only is a passed test', () => {
    const warnCase = /<testcase name="rules\/warn.yml"[^>]*>([\s\S]*?)<\/testcase>/.exec(out)?.[1] ?? '';
    expect(warnCase).toContain('<system-out>');
    expect(warnCase).not.toContain('<failure');
  });

  it('drops characters XML 1.0 cannot hold and escapes markup', () => {
    expect(xmlText('a\u0000b\u0007c\u001Fd\uFFFEe\uD800f\tg')).toBe('abcdef\tg');
    expect(xmlText('😀 <&>')).toBe('😀 &lt;&amp;&gt;');
    expect(xmlAttr(`"it's"\nnext\ttab`)).toBe('&quot;it&apos;s&quot;&#10;next&#9;tab');
    const dirty = junit([result(path.join(root, 'x.yml'), [{ severity: 2, message: 'nul\u0000 bell\u0007 esc\u001B' }])], context(root));
    expect(() => checkWellFormed(dirty)).not.toThrow();
    expect(dirty).toContain('message="nul bell esc"');
  });

  it('reports a real run', async () => {
    const drafts = path.join(FIXTURES, 'action/drafts');
    const run = await lintWith('junit', [path.join(drafts, 'bad-condition-reference.yml'), path.join(drafts, 'clean-whoami-discovery.yml')], ROOT);
    expect(() => checkWellFormed(run.stdout)).not.toThrow();
    expect(run.stdout).toContain('tests="2" failures="1"');
    expect(run.stdout).toContain('<failure type="error" message="&apos;filter_known_installers&apos; is not a search identifier of this detection">');
  });
});
