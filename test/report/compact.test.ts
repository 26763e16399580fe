import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compact } from '../../src/report/formatters/compact.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';
import { context, lintWith, result } from './sample-results.js';

const root = path.resolve('/work/space');

describe('compact formatter', () => {
  it('prints path:line:col: severity message [id], then a count line', () => {
    const out = compact(
      [
        result(path.join(root, 'rules/a.yml'), [
          { ruleId: 'technique-missing', severity: 1, message: 'no technique', line: 1, column: 1 },
          { ruleId: 'parse-error', severity: 2, message: 'bad YAML', line: 7, column: 3 },
        ]),
        result(path.join(root, 'rules/b.yml'), []),
      ],
      context(root),
    );
    expect(out).toBe('rules/a.yml:1:1: warning no technique [technique-missing]\nrules/a.yml:7:3: error bad YAML [parse-error]\n2 problems (1 error, 1 warning)\n');
  });

  it('puts a multi-line message on one line, joined with " / "', () => {
    const out = compact([result(path.join(root, 'a.yml'), [{ message: 'first line\n  - second\r\n\nthird' }])], context(root));
    expect(out.split('\n')[0]).toBe('a.yml:1:1: warning first line / - second / third [technique-missing]');
  });

  it('says 0 problems on a clean run', () => {
    expect(compact([result(path.join(root, 'a.yml'), [])], context(root))).toBe('0 problems\n');
  });

  it('formats a real run', async () => {
    const drafts = path.join(FIXTURES, 'action/drafts');
    const run = await lintWith('compact', [path.join(drafts, 'bad-condition-reference.yml'), path.join(drafts, 'clean-whoami-discovery.yml')], ROOT);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      "fixtures/action/drafts/bad-condition-reference.yml:19:34: error 'filter_known_installers' is not a search identifier of this detection [sigma-condition-reference]\n1 problem (1 error, 0 warnings)\n",
    );
  });
});
