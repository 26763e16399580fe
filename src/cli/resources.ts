import path from 'node:path';
import { loadAttack, type AttackData } from '../attack/index.js';
import type { Config } from '../engine/config.js';
import type { Resources } from '../engine/linter.js';
import { ConfigError } from '../engine/config-file.js';
import { openStoredIndex, type StoredIndex } from '../index/store.js';
import { openCorpusIndex } from '../index/open.js';
import { progressBar } from '../report/progress.js';

/**
 * The ATT&CK table and corpus index of one run. ATT&CK loads on first use
 * (from its cache: a few ms); the index is opened up front by `openIndex`
 * because building it is asynchronous and may take seconds the first time.
 */
export class RunResources implements Resources {
  readonly notices: string[] = [];
  private attackData: AttackData | undefined;
  private corpus: StoredIndex | undefined;

  constructor(private readonly config: Config) {}

  attack(): AttackData {
    if (!this.attackData) {
      const { bundle, overlays, crosswalks } = this.config.attack;
      try {
        const data = loadAttack({ bundle, overlays, crosswalks, cacheDir: path.join(this.config.cacheDir, 'attack') });
        this.notices.push(...data.warnings);
        this.attackData = data;
      } catch (err) {
        throw new ConfigError(`cannot load ATT&CK from ${bundle}: ${(err as Error).message}`);
      }
    }
    return this.attackData;
  }

  index(): StoredIndex | undefined {
    return this.corpus;
  }

  /** Uses an index the main thread already opened (worker threads): no corpus scan, no build. */
  useIndex(dir: string): void {
    this.corpus = openStoredIndex(dir);
  }

  /** Opens or builds the corpus index; problems become notices and the corpus checks stay silent. */
  /** Set when the index was opened before its corpus was checked (see openCorpusIndex's verifyInBackground). */
  verified: Promise<boolean> | undefined;

  async openIndex(options: { rebuild?: boolean; quietProgress?: boolean; verifyInBackground?: boolean } = {}): Promise<StoredIndex | undefined> {
    if (this.config.corpus.length === 0) return undefined;
    const bar = options.quietProgress ? undefined : progressBar('building corpus index');
    try {
      const opened = await openCorpusIndex({
        roots: this.config.corpus,
        cacheDir: this.config.cacheDir,
        attack: this.attack(),
        attackFiles: [this.config.attack.bundle, ...this.config.attack.overlays, ...this.config.attack.crosswalks],
        ...(bar ? { progress: bar.update } : {}),
        ...(options.rebuild ? { rebuild: true } : {}),
        ...(options.verifyInBackground ? { verifyInBackground: true } : {}),
      });
      this.notices.push(...opened.notices);
      this.corpus = opened.index;
      this.verified = opened.verified;
    } finally {
      bar?.done();
    }
    return this.corpus;
  }
}
