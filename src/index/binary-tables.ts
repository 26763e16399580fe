import { hashPair } from './hash.js';

/**
 * The index's look-up tables that linting a corpus reads for every rule, kept
 * as binary files of 32-bit numbers: read, they are used as they are, with no
 * parsing and no objects built. The numbers are in the machine's byte order
 * (the manifest records it).
 */

/** A view of a file's bytes as 32-bit numbers (it must start on a 4-byte boundary; a buffer read from a file may not). */
function words(bytes: Uint8Array): Uint32Array {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  return new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >> 2);
}

/**
 * Corpus reach (how many rules use a key as an indicator) as the index stores
 * it: each key's 64-bit hash and its count, sorted by hash, in one binary
 * file. Linting a corpus asks for the reach of tens of thousands of keys; as
 * JSON, the key strings were most of what the index read and parsed, while a
 * binary search in a typed array needs no parsing at all. Two keys with the
 * same 64-bit hash would share a count: a chance of about 2^-64 per pair.
 */

/** Numbers per entry: the key's two 32-bit hashes, then its count. */
const STRIDE = 3;

/** Fixed-size entries of 32-bit numbers, sorted on all their numbers in order, as the bytes of one table. */
function packSorted(entries: ReadonlyArray<readonly number[]>, stride: number): Uint8Array {
  const sorted = [...entries].sort((x, y) => {
    for (let i = 0; i < stride; i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
    return 0;
  });
  const table = new Uint32Array(sorted.length * stride);
  sorted.forEach((entry, i) => table.set(entry, i * stride));
  return new Uint8Array(table.buffer);
}

export function encodeReach(counts: ReadonlyMap<string, number>): Uint8Array {
  return packSorted([...counts].map(([key, n]) => [...hashPair(key, 0), n]), STRIDE);
}

export class ReachTable {
  private readonly table: Uint32Array;
  private readonly size: number;

  constructor(bytes: Uint8Array) {
    this.table = words(bytes);
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

/**
 * Lists of numbers by rule ref (0, 1, 2 …), as one file: the offset of each
 * rule's list, then the lists one after another. The index keeps there the
 * hashes of each rule's indicator keys, which leaving a linted rule out of
 * corpus reach subtracts.
 */
export function encodeLists(lists: ReadonlyArray<readonly number[] | undefined>): Uint8Array {
  const offsets = lists.length + 1;
  const table = new Uint32Array(offsets + lists.reduce((n, l) => n + (l?.length ?? 0), 0));
  let at = offsets;
  lists.forEach((list, ref) => {
    table[ref] = at;
    for (const n of list ?? []) table[at++] = n;
  });
  table[lists.length] = at;
  return new Uint8Array(table.buffer);
}

export class ListsByRef {
  private readonly table: Uint32Array;

  constructor(bytes: Uint8Array) {
    this.table = words(bytes);
  }

  /** Whether a rule's list holds the value (false for a ref the file does not cover); no list is built. */
  has(ref: number, value: number): boolean {
    if (!this.covers(ref)) return false;
    const end = this.table[ref + 1] as number;
    for (let at = this.table[ref] as number; at < end; at++) if (this.table[at] === value) return true;
    return false;
  }

  /** The list stored for a rule; empty for a ref the file does not cover. */
  get(ref: number): Uint32Array {
    if (!this.covers(ref)) return new Uint32Array(0);
    return this.table.subarray(this.table[ref] as number, this.table[ref + 1] as number);
  }

  /** Whether the file has a list for the ref (the first offset also says how many offsets there are). */
  private covers(ref: number): boolean {
    const offsets = this.table.length > 0 ? (this.table[0] as number) : 0;
    return Number.isInteger(ref) && ref >= 0 && ref + 1 < offsets;
  }
}

/**
 * Refs under 64-bit hashes, as one binary file: one entry [hash high word,
 * hash low word, group, ref] per ref listed, sorted. The index keeps two:
 * each rule's detection digest (fingerprint.ts) under each of its
 * techniques (the group is the technique's number), and the corpus paths and
 * rule ids that find a linted rule's own entries (group 0). Every linted rule
 * looks both up; as JSON, they were parsed in full by every corpus-wide run.
 */

/** Numbers per entry: the hash's two words, the group, the ref. */
const REF_STRIDE = 4;

export type RefEntry = readonly [hi: number, lo: number, group: number, ref: number];

export function encodeRefTable(entries: readonly RefEntry[]): Uint8Array {
  return packSorted(entries, REF_STRIDE);
}

export class RefTable {
  private readonly table: Uint32Array;
  private readonly size: number;

  constructor(bytes: Uint8Array) {
    this.table = words(bytes);
    this.size = Math.floor(this.table.length / REF_STRIDE);
  }

  /** The refs stored under a hash and group, ascending. */
  refs(hi: number, lo: number, group: number): number[] {
    const t = this.table;
    // Entries compare as (hi, lo, group); find the first not below the one asked for. Written out, not
    // as a comparison closure: a run makes one or two lookups per rule, mostly before V8 optimises them.
    let first = 0;
    let last = this.size;
    while (first < last) {
      const mid = (first + last) >>> 1;
      const at = mid * REF_STRIDE;
      const a = t[at] as number;
      const b = t[at + 1] as number;
      if (a < hi || (a === hi && (b < lo || (b === lo && (t[at + 2] as number) < group)))) first = mid + 1;
      else last = mid;
    }
    const out: number[] = [];
    for (let at = first * REF_STRIDE; at < t.length && t[at] === hi && t[at + 1] === lo && t[at + 2] === group; at += REF_STRIDE) out.push(t[at + 3] as number);
    return out;
  }
}
