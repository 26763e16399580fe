import { cpSync, mkdtempSync, readFileSync, utimesSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RunResources } from '../../src/cli/resources.js';
import { loadConfig } from '../../src/engine/config.js';
import { openCorpusIndex } from '../../src/index/open.js';
import type { StoredIndex } from '../../src/index/store.js';
import type { IndexedRule } from '../../src/index/corpus-index.js';
import { detectionDigest, detectionFingerprint, digestKey } from '../../src/index/fingerprint.js';
import { normalizePredicate, predicateKey } from '../../src/model/normalize.js';
import { SourceText } from '../../src/model/location.js';
import { sigmaParser } from '../../src/parse/sigma/model.js';
import { buildCatalogPage } from '../../src/report/catalog/page.js';
import { ruleDigest, ruleExclusions, ruleKeys } from '../../src/rules/corpus-rule-keys.js';
import { ALL_CHECKS } from '../../src/rules/index.js';
import { CORPUS, SHARED } from '../helpers/paths.js';

let resources: RunResources;
let index: StoredIndex;

beforeAll(async () => {
  const config = loadConfig({ cwd: process.cwd(), checks: ALL_CHECKS, noLookup: true });
  resources = new RunResources(config);
  index = (await resources.openIndex({ quietProgress: true })) as StoredIndex;
});

function corpusRule(rel: string) {
  const file = path.join(CORPUS, rel);
  const parsed = sigmaParser.parse(file, new SourceText(readFileSync(file, 'utf8')), {});
  return parsed.rules[0]!;
}

describe('corpus index', () => {
  it('holds the whole Sigma corpus', () => {
    const sigma = index.allRules().filter((r) => r.vendor === 'sigma');
    expect(sigma.length).toBe(3750);
  });

  it('explain T1102.002: the four Sigma rules of the seed page and Sysmon 1, 3, 22 and Security 4688 among the events', () => {
    const page = buildCatalogPage('T1102.002', resources.attack(), index)!;
    expect(page.technique.name).toBe('Web Service: Bidirectional Communication');
    expect(page.rulesByVendor.sigma?.map((r) => r.title)).toEqual([
      'Github Self-Hosted Runner Execution',
      'Potentially Suspicious Azure Front Door Connection',
      'Telegram API Access',
      'Telegram Bot API Request',
    ]);
    expect(page.events.map((e) => e.key)).toEqual(expect.arrayContaining(['sysmon:1', 'sysmon:3', 'sysmon:22', 'security:4688']));
    expect(page.events.find((e) => e.key === 'sysmon:1')).toMatchObject({ provider: 'Sysmon', label: 'Event ID 1', title: 'Process creation' });
  });

  it('leaves a linted corpus rule out of the aggregates it is compared with', () => {
    const rule = corpusRule('sigma/rules/windows/image_load/image_load_side_load_dbgcore.yml');
    const self = index.selfRefs(rule);
    expect(self.size).toBe(1);
    const all = index.aggregateForEvent('T1574.001', 'sysmon:7');
    const without = index.aggregateForEvent('T1574.001', 'sysmon:7', self);
    expect(without.ruleCount).toBe(all.ruleCount - 1);
    const winsxs = all.exclusions.find((r) => r.field === 'dll.path' && r.value === 'c:\\windows\\winsxs\\')!;
    expect(without.exclusions.find((r) => r.key === winsxs.key)?.rules).toBe(winsxs.rules - 1);
    const indicator = rule.predicates.find((p) => p.role === 'indicator')!;
    expect(index.reach(predicateKey(indicator), self)).toBe(index.reach(predicateKey(indicator)) - 1);
  });

  it('gives each rule of a technique its indicator keys (not negated), as the rules themselves hold them', () => {
    const fromRules = index.rulesOf('T1574.001').map((r) => ({ ref: r.ref, keys: r.predicates.filter((p) => p.role === 'indicator' && !p.negated).map((p) => p.key) }));
    expect(fromRules.some((r) => r.keys.length > 1)).toBe(true);
    expect(index.indicatorKeys('T1574.001')).toEqual(fromRules);
    expect(index.indicatorKeys('T0000')).toEqual([]);
  });

  it('gives each rule of a technique its distinct indicator and exclusion keys (negated indicators included, scope left out)', () => {
    const distinct = (r: IndexedRule, role: string): string[] => [...new Set(r.predicates.filter((p) => p.role === role).map((p) => p.key))];
    for (const t of ['T1574.001', 'T1059.001']) {
      const fromRules = index.rulesOf(t).map((r) => ({ ref: r.ref, vendor: r.vendor, indicators: distinct(r, 'indicator'), exclusions: distinct(r, 'exclusion') }));
      expect(fromRules.some((r) => r.exclusions.length > 0)).toBe(true);
      expect(index.similarityKeys(t)).toEqual(fromRules);
    }
    expect(index.rulesOf('T1059.001').some((r) => r.predicates.some((p) => p.role === 'indicator' && p.negated))).toBe(true);
    expect(index.similarityKeys('T0000')).toEqual([]);
  });

  it('gives every rule\'s title and file in ref order, as the rules themselves hold them', () => {
    expect(index.ruleNames()).toEqual(index.allRules().map(({ ref, vendor, title, file }) => ({ ref, vendor, title, file })));
  });

  it('finds a copy of a corpus rule elsewhere by its id', () => {
    const rule = corpusRule('sigma/rules/windows/image_load/image_load_side_load_dbgcore.yml');
    expect(index.selfRefs({ ...rule, file: '/tmp/elsewhere/draft.yml' }).size).toBe(1);
  });

  it('answers each id with its own rules, also when ids alternate (the last answer is kept)', () => {
    const a = corpusRule('sigma/rules/windows/image_load/image_load_side_load_dbgcore.yml');
    const b = corpusRule('sigma/rules/windows/image_load/image_load_side_load_coregen.yml');
    const [refA] = index.fileRefs(a);
    const [refB] = index.fileRefs(b);
    expect(refA).not.toBe(refB);
    for (let i = 0; i < 2; i++) {
      expect(index.idRefs('sigma', a.id!)).toEqual([refA]);
      expect(index.idRefs('sigma', a.id!.toUpperCase())).toEqual([refA]);
      expect(index.idRefs('sigma', b.id!)).toEqual([refB]);
      expect(index.idRefs('elastic', b.id!)).toEqual([]);
    }
  });

  it('keeps what it derives per rule model apart: a copy elsewhere or with other predicates gets its own answers', () => {
    const rule = corpusRule('sigma/rules/windows/image_load/image_load_side_load_dbgcore.yml');
    expect(index.fileRefs(rule)).toHaveLength(1);
    expect(index.fileRefs(rule)).toHaveLength(1);
    expect(index.fileRefs({ ...rule, file: '/tmp/elsewhere/image_load_side_load_dbgcore.yml' })).toEqual([]);
    const digest = ruleDigest(rule);
    const [ref] = index.fileRefs(rule);
    expect(digest).toEqual(detectionDigest(index.rule(ref!)!));
    expect(ruleDigest({ ...rule, predicates: rule.predicates.slice(1) })).not.toEqual(digest);
    expect(ruleDigest(rule)).toEqual(digest);
  });

  it('finds a corpus file\'s entries however its path is written', () => {
    const rule = corpusRule('sigma/rules/windows/image_load/image_load_side_load_dbgcore.yml');
    const refs = index.fileRefs(rule);
    expect(refs).toHaveLength(1);
    const dir = path.dirname(rule.file);
    const written = [
      path.relative(process.cwd(), rule.file),
      `${dir}//./${path.basename(rule.file)}`,
      `${dir}/../image_load/${path.basename(rule.file)}`,
    ];
    for (const file of written) expect(index.fileRefs({ ...rule, file })).toEqual(refs);
    expect(index.fileRefs({ ...rule, file: `${dir}/../${path.basename(rule.file)}` })).toEqual([]);
    expect(index.fileRefs({ ...rule, file: '' })).toEqual([]);
  });

  it('gives the keys of a rule\'s predicates in their order, as predicateKey gives them one by one', () => {
    const rule = corpusRule('sigma/rules/windows/image_load/image_load_side_load_dbgcore.yml');
    expect(rule.predicates.length).toBeGreaterThan(2);
    expect(ruleKeys(rule)).toEqual(rule.predicates.map((p) => predicateKey(p)));
    expect(ruleKeys({ ...rule, predicates: rule.predicates.slice(1) })).toEqual(ruleKeys(rule).slice(1));
  });

  it('gives a rule\'s exclusions normalised, in their order', () => {
    const rule = corpusRule('sigma/rules/windows/image_load/image_load_side_load_dbgcore.yml');
    const exclusions = rule.predicates.filter((p) => p.role === 'exclusion');
    expect(exclusions.length).toBeGreaterThan(1);
    expect(ruleExclusions(rule)).toEqual(exclusions.map((p) => ({ key: predicateKey(p), field: normalizePredicate(p).field, value: normalizePredicate(p).value })));
    expect(ruleExclusions({ ...rule, predicates: exclusions.slice(1) })).toEqual(ruleExclusions(rule).slice(1));
  });

  it('digests group the corpus rules exactly as their fingerprints do', () => {
    const byFingerprint = new Map<string, string>();
    const byDigest = new Map<string, string>();
    for (const r of index.allRules()) {
      const fp = detectionFingerprint(r);
      const d = detectionDigest(r);
      const digest = d && digestKey(d);
      if (fp === undefined || digest === undefined) {
        expect(fp).toBe(digest);
        continue;
      }
      expect(byFingerprint.get(fp) ?? digest).toBe(digest);
      expect(byDigest.get(digest) ?? fp).toBe(fp);
      byFingerprint.set(fp, digest);
      byDigest.set(digest, fp);
    }
    expect(byDigest.size).toBeGreaterThan(7000);
  });
});

/** A corpus of the first `count` image-load rules of the Sigma corpus in a temporary folder (root `mini`), and an empty cache folder. */
function miniCorpus(count: number): { corpus: string; rules: string; cacheDir: string } {
  const corpus = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-corpus-'));
  const rules = path.join(corpus, 'mini', 'rules');
  mkdirSync(rules, { recursive: true });
  const src = path.join(CORPUS, 'sigma/rules/windows/image_load');
  for (const name of readdirSync(src).slice(0, count)) cpSync(path.join(src, name), path.join(rules, name));
  return { corpus, rules, cacheDir: mkdtempSync(path.join(os.tmpdir(), 'lint-rule-cache-')) };
}

describe('index cache', () => {
  it('is rebuilt when a corpus file changes and reused otherwise, and lives in the cache folder', async () => {
    const { corpus, rules, cacheDir } = miniCorpus(5);
    const attackFiles = [path.join(SHARED, 'attack', 'enterprise-attack.json')];
    const open = () => openCorpusIndex({ roots: [path.join(corpus, 'mini')], cacheDir, attack: resources.attack(), attackFiles });

    const first = await open();
    expect(first.built).toBe(true);
    expect(first.index?.ruleCount).toBe(5);
    const second = await open();
    expect(second.built).toBe(false);
    expect(second.key).toBe(first.key);

    const changed = path.join(rules, readdirSync(rules)[0]!);
    writeFileSync(changed, readFileSync(changed, 'utf8').replace(/^title: .*/m, 'title: Changed Title'));
    utimesSync(changed, new Date(), new Date(Date.now() + 5000));
    const third = await open();
    expect(third.built).toBe(true);
    expect(third.index?.allRules().some((r) => r.title === 'Changed Title')).toBe(true);
    expect(readdirSync(path.join(cacheDir, 'index')).length).toBeGreaterThanOrEqual(1);
    expect(readdirSync(corpus)).toEqual(['mini']);

    // A small run opens the last index at once and checks the corpus in a worker meanwhile.
    const quick = await openCorpusIndex({ roots: [path.join(corpus, 'mini')], cacheDir, attack: resources.attack(), attackFiles, verifyInBackground: true });
    expect(quick.key).toBe(third.key);
    expect(await quick.verified).toBe(true);
    writeFileSync(changed, readFileSync(changed, 'utf8').replace(/^title: .*/m, 'title: Changed Again'));
    utimesSync(changed, new Date(), new Date(Date.now() + 10000));
    const stale = await openCorpusIndex({ roots: [path.join(corpus, 'mini')], cacheDir, attack: resources.attack(), attackFiles, verifyInBackground: true });
    expect(await stale.verified).toBe(false);
    const rebuilt = await open();
    expect(rebuilt.built).toBe(true);
    expect(rebuilt.index?.allRules().some((r) => r.title === 'Changed Again')).toBe(true);
  });

  it('removes, when it builds, the stamps files of index builds that are gone', async () => {
    const { corpus, cacheDir } = miniCorpus(2);
    const base = path.join(cacheDir, 'index');
    mkdirSync(path.join(base, 'f00df00df00df00df00df00d'), { recursive: true });
    const hour = new Date(Date.now() - 2 * 3600_000);
    // Left by other builds: one whose index is gone, one whose index is kept, one without a key, one just written.
    const stamps = (id: string, key: string | undefined, old = true): void => {
      const file = path.join(base, `stamps-${id}.json`);
      writeFileSync(file, '{}');
      if (key) writeFileSync(`${file}.key`, key);
      if (old) utimesSync(file, hour, hour);
    };
    stamps('aaaaaaaaaaaaaaaa', 'deaddeaddeaddeaddeaddead');
    stamps('bbbbbbbbbbbbbbbb', 'f00df00df00df00df00df00d');
    stamps('cccccccccccccccc', undefined);
    stamps('dddddddddddddddd', 'beefbeefbeefbeefbeefbeef', false);

    const opened = await openCorpusIndex({ roots: [path.join(corpus, 'mini')], cacheDir, attack: resources.attack(), attackFiles: [path.join(SHARED, 'attack', 'enterprise-attack.json')] });
    expect(opened.built).toBe(true);
    const left = readdirSync(base).filter((n) => n.startsWith('stamps-')).sort();
    expect(left.filter((n) => /^stamps-[a-d]{16}/.test(n))).toEqual([
      'stamps-bbbbbbbbbbbbbbbb.json',
      'stamps-bbbbbbbbbbbbbbbb.json.key',
      'stamps-dddddddddddddddd.json',
      'stamps-dddddddddddddddd.json.key',
    ]);
    // This build's own stamps stay, and name the index just built.
    const own = left.filter((n) => !/^stamps-[a-d]{16}/.test(n));
    expect(own).toHaveLength(2);
    expect(readFileSync(path.join(base, own.find((n) => n.endsWith('.key'))!), 'utf8')).toBe(opened.key);
  });
});
