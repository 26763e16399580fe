import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { nodeCrypto } from './lazy.js';
import type { FactRecord, LintMessage } from './linter.js';

/** What is kept of one file's lint: its messages (without cross-file ones) and the facts it gave the cross-file checks. */
interface Entry {
  hash: string;
  messages: LintMessage[];
  facts: FactRecord[];
}

interface Stored {
  key: string;
  files: Record<string, Entry>;
}

/**
 * ESLint's `--cache` for lint-rule: a file whose text is unchanged since the
 * last run, under the same key (lint-rule build, config in force, corpus
 * index, ATT&CK inputs), keeps its messages and cross-file facts without
 * being parsed again. Cross-file checks still run over every file's facts,
 * so a duplicate introduced elsewhere is still found. A different key
 * discards the whole cache.
 */
export class ResultCache {
  private readonly files: Record<string, Entry>;
  private dirty = false;

  private constructor(
    private readonly file: string,
    private readonly key: string,
    files: Record<string, Entry>,
  ) {
    this.files = files;
  }

  static open(file: string, key: string): ResultCache {
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as Stored;
      if (stored.key === key) return new ResultCache(file, key, stored.files);
    } catch {
      // Missing or unreadable: start empty.
    }
    return new ResultCache(file, key, {});
  }

  /** An instance method, so that the linter needs only this module's type (it is loaded for --cache only). */
  contentHash(text: string): string {
    return nodeCrypto().createHash('sha1').update(text).digest('base64url');
  }

  get(filePath: string, hash: string): Entry | undefined {
    const e = this.files[filePath];
    return e && e.hash === hash ? e : undefined;
  }

  set(filePath: string, hash: string, messages: LintMessage[], facts: FactRecord[]): void {
    this.files[filePath] = { hash, messages, facts };
    this.dirty = true;
  }

  /** Writes the cache if anything changed (temp file and rename: a crash never leaves half a cache). */
  save(): void {
    if (!this.dirty) return;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.tmp-${process.pid}`;
      writeFileSync(tmp, JSON.stringify({ key: this.key, files: this.files } satisfies Stored));
      renameSync(tmp, this.file);
    } catch {
      // A cache that cannot be written only costs the next run its head start.
    }
  }
}
