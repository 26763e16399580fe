import { describe, expect, it } from 'vitest';
import { detectionDigest, detectionFingerprint, digestKey, type FingerprintInput } from '../../src/index/fingerprint.js';

const image = 'process.name\u0000eq\u0000certutil.exe';
const command = 'process.command_line\u0000contains\u0000urlcache';
const parent = 'process.parent.name\u0000eq\u0000explorer.exe';

function rule(predicates: Array<[string, string]>, events = ['sysmon:1'], vendor = 'sigma'): FingerprintInput {
  return { vendor, events, predicates: predicates.map(([key, role]) => ({ key, role })) };
}

describe('detection digest', () => {
  it('is the same for the same (key, role) pairs in any order and with repeats, as the fingerprint is', () => {
    const a = rule([[image, 'indicator'], [command, 'indicator'], [parent, 'exclusion']]);
    const b = rule([[parent, 'exclusion'], [command, 'indicator'], [image, 'indicator'], [command, 'indicator']]);
    expect(detectionFingerprint(a)).toBe(detectionFingerprint(b));
    expect(detectionDigest(a)).toEqual(detectionDigest(b));
  });

  it('differs when a role, a key, the events or the vendor differ', () => {
    const base = detectionDigest(rule([[image, 'indicator'], [parent, 'exclusion']]));
    const others = [
      rule([[image, 'indicator'], [parent, 'indicator']]),
      rule([[image, 'indicator'], [command, 'exclusion']]),
      rule([[image, 'indicator']]),
      rule([[image, 'indicator'], [parent, 'exclusion'], [command, 'scope']]),
      rule([[image, 'indicator'], [parent, 'exclusion']], ['security:4688']),
      rule([[image, 'indicator'], [parent, 'exclusion']], ['sysmon:1', 'security:4688']),
      rule([[image, 'indicator'], [parent, 'exclusion']], ['sysmon:1'], 'splunk'),
    ].map(detectionDigest);
    expect(new Set([base, ...others].map((d) => digestKey(d!))).size).toBe(others.length + 1);
  });

  it('is undefined without predicates, like the fingerprint', () => {
    expect(detectionDigest(rule([]))).toBeUndefined();
    expect(detectionFingerprint(rule([]))).toBeUndefined();
  });
});

describe('digest words', () => {
  it('are two unsigned 32-bit integers, as the index\'s digest table keeps them', () => {
    const digests = [[[image, 'indicator']], [[command, 'exclusion'], [parent, 'scope']]].map((p) => detectionDigest(rule(p as Array<[string, string]>))!);
    for (const { hi, lo } of digests) for (const w of [hi, lo]) expect(Number.isInteger(w) && w >= 0 && w <= 0xffffffff).toBe(true);
  });

  it('give a string key that tells digests apart', () => {
    expect(digestKey({ hi: 1, lo: 23 })).not.toBe(digestKey({ hi: 12, lo: 3 }));
    expect(digestKey({ hi: 1, lo: 23 })).toBe(digestKey({ hi: 1, lo: 23 }));
  });
});
