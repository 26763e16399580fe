// Bundles the compiled CLI (dist/cli/main.js and what it imports) and its
// worker threads into one CommonJS file each under dist/bundle/. Loading ~300
// small modules costs a one-file lint run about 100 ms of module resolution;
// one file loads in a fraction of it. CommonJS rather than ESM: it starts
// without Node's ESM loader, and bin/lint-rule.js can compile it with V8's
// code cache (src/cli/code-cache.ts), which Node 20 offers no ES module.
// dist/bundle sits at the same depth as dist/<folder>/, so every path the code
// resolves from import.meta.url (tables, schemas, the workers) stays valid.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
// Two tiny CommonJS packages every lint run loads go into the bundle: loading them from
// node_modules costs a one-file run Node's CommonJS loader and its export scan (~15 ms),
// more than their code. The others stay external: they load on demand, when at all.
const BUNDLED_PACKAGES = new Set(['picocolors', 'fastest-levenshtein']);
const { dependencies } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const external = Object.keys(dependencies)
  .filter((name) => !BUNDLED_PACKAGES.has(name))
  .flatMap((name) => [name, `${name}/*`]);
// import.meta.url, which CommonJS lacks, becomes the bundle file's own URL: the few modules that
// use it resolve paths from a folder at the same depth. Dynamic imports become require(): the
// bundle is run by vm.Script (code-cache.ts), which has no ES module loader to hand them to.
const COMMONJS = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: 'var __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  logLevel: 'warning',
};
// The stamps worker (src/index/early-check.ts) and the read-ahead worker (src/parse/read-ahead.ts)
// need only node:fs and node:worker_threads; as CommonJS they start without the ESM loader.
const ENTRIES = [['cli', 'main'], ['engine', 'lint-worker'], ['index', 'stamps-worker'], ['parse', 'read-ahead-worker']];
for (const [folder, name] of ENTRIES) {
  await build({ ...COMMONJS, entryPoints: [path.join(root, 'dist', folder, `${name}.js`)], outfile: path.join(outdir, `${name}.cjs`), external });
}
