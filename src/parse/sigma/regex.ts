/**
 * Checks a Sigma `re` value. Sigma regexes are PCRE; the check compiles them
 * with JavaScript's engine after rewriting the PCRE constructs JavaScript
 * spells differently or lacks (inline flags, possessive quantifiers, atomic
 * groups, `\A`/`\Z`, `(?P<name>`, …), so only patterns PCRE would reject too
 * are reported. Constructs that cannot be rewritten (recursion, conditionals)
 * are accepted unchecked.
 */

export type RegexCheck =
  | { ok: true; checked: boolean; source: string; flags: string }
  | { ok: false; message: string };

const INLINE_FLAGS = /^[imsxUJn-]*$/;

/** Compiled results per pattern+flags: the corpus repeats many patterns, and RegExp compilation is the costly part. */
const cache = new Map<string, RegexCheck>();

export function checkSigmaRegex(pattern: string, flags = ''): RegexCheck {
  const key = flags + '\u0000' + pattern;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = check(pattern, flags);
  if (cache.size > 5000) cache.clear();
  cache.set(key, result);
  return result;
}

function check(pattern: string, flags: string): RegexCheck {
  const t = translate(pattern);
  if (t === undefined) return { ok: true, checked: false, source: pattern, flags };
  const jsFlags = uniqueFlags(flags + t.flags);
  try {
    new RegExp(t.source, jsFlags);
    return { ok: true, checked: true, source: t.source, flags: jsFlags };
  } catch (e) {
    return { ok: false, message: describe((e as Error).message) };
  }
}

function uniqueFlags(f: string): string {
  let out = '';
  for (const c of 'ims') if (f.includes(c)) out += c;
  return out;
}

/** The engine's message without the echo of the whole pattern. */
function describe(message: string): string {
  const i = message.lastIndexOf(': ');
  return i >= 0 ? message.slice(i + 2) : message;
}

/**
 * Rewrites PCRE-only syntax into JavaScript syntax; undefined when the
 * pattern uses something JavaScript cannot express at all.
 */
function translate(p: string): { source: string; flags: string } | undefined {
  let out = '';
  let flags = '';
  let i = 0;
  const n = p.length;
  /** Whether the previous token was a quantifier (so a following `+` is possessive). */
  let afterQuantifier = false;
  while (i < n) {
    const c = p[i] as string;
    if (c === '\\') {
      const e = p[i + 1];
      afterQuantifier = false;
      if (e === undefined) return { source: out + '\\', flags }; // trailing backslash: let the engine reject it
      switch (e) {
        case 'A':
          out += '^';
          break;
        case 'Z':
        case 'z':
          out += '$';
          break;
        case 'h':
          out += '[ \\t]';
          break;
        case 'H':
          out += '[^ \\t]';
          break;
        case 'R':
          out += '(?:\\r\\n|\\n|\\r)';
          break;
        case 'e':
          out += '\\x1b';
          break;
        case 'a':
          out += '\\x07';
          break;
        case 'G':
        case 'K':
        case 'X':
        case 'C':
          return undefined;
        case 'Q': {
          const end = p.indexOf('\\E', i + 2);
          const lit = p.slice(i + 2, end < 0 ? n : end);
          out += lit.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
          i = end < 0 ? n : end + 2;
          continue;
        }
        case 'x':
          if (p[i + 2] === '{') {
            const close = p.indexOf('}', i + 3);
            if (close < 0) return { source: out + p.slice(i), flags };
            const code = parseInt(p.slice(i + 3, close), 16);
            if (Number.isNaN(code) || code > 0xffff) return undefined;
            out += '\\u' + code.toString(16).padStart(4, '0');
            i = close + 1;
            continue;
          }
          out += '\\x';
          break;
        default:
          out += '\\' + e;
      }
      i += 2;
      continue;
    }
    if (c === '[') {
      const end = classEnd(p, i);
      out += p.slice(i, end);
      i = end;
      afterQuantifier = false;
      continue;
    }
    if (c === '(' && p[i + 1] === '?') {
      afterQuantifier = false;
      const g = translateGroupOpening(p, i);
      if (g === undefined) return undefined;
      out += g.text;
      flags += g.flags;
      i = g.next;
      continue;
    }
    if (c === '*' || c === '+' || c === '?') {
      i++;
      if (afterQuantifier) {
        // `x*+` is possessive (JavaScript has none; the greedy form has the same syntax), `x*?` lazy.
        if (c === '?') out += c;
        afterQuantifier = false;
        continue;
      }
      out += c;
      afterQuantifier = true;
      continue;
    }
    if (c === '{') {
      const close = p.indexOf('}', i);
      if (close > 0 && /^\{\d+(,\d*)?\}$/.test(p.slice(i, close + 1))) {
        out += p.slice(i, close + 1);
        i = close + 1;
        afterQuantifier = true;
        continue;
      }
    }
    out += c;
    i++;
    afterQuantifier = false;
  }
  return { source: out, flags };
}

/** End (exclusive) of the character class starting at `i`, or the end of the pattern. */
function classEnd(p: string, i: number): number {
  let k = i + 1;
  if (p[k] === '^') k++;
  if (p[k] === ']') k++; // a `]` first in a class is literal
  while (k < p.length) {
    const c = p[k];
    if (c === '\\') {
      k += 2;
      continue;
    }
    if (c === '[' && p[k + 1] === ':') {
      const close = p.indexOf(':]', k + 2);
      if (close > 0) {
        k = close + 2;
        continue;
      }
    }
    if (c === ']') return k + 1;
    k++;
  }
  return p.length;
}

/** Rewrites a `(?…` group opening at `i`. */
function translateGroupOpening(p: string, i: number): { text: string; flags: string; next: number } | undefined {
  const rest = p.slice(i + 2, i + 4);
  const c = rest[0];
  if (c === ':' || c === '=' || c === '!') return { text: '(?' + c, flags: '', next: i + 3 };
  if (rest === '<=' || rest === '<!') return { text: '(?' + rest, flags: '', next: i + 4 };
  if (c === '>' || c === '|') return { text: '(?:', flags: '', next: i + 3 };
  if (c === '#') {
    const close = p.indexOf(')', i);
    return { text: '', flags: '', next: close < 0 ? p.length : close + 1 };
  }
  if (c === 'P' && rest[1] === '<') return { text: '(?<', flags: '', next: i + 4 };
  if (c === 'P' && rest[1] === '=') {
    const close = p.indexOf(')', i);
    if (close < 0) return undefined;
    return { text: `\\k<${p.slice(i + 4, close)}>`, flags: '', next: close + 1 };
  }
  if (c === '<' || c === "'") {
    // Named group `(?<name>` (JavaScript syntax) or `(?'name'`.
    if (c === '<') return { text: '(?<', flags: '', next: i + 3 };
    const close = p.indexOf("'", i + 3);
    if (close < 0) return undefined;
    return { text: `(?<${p.slice(i + 3, close)}>`, flags: '', next: close + 1 };
  }
  // Inline flags: `(?i)` for the rest of the pattern, `(?i:…)` for a group. JavaScript
  // has neither on older engines; applying the flag to the whole pattern keeps the syntax check exact.
  let k = i + 2;
  while (k < p.length && /[a-zA-Z-]/.test(p[k] as string)) k++;
  const letters = p.slice(i + 2, k);
  if (letters.length > 0 && INLINE_FLAGS.test(letters) && (p[k] === ')' || p[k] === ':')) {
    const on = letters.split('-')[0] ?? '';
    if (on.includes('x')) return undefined; // extended mode changes how the rest must be read
    const flags = on.replace(/[^ims]/g, '');
    if (p[k] === ')') return { text: '', flags, next: k + 1 };
    return { text: '(?:', flags, next: k + 1 };
  }
  // Recursion, subroutine calls, conditionals, callouts: no JavaScript equivalent.
  if (/^[R0-9&(C+-]/.test(c ?? '')) return undefined;
  return { text: '(?', flags: '', next: i + 2 };
}
