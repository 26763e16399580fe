import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeTable, encodeTable } from '../../src/attack/cache-codec.js';
import { compileAttackTable, DEFAULT_ATTACK_OPTIONS, loadAttack } from '../../src/attack/load-attack.js';
import type { AttackData } from '../../src/attack/types.js';
import { ROOT } from '../helpers/paths.js';
import { MINI_V18 } from './real-data.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-attack-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Everything a caller can see of a table. */
function snapshot(d: AttackData): unknown {
  return {
    version: d.version,
    tactics: d.tactics(),
    techniques: d.techniques(),
    retired: d.tactic('defense-evasion') ?? null,
    canonical: d.techniques().map((t) => d.canonicalTechniqueId(t.id)),
  };
}

function cacheFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
}

describe('the compiled table cache on the real data', () => {
  it('encodes and decodes the overlaid table to an identical table', () => {
    const { table } = compileAttackTable(DEFAULT_ATTACK_OPTIONS(ROOT));
    const roundTrip = decodeTable(JSON.parse(JSON.stringify(encodeTable(table))));
    expect(roundTrip).toEqual(table);
  });

  it('writes once, then serves an identical table from the cache', () => {
    const cacheDir = path.join(tmp, 'real');
    const options = { ...DEFAULT_ATTACK_OPTIONS(ROOT), cacheDir };
    const cold = loadAttack(options);
    const files = cacheFiles(cacheDir);
    expect(files).toHaveLength(1);
    const written = statSync(path.join(cacheDir, files[0] as string)).mtimeMs;
    const warm = loadAttack(options);
    expect(snapshot(warm)).toEqual(snapshot(cold));
    expect(warm.warnings).toEqual(cold.warnings);
    expect(warm.resolve('T1562')).toEqual(cold.resolve('T1562'));
    expect(statSync(path.join(cacheDir, files[0] as string)).mtimeMs).toBe(written);
    // Small enough to read in a few milliseconds (the bundle is 7.8 MB).
    expect(statSync(path.join(cacheDir, files[0] as string)).size).toBeLessThan(150_000);
  });
});

describe('cache invalidation (a temp copy of a small synthetic bundle)', () => {
  const inputDir = path.join(tmp, 'inputs');
  const cacheDir = path.join(tmp, 'mini-cache');
  const bundle = path.join(inputDir, 'bundle.json');
  const crosswalk = path.join(inputDir, 'crosswalk.yaml');

  it('is rebuilt when an input changes (same size, new mtime), and another input set gets its own file', () => {
    mkdirSync(inputDir);
    copyFileSync(MINI_V18, bundle);
    const options = { bundle, cacheDir };

    const first = loadAttack(options);
    expect(first.technique('T1102')?.name).toBe('Web Service');
    expect(cacheFiles(cacheDir)).toHaveLength(1);

    // Same size, new content and mtime: rename a technique in place.
    const text = readFileSync(bundle, 'utf8').replace('"Web Service"', '"Web Servicf"');
    writeFileSync(bundle, text);
    const later = new Date(statSync(bundle).mtimeMs + 5_000);
    utimesSync(bundle, later, later);
    const second = loadAttack(options);
    expect(second.technique('T1102')?.name).toBe('Web Servicf');
    // Rewritten in place: a stale table is not left behind.
    expect(cacheFiles(cacheDir)).toHaveLength(1);

    // A warm load now serves the new content.
    expect(loadAttack(options).technique('T1102')?.name).toBe('Web Servicf');

    // Adding an input is a different key as well.
    expect(second.resolve('T1999').status).toBe('unknown');
    writeFileSync(crosswalk, "target_version: '18'\ntechniques:\n  T1999: null\n  T1102: { id: T1647 }\n");
    const third = loadAttack({ ...options, crosswalks: [crosswalk] });
    expect(third.resolve('T1999').status).toBe('revoked');
    expect(third.warnings).toEqual([`attack: crosswalk ${crosswalk}: ignored T1102 (still active)`]);
    expect(cacheFiles(cacheDir)).toHaveLength(2);
    const warm = loadAttack({ ...options, crosswalks: [crosswalk] });
    expect(warm.warnings).toEqual(third.warnings);
    expect(warm.resolve('T1999').status).toBe('revoked');
  });

  it('rebuilds over a corrupt cache file', () => {
    const options = { bundle, cacheDir };
    const before = loadAttack(options);
    for (const f of cacheFiles(cacheDir)) writeFileSync(path.join(cacheDir, f), '{"key": 1, "table": [');
    const after = loadAttack(options);
    expect(snapshot(after)).toEqual(snapshot(before));
  });

  it('never writes beside the input files', () => {
    const before = readdirSync(inputDir).sort();
    const d = loadAttack({ bundle, cacheDir: inputDir });
    expect(d.warnings).toEqual([`attack: not caching in ${inputDir}: it holds the input files`]);
    expect(readdirSync(inputDir).sort()).toEqual(before);
  });

  it('reports an unwritable cache folder as a warning', () => {
    const notADir = path.join(tmp, 'a-file');
    writeFileSync(notADir, '');
    const d = loadAttack({ bundle, cacheDir: path.join(notADir, 'cache') });
    expect(d.technique('T1102')).toBeDefined();
    expect(d.warnings).toHaveLength(1);
    expect(d.warnings[0]).toMatch(/cannot write the ATT&CK cache/);
  });
});
