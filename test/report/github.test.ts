import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeCommandData, escapeCommandProperty, github } from '../../src/report/formatters/github.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';
import { context, lintWith, result } from './sample-results.js';

const root = path.resolve('/work/space');

describe('github formatter', () => {
  it('writes one ::error or ::warning command per problem, with the workspace-relative path and the full range', () => {
    const out = github(
      [
        result(path.join(root, 'rules/a.yml'), [
          { ruleId: 'sigma-condition-reference', severity: 2, message: 'bad', line: 3, column: 5, endLine: 3, endColumn: 9 },
          { ruleId: 'technique-missing', severity: 1, message: 'no technique', line: 1, column: 1, endLine: 1, endColumn: 7 },
        ]),
        result(path.join(root, 'rules/clean.yml'), []),
      ],
      context(root),
    );
    expect(out.split('\n')).toEqual([
      '::error file=rules/a.yml,line=3,col=5,endLine=3,endColumn=9,title=sigma-condition-reference::bad',
      '::warning file=rules/a.yml,line=1,col=1,endLine=1,endColumn=7,title=technique-missing::no technique',
      '',
    ]);
  });

  it("escapes the message and properties the way the runner decodes them (@actions/core's rules)", () => {
    const out = github([result(path.join(root, 'odd, name: 100%.yml'), [{ message: '50% done\r\nline two\nthree :: x, y' }])], context(root));
    expect(out).toBe('::warning file=odd%2C name%3A 100%25.yml,line=1,col=1,endLine=1,endColumn=2,title=technique-missing::50%25 done%0D%0Aline two%0Athree :: x, y\n');
    // Every command stays on one line whatever the message holds.
    expect(out.trimEnd().split('\n')).toHaveLength(1);
  });

  it('escape helpers encode % first so an existing escape is not decoded twice', () => {
    expect(escapeCommandData('%0A')).toBe('%250A');
    expect(escapeCommandProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('prints nothing when there is nothing to annotate', () => {
    expect(github([result(path.join(root, 'x.yml'), [])], context(root))).toBe('');
  });

  it('annotates a real draft', async () => {
    const run = await lintWith('github', [path.join(FIXTURES, 'action/drafts/bad-condition-reference.yml')], ROOT);
    expect(run.stdout).toBe(
      "::error file=fixtures/action/drafts/bad-condition-reference.yml,line=19,col=34,endLine=19,endColumn=57,title=sigma-condition-reference::'filter_known_installers' is not a search identifier of this detection\n",
    );
  });
});
