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

/** A 64-bit digest, as two unsigned 32-bit words: what the index's digest table (binary-tables.ts) keeps. */
export interface Digest {
  readonly hi: number;
  readonly lo: number;
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
export function detectionDigest(r: FingerprintInput): Digest | undefined {
  if (r.predicates.length === 0) return undefined;
  // A pair is known by 53 bits of its hash (a number a Set holds exactly), not by a string built and hashed
  // again: the digest is then a function of the set of these numbers, so equal pair sets still give equal digests.
  const seen = new Set<number>();
  let sumA = 0;
  let sumB = 0;
  for (const p of r.predicates) {
    const [a, b] = hashPair(p.key, p.role.charCodeAt(0));
    const low = b >>> 11;
    const id = a * 0x200000 + low;
    if (seen.has(id)) continue;
    seen.add(id);
    sumA = (sumA + a) >>> 0;
    sumB = (sumB + low) >>> 0;
  }
  const events = r.events.length < 2 ? r.events.join(',') : [...r.events].sort().join(',');
  const [hi, lo] = hashPair(`${r.vendor}\u0002${events}\u0002${seen.size}\u0002${sumA}\u0002${sumB}`, 0);
  return { hi, lo };
}

/** A digest as a string key (linted rules' facts are grouped by it). */
export function digestKey(d: Digest): string {
  return `${d.hi}:${d.lo}`;
}
