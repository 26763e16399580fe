import { lazyRequire } from '../../engine/lazy.js';

/**
 * The `yaml` package, loaded on first use: most files are read by the fast
 * reader, and a one-file run should not pay the package's load time (~30 ms)
 * unless a file needs it.
 */
export const yamlPackage = lazyRequire<typeof import('yaml')>('yaml');
