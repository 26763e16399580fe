import { closest, distance } from 'fastest-levenshtein';

/** ` (did you mean "high"?)` when a value is a case or a small typo away from an allowed one. */
export function didYouMean(value: string, allowed: readonly string[]): string {
  const lower = value.toLowerCase();
  const same = allowed.find((a) => a.toLowerCase() === lower);
  if (same) return ` (did you mean "${same}"?)`;
  const near = closest(lower, allowed as string[]);
  return near && distance(lower, near) <= 2 ? ` (did you mean "${near}"?)` : '';
}
