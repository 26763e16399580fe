import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRuleFile } from '../../src/parse/read-file.js';
import { ROOT } from '../helpers/paths.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-read-'));
const write = (name: string, data: string | Buffer): string => {
  const p = path.join(dir, name);
  writeFileSync(p, data);
  return p;
};

describe('readRuleFile refuses what cannot be a rule, with a place', () => {
  it('binary: points at the NUL byte', () => {
    const r = readRuleFile(write('bin.yml', Buffer.from('title: a\nx\0y')), 1024);
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.problem.message, r.problem.loc.line, r.problem.loc.column]).toEqual(['file is binary (it contains a NUL byte), not a rule', 2, 2]);
  });

  it('not UTF-8', () => {
    const r = readRuleFile(write('latin.yml', Buffer.from([0x74, 0x3a, 0x20, 0xe9, 0x0a])), 1024);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toMatch(/not valid UTF-8 \(byte 0xe9 at offset 3\)/);
  });

  it('empty and whitespace-only', () => {
    const r = readRuleFile(write('empty.yml', '  \n\n'), 1024);
    expect(r.ok || r.problem.message).toBe('file is empty');
  });

  it('too large', () => {
    const r = readRuleFile(write('big.yml', 'a'.repeat(2048)), 1024);
    expect(r.ok || r.problem.message).toBe('file is 2.0 KiB, over the 1.0 KiB limit for a rule file (maxFileSize in the config)');
  });

  it('too large, with the whole size even when reading stopped early', () => {
    const r = readRuleFile(write('huge.yml', 'a'.repeat(3 * 1024 * 1024)), 100 * 1024);
    expect(r.ok || r.problem.message).toBe('file is 3.0 MiB, over the 100.0 KiB limit for a rule file (maxFileSize in the config)');
  });

  it('reads files larger than its first read buffer, and smaller ones after them', () => {
    const big = `title: big\n${'# padding line\n'.repeat(20000)}`;
    const r = readRuleFile(write('large.yml', big), 1024 * 1024);
    expect(r.ok && r.source.text).toBe(big);
    const small = readRuleFile(write('small.yml', 'title: small\n'), 1024 * 1024);
    expect(small.ok && small.source.text).toBe('title: small\n');
  });

  it('missing', () => {
    const r = readRuleFile(path.join(dir, 'nope.yml'), 1024);
    expect(r.ok || r.problem.message).toBe('cannot read file: ENOENT');
  });

  it('UTF-16: says so, not "binary"', () => {
    const le = readRuleFile(write('utf16le.yml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('title: a\n', 'utf16le')])), 1024);
    expect(le.ok || le.problem.message).toBe('file is UTF-16 (little-endian, with a byte order mark), not UTF-8: save it as UTF-8');
    const be = readRuleFile(write('utf16be.yml', Buffer.from([0xfe, 0xff, 0x00, 0x74])), 1024);
    expect(be.ok || be.problem.message).toMatch(/^file is UTF-16 \(big-endian/);
  });

  it('strips a BOM and reads the text', () => {
    const r = readRuleFile(write('bom.yml', '\ufefftitle: a\n'), 1024);
    expect(r.ok && r.source.text).toBe('title: a\n');
  });

  it.skipIf(process.platform === 'win32')('a named pipe: refused at once, not waited on for a writer', () => {
    const fifo = path.join(dir, 'pipe.yml');
    execFileSync('mkfifo', [fifo]);
    // In a child process with a time limit: a read that waits for a writer must fail this test, not hang the suite.
    const readFile = pathToFileURL(path.join(ROOT, 'dist/parse/read-file.js')).href;
    const script = `import(${JSON.stringify(readFile)}).then((m) => { const r = m.readRuleFile(${JSON.stringify(fifo)}, 1024); console.log(r.ok || r.problem.message); })`;
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(child.stdout.trim()).toBe('not a regular file (a named pipe), not a rule');
  });

  it.skipIf(!existsSync('/dev/zero'))('a device: refused as one, not read to the size limit', () => {
    const r = readRuleFile('/dev/zero', 1024);
    expect(r.ok || r.problem.message).toBe('not a regular file (a character device), not a rule');
  });
});
