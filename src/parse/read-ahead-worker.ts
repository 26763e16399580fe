import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { OPEN_RULE_FILE } from './open-flags.js';
import { READ_AHEAD_BATCH, READ_AHEAD_WINDOW, type ReadAheadBatch, type ReadAheadInput } from './read-ahead-protocol.js';

/** Reads the run's files in order, a batch per message, never more than the window ahead of the main thread. */
function readAhead({ files, maxBytes, port, taken }: ReadAheadInput): void {
  const takenCount = new Int32Array(taken);
  for (let start = 0; start < files.length; start += READ_AHEAD_BATCH) {
    for (let now = Atomics.load(takenCount, 0); start - now > READ_AHEAD_WINDOW; now = Atomics.load(takenCount, 0)) {
      Atomics.wait(takenCount, 0, now, 100);
    }
    // Files the main thread has already passed were read there.
    const from = Math.max(start, Math.min(Atomics.load(takenCount, 0), start + READ_AHEAD_BATCH));
    const end = Math.min(files.length, start + READ_AHEAD_BATCH);
    if (from >= end) continue;
    const parts: Buffer[] = [];
    const lengths = new Int32Array(end - from);
    for (let i = from; i < end; i++) {
      const bytes = readSmallFile(files[i] as string, maxBytes);
      lengths[i - from] = bytes ? bytes.length : -1;
      if (bytes) parts.push(bytes);
    }
    const joined = Buffer.concat(parts);
    // A fresh ArrayBuffer of exactly these bytes, so it can be transferred rather than copied.
    const bytes = joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.length);
    const batch: ReadAheadBatch = { start: from, lengths, bytes };
    port.postMessage(batch, [bytes]);
  }
}

/** The file's bytes, or undefined when it is not a readable regular file within the limit (the main thread then says why). */
function readSmallFile(file: string, maxBytes: number): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, OPEN_RULE_FILE);
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    const bytes = Buffer.allocUnsafe(stat.size);
    let length = 0;
    while (length < bytes.length) {
      const n = readSync(fd, bytes, length, bytes.length - length, null);
      if (n === 0) break;
      length += n;
    }
    // A file that grew since its stat is left to the main thread, which reads it to its end.
    if (readSync(fd, Buffer.allocUnsafe(1), 0, 1, null) !== 0) return undefined;
    return length === bytes.length ? bytes : bytes.subarray(0, length);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

readAhead(workerData as ReadAheadInput);
