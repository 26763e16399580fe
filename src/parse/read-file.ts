import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { SourceText, fileStart } from '../model/location.js';
import type { ParseProblem } from '../model/rule.js';

export type ReadResult = { ok: true; source: SourceText } | { ok: false; source: SourceText; problem: ParseProblem };

/**
 * Reads a rule file as UTF-8 text, refusing what cannot be a rule before any
 * parser sees it: missing, too large, binary, not UTF-8, or empty. Each
 * refusal is one fatal problem at the place it concerns.
 */
export function readRuleFile(file: string, maxBytes: number): ReadResult {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    // One open, one fstat, one read: the size is checked before a large file is read.
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    if (size > maxBytes) {
      return fail(new SourceText(''), `file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit for a rule file (maxFileSize in the config)`);
    }
    bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    bytes = bytes.subarray(0, read);
  } catch (err) {
    return fail(new SourceText(''), `cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const before = new SourceText(bytes.subarray(0, nul).toString('latin1'));
    return fail(before, 'file is binary (it contains a NUL byte), not a rule', before.position(nul));
  }
  let text: string;
  if (isUtf8(bytes)) text = bytes.toString('utf8');
  else {
    const bad = firstInvalidUtf8(bytes);
    const before = new SourceText(bytes.subarray(0, bad).toString('latin1'));
    return fail(before, `file is not valid UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16)} at offset ${bad})`, before.position(bad));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const source = new SourceText(text);
  if (text.trim() === '') return fail(source, 'file is empty');
  return { ok: true, source };
}

function fail(source: SourceText, message: string, pos = { line: 1, column: 1 }): ReadResult {
  const loc = pos.line === 1 && pos.column === 1 ? fileStart() : { line: pos.line, column: pos.column, endLine: pos.line, endColumn: pos.column };
  return { ok: false, source, problem: { checkId: 'parse-error', message, loc, severity: 'error', fatal: true } };
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return 0;
}
