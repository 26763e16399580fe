/**
 * A Sigma string as pySigma's SigmaString sees it: one token per character,
 * where `*` and `?` are wildcards unless escaped, `\*` `\?` `\\` are escapes,
 * and any other backslash is itself.
 */
export const LITERAL = 0;
export const STAR = 1;
export const QMARK = 2;
/** A `*` or `?` made literal by a backslash. */
export const ESCAPED_WILDCARD = 3;

export type TokenKind = typeof LITERAL | typeof STAR | typeof QMARK | typeof ESCAPED_WILDCARD;

const C_STAR = 42;
const C_QMARK = 63;
const C_BSLASH = 92;

/** The token kinds of a Sigma string, in order. */
export function sigmaTokens(s: string): TokenKind[] {
  const out: TokenKind[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === C_BSLASH) {
      const n = s.charCodeAt(i + 1);
      if (n === C_STAR || n === C_QMARK) {
        out.push(ESCAPED_WILDCARD);
        i++;
        continue;
      }
      if (n === C_BSLASH) i++;
      out.push(LITERAL);
      continue;
    }
    out.push(c === C_STAR ? STAR : c === C_QMARK ? QMARK : LITERAL);
  }
  return out;
}

/** Whether any token in [from, to) is a wildcard. */
export function hasWildcardIn(tokens: readonly TokenKind[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t === STAR || t === QMARK) return true;
  }
  return false;
}
