import { distance } from 'fastest-levenshtein';

/** The allowed value a mistyped one most likely meant, if one is close enough. */
export function nearestValue(value: string, allowed: readonly string[]): string | undefined {
  const v = value.trim().toLowerCase();
  // A shortened value (`Host` for `Hostname`) is as good a guess as a misspelt one.
  const extended = v.length >= 3 ? allowed.filter((a) => a.toLowerCase().startsWith(v)) : [];
  if (extended.length === 1) return extended[0];
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(v.length / 4)) + 1;
  for (const a of allowed) {
    const d = distance(v, a.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [a, d];
  }
  return best;
}

/**
 * Why a value is not one of contentctl's enum values (which it matches
 * exactly, case included), or undefined when it is one. `what` names the
 * field for the message: `type`, `asset_type` …
 */
export function enumProblem(value: string, allowed: readonly string[], what: string): string | undefined {
  if (allowed.includes(value)) return undefined;
  const sameLetters = allowed.find((a) => a.toLowerCase() === value.trim().toLowerCase());
  if (sameLetters) return `${what} '${value}' must be written '${sameLetters}'`;
  const best = nearestValue(value, allowed);
  if (best) return `'${value}' is not one of contentctl's ${what} values; did you mean '${best}'?`;
  const list = allowed.length <= 8 ? ` (${allowed.join(', ')})` : '';
  return `'${value}' is not one of contentctl's ${what} values${list}`;
}
