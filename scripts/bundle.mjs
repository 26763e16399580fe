// Bundles the compiled CLI (dist/cli/main.js and what it imports) into a few
// files under dist/bundle/. Loading ~300 small modules costs a one-file lint
// run about 100 ms of module resolution; a bundle loads in a fraction of it.
// dist/bundle sits at the same depth as dist/<folder>/, so every path the code
// resolves from import.meta.url (tables, schemas, the worker) stays valid.
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
await build({
  // The lint worker is an entry too: it shares the CLI's chunks and loads as fast.
  // Named entries keep both at the top of dist/bundle, the depth every import.meta.url path assumes.
  entryPoints: { main: path.join(root, 'dist', 'cli', 'main.js'), 'lint-worker': path.join(root, 'dist', 'engine', 'lint-worker.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  logLevel: 'warning',
});
// The stamps worker (src/index/early-check.ts) as CommonJS: a worker whose script is CommonJS starts
// without Node's ESM loader, about 15 ms sooner, and it only needs node:fs and node:worker_threads.
// The read-ahead worker (src/parse/read-ahead.ts) likewise.
for (const [folder, name] of [['index', 'stamps-worker'], ['parse', 'read-ahead-worker']]) {
  await build({
    entryPoints: [path.join(root, 'dist', folder, `${name}.js`)],
    outfile: path.join(outdir, `${name}.cjs`),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
}
