import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdown, markdownCell } from '../../src/report/formatters/markdown.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';
import { context, lintWith, result } from './sample-results.js';

const root = path.resolve('/work/space');
const DOCS = 'https://github.com/lint-rule/lint-rule/blob/main/docs/rules';

describe('markdown formatter', () => {
  const out = markdown(
    [
      result(path.join(root, 'rules/a.yml'), [
        { ruleId: 'technique-missing', severity: 1, message: 'no ATT&CK technique: add `attack.t1059.001`', line: 1, column: 1 },
        { ruleId: 'parse-error', severity: 2, message: 'value *x* | other <field>', line: 7, column: 3 },
        { ruleId: 'parse-error', severity: 2, message: 'first\n  indented', line: 9, column: 1 },
      ]),
      result(path.join(root, 'rules/clean.yml'), []),
      result(path.join(root, 'rules/b.yml'), [{ ruleId: 'not-a-registered-check', severity: 2, message: 'x', line: 2, column: 4 }]),
    ],
    context(root),
  );
  const lines = out.split('\n');

  it('starts with the totals', () => {
    expect(lines.slice(0, 3)).toEqual(['## lint-rule', '', '❌ **4 problems** (3 errors, 1 warning) in 2 of 3 files.']);
  });

  it('counts problems per check, most errors first, linking registered checks to their docs', () => {
    const start = lines.indexOf('| Check | Errors | Warnings |');
    expect(lines.slice(start, start + 5)).toEqual([
      '| Check | Errors | Warnings |',
      '|---|---:|---:|',
      `| [parse-error](${DOCS}/parse-error.md) | 2 | 0 |`,
      '| `not-a-registered-check` | 1 | 0 |',
      `| [technique-missing](${DOCS}/technique-missing.md) | 0 | 1 |`,
    ]);
  });

  it('has a table per file with problems, and none for clean files', () => {
    const start = lines.indexOf('### `rules/a.yml`');
    expect(lines.slice(start, start + 7)).toEqual([
      '### `rules/a.yml`',
      '',
      '| Line:Col | Severity | Check | Message |',
      '|---|---|---|---|',
      `| 1:1 | ⚠️ warning | [technique-missing](${DOCS}/technique-missing.md) | no ATT\\&CK technique: add \`attack.t1059.001\` |`,
      `| 7:3 | ❌ error | [parse-error](${DOCS}/parse-error.md) | value \\*x\\* \\| other \\<field\\> |`,
      `| 9:1 | ❌ error | [parse-error](${DOCS}/parse-error.md) | first<br>&nbsp;&nbsp;indented |`,
    ]);
    expect(out).toContain('### `rules/b.yml`');
    expect(out).not.toContain('clean.yml');
  });

  it('every table row has exactly its columns (no unescaped pipe splits a cell)', () => {
    for (const line of lines.filter((l) => l.startsWith('| '))) {
      const cells = line.replace(/\\\|/g, '').split('|').length - 2;
      expect([3, 4], line).toContain(cells);
    }
  });

  it('says so when there are no problems', () => {
    expect(markdown([result(path.join(root, 'a.yml'), [])], context(root))).toBe('## lint-rule\n\n✅ **No problems** in 1 file.\n');
  });

  it('keeps code spans as code, escaping only their pipes, and treats a lone backtick as text', () => {
    expect(markdownCell('use `a|b` not `c')).toBe('use `a\\|b` not \\`c');
    expect(markdownCell('``x ` y`` [link](u)')).toBe('``x ` y`` \\[link\\](u)');
  });

  it('summarises a real run', async () => {
    const run = await lintWith('markdown', [path.join(FIXTURES, 'action/drafts/bad-condition-reference.yml')], ROOT);
    expect(run.stdout).toContain('### `fixtures/action/drafts/bad-condition-reference.yml`');
    const row = run.stdout.split('\n').find((l) => l.startsWith('| 19:34 |'));
    expect(row).toMatch(/^\| 19:34 \| ❌ error \| (`sigma-condition-reference`|\[sigma-condition-reference\]\(\S+\)) \| /);
    expect(row).toContain("| 'filter\\_known\\_installers' is not a search identifier of this detection |");
  });
});
