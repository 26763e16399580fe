import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileListError, listFiles } from '../../src/engine/file-list.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-files-'));
for (const f of ['a/one.yml', 'a/two.toml', 'a/notes.md', 'a/node_modules/x.yml', 'b/c/three.yaml']) {
  mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
  writeFileSync(path.join(dir, f), 'x: 1\n');
}
const rel = (files: string[]): string[] => files.map((f) => path.relative(dir, f));

describe('listFiles', () => {
  it('walks folders for rule files, skipping node_modules', () => {
    expect(rel(listFiles(['.'], dir))).toEqual(['a/one.yml', 'a/two.toml', 'b/c/three.yaml']);
  });

  it('expands globs from their static prefix', () => {
    expect(rel(listFiles(['b/**/*.yaml', 'a/*.toml'], dir))).toEqual(['a/two.toml', 'b/c/three.yaml']);
  });

  it('takes a named file whatever its extension, and dedupes', () => {
    expect(rel(listFiles(['a/notes.md', 'a/one.yml', 'a'], dir))).toEqual(['a/notes.md', 'a/one.yml', 'a/two.toml']);
  });

  it('says which argument matched nothing', () => {
    expect(() => listFiles(['missing.yml'], dir)).toThrow(new FileListError('no such file or folder: missing.yml'));
    expect(() => listFiles(['zzz/**/*.yml'], dir)).toThrow(/no files match the pattern "zzz\/\*\*\/\*.yml"/);
  });
});
