import { beforeAll, describe, expect, it } from 'vitest';
import type { AttackData } from '../../src/attack/index.js';
import type { TechniqueCoverage } from '../../src/gaps/types.js';
import { STANDALONE_LINKS } from '../../src/report/html/links.js';
import { buildMatrix, coverageClass, heatClass, heatLegend } from '../../src/report/html/matrix.js';
import { matrixPageHtml } from '../../src/report/html/matrix-page.js';
import { openDefaultCorpus } from '../gaps/corpus.js';

let attack: AttackData;
beforeAll(async () => {
  attack = (await openDefaultCorpus()).resources.attack();
});

function coverage(id: string, state: TechniqueCoverage['state'], score: number): TechniqueCoverage {
  return { id, name: id, tactics: [], corpusRules: 10, repositoryRules: state === 'missing' ? 0 : 2, corpusEvents: 4, coveredEvents: 2, missingExclusions: 0, state, score };
}

describe('ATT&CK matrix', () => {
  it('has the active tactics in matrix order as columns, each with every active technique under it once', () => {
    const columns = buildMatrix(attack, new Map());
    expect(columns.map((c) => c.shortname)).toEqual(attack.tactics().map((t) => t.shortname));
    const active = attack.techniques().filter((t) => !t.revoked && !t.deprecated);
    for (const col of columns) {
      const ids = col.techniques.flatMap((t) => [t.id, ...t.subtechniques.map((s) => s.id)]);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.sort()).toEqual(active.filter((t) => t.tactics.includes(col.shortname)).map((t) => t.id).sort());
    }
  });

  it('colours cells by corpus rules in buckets, and by coverage state with a repository', () => {
    expect([0, 1, 2, 4, 5, 9, 10, 24, 25, 49, 50, 900].map(heatClass)).toEqual(['h0', 'h1', 'h2', 'h2', 'h3', 'h3', 'h4', 'h4', 'h5', 'h5', 'h6', 'h6']);
    expect(heatLegend().map((l) => l.label)).toEqual(['none', '1', '2–4', '5–9', '10–24', '25–49', '50+']);
    expect(coverageClass(coverage('T1', 'missing', 0))).toBe('s-missing');
    expect(coverageClass(coverage('T1', 'partial', 49))).toBe('s-p1');
    expect(coverageClass(coverage('T1', 'partial', 50))).toBe('s-p2');
    expect(coverageClass(undefined)).toBe('s-none');
  });

  it('renders one heatmap cell per technique and tactic, with its count and class', () => {
    const counts = new Map([['T1059.001', 373], ['T1102.002', 14]]);
    const out = matrixPageHtml({ columns: buildMatrix(attack, counts), attackVersion: attack.version, corpus: { rules: 7319, roots: ['sigma'] }, links: { technique: (id) => (counts.has(id) ? `techniques/${id}.html` : undefined) }, generator: 'test' });
    const cells = [...out.matchAll(/<div class="cell (h\d)(?: sub)?" data-technique="([^"]+)" data-tactic="([^"]+)" data-rules="(\d+)"/g)];
    const active = attack.techniques().filter((t) => !t.revoked && !t.deprecated);
    expect(cells.length).toBe(active.reduce((n, t) => n + t.tactics.length, 0));
    expect(new Set(cells.map((c) => c[2])).size).toBe(active.length);
    const ps = cells.find((c) => c[2] === 'T1059.001');
    expect(ps?.slice(1)).toEqual(['h6', 'T1059.001', 'execution', '373']);
    expect(out).toContain('<a href="techniques/T1102.002.html"><span class="tid">T1102.002</span> Bidirectional Communication</a>');
    expect(out).toContain('Corpus rules per technique:');
  });

  it('with a repository: coverage classes, repository/corpus counts and the coverage legend', () => {
    const cov = new Map([['T1102.002', coverage('T1102.002', 'partial', 60)], ['T1059.006', coverage('T1059.006', 'missing', 0)]]);
    const out = matrixPageHtml({ columns: buildMatrix(attack, new Map(), cov), attackVersion: attack.version, corpus: { rules: 100, roots: ['sigma'] }, repository: { label: 'team <repo>', rules: 2 }, links: STANDALONE_LINKS, generator: 'test' });
    expect(out).toMatch(/<div class="cell s-p2 sub" data-technique="T1102.002"[^>]*data-state="partial" data-score="60"/);
    expect(out).toMatch(/<div class="cell s-missing sub" data-technique="T1059.006"/);
    expect(out).toContain('<span class="n">2/10</span>');
    expect(out).toContain('Repository coverage relative to the corpus:');
    expect(out).toContain('team &lt;repo&gt;');
  });
});
