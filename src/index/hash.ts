/**
 * Two independent 32-bit hashes of a string (two multiply-xorshift lanes in
 * one pass, each finished with MurmurHash3's avalanche), seeded by `seed`.
 */
export function hashPair(s: string, seed: number): [number, number] {
  const salt = Math.imul(seed, 0x27d4eb2f);
  let a = 0x2545f491 ^ salt ^ s.length;
  let b = 0x9e3779b9 ^ salt ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x5bd1e995);
    a ^= a >>> 15;
    b = Math.imul(b ^ c, 0x1b873593);
    b ^= b >>> 13;
  }
  return [avalanche(a), avalanche(b)];
}

function avalanche(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
