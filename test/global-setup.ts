/**
 * Builds the ATT&CK cache and the default corpus index once before the test
 * files run, so that tests in parallel workers read one finished index
 * instead of each building their own. A failure here is only reported: the
 * tests that need the index fail on their own with a clearer message.
 */
export default async function setup(): Promise<void> {
  process.env.LINT_RULE_CACHE_DIR ??= new URL('../.cache/test', import.meta.url).pathname;
  if (process.env.LINT_RULE_SKIP_INDEX_SETUP) return;
  try {
    const { loadConfig } = await import('../src/engine/config.js');
    const { ALL_CHECKS } = await import('../src/rules/index.js');
    const { RunResources } = await import('../src/cli/resources.js');
    const config = loadConfig({ cwd: process.cwd(), checks: ALL_CHECKS, noLookup: true });
    await new RunResources(config).openIndex({ quietProgress: true });
  } catch (err) {
    console.warn(`global setup: corpus index not built: ${(err as Error).message}`);
  }
}
