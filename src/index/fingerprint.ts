import { hashPair } from './hash.js';

/** What a fingerprint is computed from: an indexed rule, or a linted rule's normalised predicates. */
export interface FingerprintInput {
  vendor: string;
  events: readonly string[];
  predicates: readonly { key: string; role: string }[];
}

/**
 * What a rule's detection is made of, as the index keeps it: vendor, events,
 * and its normalised predicate keys with their roles. Rules with equal
 * fingerprints are exact-duplicate candidates. Undefined for a rule without
 * predicates.
 */
export function detectionFingerprint(r: FingerprintInput): string | undefined {
  if (r.predicates.length === 0) return undefined;
  const keys = [...new Set(r.predicates.map((p) => `${p.key}\u0001${p.role}`))].sort();
  return `${r.vendor}\u0002${[...r.events].sort().join(',')}\u0002${keys.join('\u0003')}`;
}

/**
 * A 64-bit digest of the fingerprint, as the index stores it and as linted
 * rules are grouped by: equal fingerprints have equal digests. It is computed
 * without building the fingerprint (sorting and joining every predicate key
 * of every rule cost more than the rest of the duplicate check): the set of
 * (key, role) pairs is hashed as a sum of per-pair hashes, which does not
 * depend on their order. Whoever needs certainty compares the fingerprints of
 * the few rules whose digests match.
 */
export function detectionDigest(r: FingerprintInput): string | undefined {
  if (r.predicates.length === 0) return undefined;
  const seen = new Set<string>();
  let lo = 0;
  let hi = 0;
  for (const p of r.predicates) {
    // Most predicates are indicators: their key alone names the pair, without building a string.
    const pair = p.role === 'indicator' ? p.key : `${p.role}\u0001${p.key}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    const [a, b] = hashPair(p.key, p.role.charCodeAt(0));
    lo = (lo + a) >>> 0;
    hi = (hi + b) >>> 0;
  }
  const [a, b] = hashPair(`${r.vendor}\u0002${[...r.events].sort().join(',')}\u0002${seen.size}\u0002${lo}\u0002${hi}`, 0);
  return hex(a) + hex(b);
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}

/** A digest's two 32-bit words, as the index's digest table (binary-tables.ts) keeps them. */
export function digestWords(digest: string): [hi: number, lo: number] {
  return [parseInt(digest.slice(0, 8), 16), parseInt(digest.slice(8, 16), 16)];
}
