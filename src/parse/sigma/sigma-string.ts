/**
 * Sigma string values: `*` and `?` are wildcards unless escaped with `\`,
 * `\\` is a backslash, and a backslash before any other character is itself
 * (the specification's escaping rules, as pySigma applies them).
 */

const STAR = 42;
const QMARK = 63;
const BSLASH = 92;

const WILDCARD_CHAR = /[*?]/;

/** Whether the value has a `*` or `?` that is not escaped. */
export function hasUnescapedWildcard(s: string): boolean {
  // Most values have neither character: a regular expression (native code)
  // tells so several times faster than the loop over every character below.
  if (!WILDCARD_CHAR.test(s)) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === BSLASH) {
      const n = s.charCodeAt(i + 1);
      if (n === STAR || n === QMARK || n === BSLASH) i++;
      continue;
    }
    if (c === STAR || c === QMARK) return true;
  }
  return false;
}

/** The plain text of a value without wildcards: escapes resolved. */
export function unescapeSigma(s: string): string {
  if (s.indexOf('\\') < 0) return s;
  let out = '';
  let seg = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) !== BSLASH) continue;
    const n = s.charCodeAt(i + 1);
    if (n === STAR || n === QMARK || n === BSLASH) {
      out += s.slice(seg, i);
      seg = i + 1;
      i++;
    }
  }
  return out + s.slice(seg);
}

/** Whether the character at `i` is escaped (an odd run of backslashes before it). */
function isEscaped(s: string, i: number): boolean {
  let n = 0;
  for (let k = i - 1; k >= 0 && s.charCodeAt(k) === BSLASH; k--) n++;
  return n % 2 === 1;
}

export function startsWithWildcard(s: string): boolean {
  return s.charCodeAt(0) === STAR;
}

export function endsWithWildcard(s: string): boolean {
  const last = s.length - 1;
  return last >= 0 && s.charCodeAt(last) === STAR && !isEscaped(s, last);
}

/**
 * The value of a contains/startswith/endswith item without the wildcards the
 * modifier implies (and any the author also wrote there), if what remains
 * has no other wildcard; undefined if it has, and needs a wildcard pattern.
 */
export function literalCore(s: string, leading: boolean, trailing: boolean): string | undefined {
  let a = 0;
  let b = s.length;
  if (leading) while (a < b && s.charCodeAt(a) === STAR) a++;
  if (trailing) while (b > a && s.charCodeAt(b - 1) === STAR && !isEscaped(s, b - 1)) b--;
  const core = s.slice(a, b);
  return hasUnescapedWildcard(core) ? undefined : unescapeSigma(core);
}

/** The full wildcard pattern a contains/startswith/endswith value stands for, written Sigma-style. */
export function impliedPattern(s: string, leading: boolean, trailing: boolean): string {
  return (leading && !startsWithWildcard(s) ? '*' : '') + s + (trailing && !endsWithWildcard(s) ? '*' : '');
}
