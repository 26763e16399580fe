import { closeSync, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { SourceText, fileStart } from '../model/location.js';
import type { ParseProblem } from '../model/rule.js';
import { OPEN_RULE_FILE } from './open-flags.js';
import type { ReadAhead } from './read-ahead.js';

export type ReadResult = { ok: true; source: SourceText } | { ok: false; source: SourceText; problem: ParseProblem };

/**
 * Reads a rule file as UTF-8 text, refusing what cannot be a rule before any
 * parser sees it: missing, too large, binary, not UTF-8, or empty. Each
 * refusal is one fatal problem at the place it concerns.
 */
export function readRuleFile(file: string, maxBytes: number, ahead?: ReadAhead): ReadResult {
  const bytes = ahead?.take(file) ?? readBytes(file, maxBytes);
  return bytes instanceof Uint8Array ? ruleText(bytes) : bytes;
}

/** The file's bytes (in a buffer the next read reuses), or why it cannot be read. */
function readBytes(file: string, maxBytes: number): Buffer | ReadResult {
  let fd: number | undefined;
  try {
    fd = openSync(file, OPEN_RULE_FILE);
    const length = readWhole(fd, maxBytes);
    if (length <= 0) {
      // Only a file that reads as empty or over the limit pays for an fstat: is it a file at all, and how large?
      const stat = fstatSync(fd);
      if (!stat.isFile()) return fail(new SourceText(''), `not a regular file (${fileKind(stat)}), not a rule`);
      if (length < 0) return fail(new SourceText(''), `file is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit for a rule file (maxFileSize in the config)`);
    }
    return scratch.subarray(0, length);
  } catch (err) {
    return fail(new SourceText(''), `cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function fileKind(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isDirectory()) return 'a folder';
  return 'an unknown kind of file';
}

/** The bytes of a rule file as its text, or the fatal problem that says why they are no rule. */
function ruleText(bytes: Buffer): ReadResult {
  // Windows PowerShell 5's Out-File and `>` write UTF-16 with a byte order mark: say so, rather than "binary" at its first NUL.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return fail(new SourceText(''), `file is UTF-16 (${bytes[0] === 0xff ? 'little' : 'big'}-endian, with a byte order mark), not UTF-8: save it as UTF-8`);
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

/**
 * One read buffer for every file, grown to the largest file read so far
 * (at most about twice the size limit). Rule files are small: reading into
 * it until end of file costs less than an fstat (whose Stats object and
 * dates Node builds on every call) plus a buffer per file.
 */
let scratch = Buffer.allocUnsafe(64 * 1024);

/** Reads the whole file into `scratch`; its length, or -1 as soon as it is known to be over `maxBytes`. */
function readWhole(fd: number, maxBytes: number): number {
  let length = 0;
  for (;;) {
    if (length > maxBytes) return -1;
    if (length === scratch.length) {
      const bigger = Buffer.allocUnsafe(scratch.length * 2);
      scratch.copy(bigger, 0, 0, length);
      scratch = bigger;
    }
    const n = readSync(fd, scratch, length, scratch.length - length, null);
    if (n === 0) return length;
    length += n;
  }
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
