import { hash } from 'node:crypto';

/**
 * What a rule's detection is made of, as the index keeps it: vendor, events,
 * and its normalised predicate keys with their roles. Rules with equal
 * fingerprints are candidates for an exact duplicate. Undefined for a rule
 * without predicates.
 */
export function detectionFingerprint(r: { vendor: string; events: readonly string[]; predicates: readonly { key: string; role: string }[] }): string | undefined {
  if (r.predicates.length === 0) return undefined;
  const keys = [...new Set(r.predicates.map((p) => `${p.key}\u0001${p.role}`))].sort();
  return `${r.vendor}\u0002${[...r.events].sort().join(',')}\u0002${keys.join('\u0003')}`;
}

/** A short stable digest of a fingerprint, as the index stores it (one-shot `hash`: a Hash object per rule costs more than the digest). */
export function fingerprintDigest(fingerprint: string): string {
  return hash('sha1', fingerprint, 'base64url').slice(0, 16);
}
