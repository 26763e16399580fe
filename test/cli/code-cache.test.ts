import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LARGE_RUN_V8_FLAGS, V8_DEFAULT_FLAGS } from '../../src/engine/large-run.js';
import { CORPUS, ROOT } from '../helpers/paths.js';

interface Exports {
  add(a: number, b: number): number;
  bundleFile: string;
}

/** A small CommonJS "bundle" in a fresh folder, laid out like dist/bundle/ (build stamp one level up). */
function tempBundle(body = ''): { bundle: string; cacheDir: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-code-cache-'));
  mkdirSync(path.join(dir, 'dist', 'bundle'), { recursive: true });
  writeFileSync(path.join(dir, 'dist', 'build-stamp.txt'), 'a1b2c3d4e5f60718293a4b5c6d7e8f90\n');
  const bundle = path.join(dir, 'dist', 'bundle', 'main.cjs');
  writeFileSync(bundle, `${body}\nexports.add = function add(a, b) { return a + b; };\nexports.bundleFile = __filename;\nrequire('node:path');\n`);
  return { bundle, cacheDir: path.join(dir, 'cache') };
}

const cached = (cacheDir: string): string[] => readdirSync(path.join(cacheDir, 'code-cache')).sort();

/**
 * Loads the bundle in a fresh process, as bin/lint-rule.js does, and saves its cache as a run of that size
 * would. A fresh process each time: V8 also caches compiled scripts within a process, by their source, and
 * a second load in this one would find the first's code whatever the cache file held.
 */
function load(bundle: string, cacheDir: string, save?: 'other' | 'lint' | 'large'): { fromCache: boolean; sum: number; file: string } {
  const script = `
    const { loadBundle } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/cli/code-cache.js')).href)});
    const loaded = loadBundle(${JSON.stringify(bundle)}, ${JSON.stringify(cacheDir)});
    ${save ? `loaded.save(${JSON.stringify(save)});` : ''}
    console.log(JSON.stringify({ fromCache: loaded.fromCache, sum: loaded.exports.add(2, 3), file: loaded.exports.bundleFile }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { fromCache: boolean; sum: number; file: string };
}

describe('loadBundle: a CommonJS bundle compiled with V8\'s code cache', () => {
  it('runs the bundle as require() would, then compiles it from the cache it saved', () => {
    const { bundle, cacheDir } = tempBundle();
    expect(load(bundle, cacheDir, 'lint')).toEqual({ fromCache: false, sum: 5, file: bundle });
    expect(cached(cacheDir)).toEqual([expect.stringMatching(/^a1b2c3d4e5f60718-.*-v8-.*\.lint$/)]);
    expect(load(bundle, cacheDir)).toEqual({ fromCache: true, sum: 5, file: bundle });
  });

  it('replaces a cache only with one made by a heavier run: other < lint < large', () => {
    const { bundle, cacheDir } = tempBundle();
    // `--version` first: a cache, but one holding little.
    load(bundle, cacheDir, 'other');
    expect(cached(cacheDir)).toEqual([expect.stringMatching(/\.other$/)]);
    expect(load(bundle, cacheDir, 'lint').fromCache).toBe(true);
    expect(cached(cacheDir)).toEqual([expect.stringMatching(/\.lint$/)]);
    const file = path.join(cacheDir, 'code-cache', cached(cacheDir)[0]!);
    const written = statSync(file).mtimeMs;
    load(bundle, cacheDir, 'lint');
    load(bundle, cacheDir, 'other');
    expect(statSync(file).mtimeMs).toBe(written);

    load(bundle, cacheDir, 'large');
    expect(cached(cacheDir)).toEqual([expect.stringMatching(/\.large$/)]);
    // A small run does not overwrite the large run's cache, which holds more.
    expect(load(bundle, cacheDir, 'lint').fromCache).toBe(true);
    expect(cached(cacheDir)).toEqual([expect.stringMatching(/\.large$/)]);
  });

  it('never uses the cache of another build: a rebuilt bundle is compiled from source and its cache replaces the old one', () => {
    const { bundle, cacheDir } = tempBundle();
    load(bundle, cacheDir, 'lint');
    const old = cached(cacheDir);
    // The same length, so V8's own check (the source's length) would not tell them apart; the cache's name does.
    writeFileSync(bundle, readFileSync(bundle, 'utf8').replace('a + b', 'a - b'));
    utimesSync(bundle, new Date(), new Date(Date.now() + 5_000));
    expect(load(bundle, cacheDir, 'lint')).toMatchObject({ fromCache: false, sum: -1 });
    expect(cached(cacheDir)).toHaveLength(1);
    expect(cached(cacheDir)).not.toEqual(old);
    expect(load(bundle, cacheDir)).toMatchObject({ fromCache: true, sum: -1 });
  });

  it('compiles from source when the stored cache is damaged, and writes a good one', () => {
    const { bundle, cacheDir } = tempBundle();
    load(bundle, cacheDir, 'lint');
    const file = path.join(cacheDir, 'code-cache', cached(cacheDir)[0]!);
    writeFileSync(file, Buffer.alloc(statSync(file).size, 7));
    expect(load(bundle, cacheDir, 'lint')).toMatchObject({ fromCache: false, sum: 5 });
    expect(load(bundle, cacheDir)).toMatchObject({ fromCache: true, sum: 5 });
  });

  it.runIf(process.platform !== 'win32')('neither reads nor writes a cache in a folder others may write to', () => {
    const { bundle, cacheDir } = tempBundle();
    load(bundle, cacheDir, 'lint');
    const folder = path.join(cacheDir, 'code-cache');
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    const file = path.join(folder, cached(cacheDir)[0]!);
    const written = statSync(file).mtimeMs;
    chmodSync(folder, 0o777);
    // Another user could have put code there: it is not run, and nothing is written beside it.
    expect(load(bundle, cacheDir, 'large')).toMatchObject({ fromCache: false, sum: 5 });
    expect(cached(cacheDir)).toEqual([path.basename(file)]);
    expect(statSync(file).mtimeMs).toBe(written);
    chmodSync(folder, 0o700);
    expect(load(bundle, cacheDir).fromCache).toBe(true);
  });

  it('runs without a cache when the cache folder cannot be made (its path is a file)', () => {
    const { bundle, cacheDir } = tempBundle();
    writeFileSync(cacheDir, 'not a folder');
    expect(load(bundle, cacheDir, 'large')).toMatchObject({ fromCache: false, sum: 5 });
  });
});

describe('the V8 flags a large run restores before its code cache is written', () => {
  it('are V8\'s defaults for every flag a large run changes', () => {
    // `node --v8-options` lists each flag with "default: --flag=value".
    const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    const defaults = new Map([...options.matchAll(/default: (--[\w-]+)=(\S+)/g)].map((m) => [m[1], m[2]] as const));
    expect(V8_DEFAULT_FLAGS.map((f) => f.split('=')[0])).toEqual(LARGE_RUN_V8_FLAGS.map((f) => f.split('=')[0]));
    for (const flag of V8_DEFAULT_FLAGS) {
      const [name, value] = flag.split('=') as [string, string];
      expect(defaults.get(name), name).toBe(value);
    }
  });
});

describe('bin/lint-rule.js and its code cache', () => {
  // The code cache goes to LINT_RULE_CACHE_DIR, a folder of this test's own; the index stays in the suite's.
  const run = (cacheDir: string, args: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, 'bin/lint-rule.js'), '--format', 'json', '--cache-dir', path.join(ROOT, '.cache/test'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LINT_RULE_CACHE_DIR: cacheDir },
      maxBuffer: 1 << 28,
    });

  it('gives the same report with and without the cache, and keeps the heaviest run\'s cache for the next run', () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-bin-code-cache-'));
    const folder = path.join(CORPUS, 'sigma/rules/windows/registry');
    const draft = 'fixtures/drafts/sigma-powershell-download.yml';
    expect(run(cacheDir, ['--version']).status).toBe(0);
    expect(cached(cacheDir)).toEqual([expect.stringMatching(/\.other$/)]);
    const cold = run(cacheDir, [draft]);
    expect(cold.status, cold.stderr).toBeLessThan(2);
    expect(cold.stdout).toContain('noisy-indicators-only');
    expect(cached(cacheDir)).toEqual([expect.stringMatching(/\.lint$/)]);
    expect(run(cacheDir, [draft]).stdout).toBe(cold.stdout);

    const large = run(cacheDir, [folder]);
    expect(large.status, large.stderr).toBeLessThan(2);
    expect(cached(cacheDir)).toEqual([expect.stringMatching(/\.large$/)]);
    const file = path.join(cacheDir, 'code-cache', cached(cacheDir)[0]!);
    const written = statSync(file).mtimeMs;
    // A large run changes V8's flags and puts them back before writing: were they not put back, V8
    // would refuse this cache in the next process, which would then write its own again.
    const again = run(cacheDir, [folder]);
    expect(again.stdout).toBe(large.stdout);
    expect(statSync(file).mtimeMs).toBe(written);
    expect(run(cacheDir, [draft]).stdout).toBe(cold.stdout);
    expect(statSync(file).mtimeMs).toBe(written);
  });
});
