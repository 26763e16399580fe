import { describe, expect, it } from 'vitest';
import { encodeRefTable, encodeLists, encodeReach, ListsByRef, ReachTable, RefTable } from '../../src/index/binary-tables.js';

const image = 'process.name\u0000eq\u0000certutil.exe';
const command = 'process.command_line\u0000contains\u0000urlcache';
const parent = 'process.parent.name\u0000eq\u0000explorer.exe';

/** The bytes as a file read may hand them over: inside a larger buffer, not on a 4-byte boundary. */
function misaligned(bytes: Uint8Array): Uint8Array {
  const pool = new Uint8Array(bytes.length + 3);
  pool.set(bytes, 1);
  return pool.subarray(1, 1 + bytes.length);
}

describe('reach table', () => {
  const counts = new Map([[image, 412], [command, 3], [parent, 1]]);

  it('finds the count of every stored key, and 0 for a key no rule uses', () => {
    const table = new ReachTable(encodeReach(counts));
    for (const [key, n] of counts) expect(table.get(key)).toBe(n);
    expect(table.get('process.name\u0000eq\u0000cmd.exe')).toBe(0);
    expect(table.get('')).toBe(0);
  });

  it('reads bytes that do not start on a 4-byte boundary', () => {
    const table = new ReachTable(misaligned(encodeReach(counts)));
    expect(table.get(image)).toBe(412);
    expect(table.get(parent)).toBe(1);
  });

  it('answers 0 from an empty table', () => {
    expect(new ReachTable(encodeReach(new Map())).get(image)).toBe(0);
  });
});

describe('lists by ref', () => {
  it('gives each ref its own list, empty for refs without one or out of range', () => {
    const lists = new ListsByRef(misaligned(encodeLists([[7, 8], undefined, [], [9]])));
    expect([...lists.get(0)]).toEqual([7, 8]);
    expect([...lists.get(1)]).toEqual([]);
    expect([...lists.get(2)]).toEqual([]);
    expect([...lists.get(3)]).toEqual([9]);
    expect([...lists.get(4)]).toEqual([]);
    expect([...lists.get(-1)]).toEqual([]);
  });

  it('tells whether a ref\'s list holds a value, without building the list', () => {
    const lists = new ListsByRef(misaligned(encodeLists([[7, 8], undefined, [], [9, 0xffffffff]])));
    expect(lists.has(0, 8)).toBe(true);
    expect(lists.has(0, 9)).toBe(false);
    expect(lists.has(1, 7)).toBe(false);
    expect(lists.has(2, 9)).toBe(false);
    expect(lists.has(3, 9)).toBe(true);
    expect(lists.has(3, 0xffffffff)).toBe(true);
    expect(lists.has(4, 9)).toBe(false);
    expect(lists.has(-1, 7)).toBe(false);
    expect(new ListsByRef(encodeLists([])).has(0, 7)).toBe(false);
  });

  it('keeps full 32-bit values', () => {
    expect([...new ListsByRef(encodeLists([[0xffffffff, 0x80000000]])).get(0)]).toEqual([0xffffffff, 0x80000000]);
  });
});

describe('ref table', () => {
  it('gives the refs stored under a hash and group, ascending, and none for other hashes or groups', () => {
    const table = new RefTable(
      misaligned(
        encodeRefTable([
          [0xfeedbeef, 7, 1, 40],
          [0xfeedbeef, 7, 1, 3],
          [0xfeedbeef, 7, 0, 12],
          [0xfeedbeef, 8, 1, 5],
          [1, 0xffffffff, 1, 9],
        ]),
      ),
    );
    expect(table.refs(0xfeedbeef, 7, 1)).toEqual([3, 40]);
    expect(table.refs(0xfeedbeef, 7, 0)).toEqual([12]);
    expect(table.refs(0xfeedbeef, 8, 1)).toEqual([5]);
    expect(table.refs(1, 0xffffffff, 1)).toEqual([9]);
    expect(table.refs(0xfeedbeef, 7, 2)).toEqual([]);
    expect(table.refs(0xfeedbeef, 6, 1)).toEqual([]);
    expect(table.refs(0, 0, 0)).toEqual([]);
  });

  it('answers nothing from an empty table', () => {
    expect(new RefTable(encodeRefTable([])).refs(1, 2, 0)).toEqual([]);
  });
});
