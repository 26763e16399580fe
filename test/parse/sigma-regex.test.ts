import { describe, expect, it } from 'vitest';
import { checkSigmaRegex } from '../../src/parse/sigma/regex.js';

describe('Sigma regex check (PCRE through the JavaScript engine)', () => {
  it.each([
    ['(?i)(set).*&&\\s?set', 'i'],
    ['(?is)^a.b$', 'is'],
    ['foo(?i)bar', 'i'],
    ['(?i:abc)def', 'i'],
    ['(?-i)abc', ''],
    ['(?P<name>abc)(?P=name)', ''],
    ["(?'q'x)", ''],
    ['(?>atomic)+', ''],
    ['a++b*+c?+d{2,3}+', ''],
    ['a*?b+?', ''],
    ['\\Afoo\\Z', ''],
    ['bar\\z', ''],
    ['\\Q(a+b)*\\E', ''],
    ['\\x{41}\\x41', ''],
    ['a(?#a comment)b', ''],
    ['(?<=\\\\)cmd\\.exe(?<!x)', ''],
    ['[[:alpha:]]+', ''],
    ['[]a]', ''],
    ['\\h+\\R', ''],
    ['(?|(a)|(b))', ''],
  ])('accepts %s', (pattern, flags) => {
    const r = checkSigmaRegex(pattern);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.checked).toBe(true);
      expect(r.flags).toBe(flags);
      expect(() => new RegExp(r.source, r.flags)).not.toThrow();
    }
  });

  it('adds the flags of re sub-modifiers', () => {
    const r = checkSigmaRegex('a.b', 'ims');
    expect(r.ok && r.flags).toBe('ims');
  });

  it('accepts recursion and conditionals unchecked rather than rejecting valid PCRE', () => {
    for (const p of ['\\((?:[^()]|(?R))*\\)', '(a)?(?(1)b|c)', '(?x) a b # comment']) {
      const r = checkSigmaRegex(p);
      expect(r).toMatchObject({ ok: true, checked: false });
    }
  });

  it.each([
    ['(unclosed', 'Unterminated group'],
    ['[z-a]', 'Range out of order in character class'],
    ['*abc', 'Nothing to repeat'],
    ['abc)', "Unmatched ')'"],
    ['a{3,1}', 'numbers out of order in {} quantifier'],
    ['(?i)(ab', 'Unterminated group'],
    ['abc\\', '\\ at end of pattern'],
  ])('rejects %s', (pattern, message) => {
    expect(checkSigmaRegex(pattern)).toEqual({ ok: false, message });
  });
});
