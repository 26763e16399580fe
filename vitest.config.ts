import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // One cache for the whole run, inside the project (git-ignored), built once by the global setup.
    env: { LINT_RULE_CACHE_DIR: path.resolve(import.meta.dirname, '.cache/test') },
    globalSetup: ['test/global-setup.ts'],
  },
});
