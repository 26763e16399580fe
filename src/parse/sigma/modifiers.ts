import { distance } from 'fastest-levenshtein';

/**
 * The value modifiers of the Sigma specification (modifiers appendix v2.1)
 * plus the aliases pySigma accepts. Names are case-sensitive, as in pySigma.
 */
export const SIGMA_MODIFIERS: ReadonlySet<string> = new Set([
  // generic
  'all', 'startswith', 'endswith', 'contains', 'exists', 'cased', 'neq',
  // string
  'windash', 're', 'i', 'm', 's', 'ignorecase', 'multiline', 'dotall',
  'base64', 'base64offset', 'utf16le', 'utf16be', 'utf16', 'wide',
  // numeric
  'lt', 'lte', 'gt', 'gte',
  // time
  'minute', 'hour', 'day', 'week', 'month', 'year',
  // ip
  'cidr',
  // specific
  'expand', 'fieldref',
]);

/** Sub-modifiers of `re` and the regex flag each sets. */
export const REGEX_FLAG_MODIFIERS: Readonly<Record<string, 'i' | 'm' | 's'>> = {
  i: 'i', ignorecase: 'i', m: 'm', multiline: 'm', s: 's', dotall: 's',
};

/** One `|`-separated part of a detection key, as offsets into the key text. */
export interface KeyPart {
  text: string;
  start: number;
  end: number;
}

export interface SplitKey {
  /** Null when the key starts with `|` (a field-less keyword item). */
  field: KeyPart | null;
  modifiers: KeyPart[];
}

/** Splits `Image|endswith|all` into the field and its modifiers, keeping each part's offsets. */
export function splitDetectionKey(key: string): SplitKey {
  // Most keys are a bare field name.
  if (key.indexOf('|') < 0) return { field: key === '' ? null : { text: key, start: 0, end: key.length }, modifiers: [] };
  const parts: KeyPart[] = [];
  let start = 0;
  for (let i = 0; i <= key.length; i++) {
    if (i === key.length || key.charCodeAt(i) === 124 /* | */) {
      parts.push({ text: key.slice(start, i), start, end: i });
      start = i + 1;
    }
  }
  const first = parts[0] as KeyPart;
  return { field: first.text === '' ? null : first, modifiers: parts.slice(1) };
}

/** A "did you mean" for an unknown modifier: same name in another case, or one or two edits away. */
export function suggestModifier(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (SIGMA_MODIFIERS.has(lower)) return lower;
  let best: string | undefined;
  // Short names are one edit from too many others to allow two.
  let bestDistance = lower.length <= 3 ? 2 : 3;
  for (const known of SIGMA_MODIFIERS) {
    // `i`, `m`, `s` are one edit from any single letter: never suggest them.
    if (known.length < 2) continue;
    const d = distance(lower, known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}
