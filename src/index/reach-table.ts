import { hashPair } from './hash.js';

/**
 * Corpus reach (how many rules use a key as an indicator) as the index stores
 * it: each key's 64-bit hash and its count, sorted by hash, in one binary
 * file. Linting a corpus asks for the reach of tens of thousands of keys; as
 * JSON, the key strings were most of what the index read and parsed, while a
 * binary search in a typed array needs no parsing at all. Two keys with the
 * same 64-bit hash would share a count: a chance of about 2^-64 per pair.
 * The numbers are in the machine's byte order (the manifest records it).
 */

/** Numbers per entry: the key's two 32-bit hashes, then its count. */
const STRIDE = 3;

export function encodeReach(counts: ReadonlyMap<string, number>): Uint8Array {
  const entries = [...counts].map(([key, n]): [number, number, number] => [...hashPair(key, 0), n]);
  entries.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const table = new Uint32Array(entries.length * STRIDE);
  entries.forEach((entry, i) => table.set(entry, i * STRIDE));
  return new Uint8Array(table.buffer);
}

export class ReachTable {
  private readonly table: Uint32Array;
  private readonly size: number;

  constructor(bytes: Uint8Array) {
    // A Uint32Array view must start on a 4-byte boundary; a buffer read from a file may not.
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
    this.table = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >> 2);
    this.size = Math.floor(this.table.length / STRIDE);
  }

  /** The count stored for a key; 0 for a key no rule uses. */
  get(key: string): number {
    const [a, b] = hashPair(key, 0);
    const t = this.table;
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const ma = t[mid * STRIDE] as number;
      if (ma < a || (ma === a && (t[mid * STRIDE + 1] as number) < b)) lo = mid + 1;
      else hi = mid;
    }
    const at = lo * STRIDE;
    return lo < this.size && t[at] === a && t[at + 1] === b ? (t[at + 2] as number) : 0;
  }
}
