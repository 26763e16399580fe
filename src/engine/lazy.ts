import { createRequire } from 'node:module';

/**
 * Synchronous, on-demand loading of heavy CommonJS-compatible packages (ajv,
 * yaml) and of Node modules only some runs need. A static import costs their
 * load time (up to tens of ms) on every start, which a one-file pre-commit run
 * cannot afford when it never needs them.
 */
const requireFromHere = createRequire(import.meta.url);

export function lazyRequire<T>(id: string): () => T {
  let mod: T | undefined;
  return () => (mod ??= requireFromHere(id) as T);
}

/** node:crypto, which only the index key, `--cache` and a missing-id fix need: a plain run does not load it. */
export const nodeCrypto = lazyRequire<typeof import('node:crypto')>('node:crypto');
