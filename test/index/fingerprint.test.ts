import { describe, expect, it } from 'vitest';
import { detectionDigest, detectionFingerprint, digestWords, type FingerprintInput } from '../../src/index/fingerprint.js';

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
    expect(detectionDigest(a)).toBe(detectionDigest(b));
    expect(detectionDigest(a)).toMatch(/^[0-9a-f]{16}$/);
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
    expect(new Set([base, ...others]).size).toBe(others.length + 1);
  });

  it('is undefined without predicates, like the fingerprint', () => {
    expect(detectionDigest(rule([]))).toBeUndefined();
    expect(detectionFingerprint(rule([]))).toBeUndefined();
  });
});

describe('digest words', () => {
  it('are the two 32-bit halves of the digest', () => {
    const digest = detectionDigest(rule([[image, 'indicator']]))!;
    const [hi, lo] = digestWords(digest);
    expect(hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0')).toBe(digest);
    expect(digestWords('ffffffff00000001')).toEqual([0xffffffff, 1]);
  });
});
