import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/model/location.js';
import { isSuppressed, parseDirectives } from '../../src/engine/suppressions.js';

const file = [
  'title: x', // 1
  '# lint-rule-disable-next-line technique-missing, field-unknown', // 2
  'tags: []', // 3
  'a: 1 # lint-rule-disable-line noisy-indicators-only -- known', // 4
  '# lint-rule-disable', // 5
  'b: 2', // 6
  '# lint-rule-enable', // 7
  'c: 3', // 8
].join('\n');

describe('suppression comments', () => {
  const d = parseDirectives(new SourceText(file));

  it('reads every directive with its ids', () => {
    expect(d.map((x) => [x.kind, x.line, x.ids])).toEqual([
      ['disable-next-line', 2, ['technique-missing', 'field-unknown']],
      ['disable-line', 4, ['noisy-indicators-only']],
      ['disable', 5, 'all'],
      ['enable', 7, 'all'],
    ]);
  });

  it('disable-next-line covers only the next line and the named checks', () => {
    expect(isSuppressed(d, 'technique-missing', 3)).toBe(true);
    expect(isSuppressed(d, 'field-unknown', 3)).toBe(true);
    expect(isSuppressed(d, 'tactic-unknown', 3)).toBe(false);
    expect(isSuppressed(d, 'technique-missing', 1)).toBe(false);
  });

  it('disable-line covers its own line; the reason after -- is not an id', () => {
    expect(isSuppressed(d, 'noisy-indicators-only', 4)).toBe(true);
    expect(isSuppressed(d, 'known', 4)).toBe(false);
  });

  it('disable … enable covers the lines between', () => {
    expect(isSuppressed(d, 'anything', 6)).toBe(true);
    expect(isSuppressed(d, 'anything', 8)).toBe(false);
  });
});
