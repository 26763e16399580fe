import { beforeAll, describe, expect, it } from 'vitest';
import type { AttackData } from '../../src/attack/index.js';
import { navigatorLayer } from '../../src/report/gaps/navigator.js';
import type { GapReport } from '../../src/gaps/types.js';
import { openDefaultCorpus } from './corpus.js';
import { navigatorLayerProblems } from './navigator-shape.js';

let attack: AttackData;
beforeAll(async () => {
  attack = (await openDefaultCorpus()).resources.attack();
});

function report(): GapReport {
  return {
    attackVersion: attack.version,
    thresholds: { minRules: 3, minShare: 0.1 },
    corpus: { roots: ['sigma'], rules: 10, leftOut: 0, techniques: 2 },
    repository: { files: 1, rules: 1, byVendor: { sigma: 1 }, techniques: 1, rulesWithoutTechnique: 0, unread: [] },
    missingTechniques: [],
    eventGaps: [],
    exclusionGaps: [],
    tagProblems: [],
    coverage: [
      { id: 'T1078', name: 'Valid Accounts', tactics: ['initial-access', 'persistence', 'privilege-escalation', 'stealth'], corpusRules: 5, repositoryRules: 0, corpusEvents: 2, coveredEvents: 0, missingExclusions: 0, state: 'missing', score: 0 },
      { id: 'T1059.001', name: 'PowerShell', tactics: ['execution'], corpusRules: 0, repositoryRules: 1, corpusEvents: 0, coveredEvents: 0, missingExclusions: 0, state: 'repository-only', score: 100 },
    ],
  };
}

describe('navigator layer', () => {
  it('gives a multi-tactic technique one entry per tactic, the repository-only colour, and an unscored parent that opens its sub-techniques', () => {
    const layer = navigatorLayer(report(), attack, { name: 'test' });
    expect(navigatorLayerProblems(layer, attack)).toEqual([]);
    expect(layer.techniques.filter((t) => t.techniqueID === 'T1078').map((t) => t.tactic)).toEqual(['initial-access', 'persistence', 'privilege-escalation', 'stealth']);
    expect(layer.techniques.find((t) => t.techniqueID === 'T1059.001')).toMatchObject({ score: 100, color: '#66b1ff', showSubtechniques: false });
    expect(layer.techniques.find((t) => t.techniqueID === 'T1059')).toMatchObject({ showSubtechniques: true, enabled: true });
    expect(layer.techniques.find((t) => t.techniqueID === 'T1059')?.score).toBeUndefined();
    expect(layer.legendItems.map((l) => l.color)).toEqual([...layer.gradient.colors, '#66b1ff']);
  });

  it('the shape check finds what would keep the Navigator from opening a layer', () => {
    const layer = JSON.parse(JSON.stringify(navigatorLayer(report(), attack, { name: 'test' }))) as Record<string, unknown> & { techniques: Record<string, unknown>[]; versions: Record<string, unknown> };
    layer.versions.layer = '4.4';
    layer.domain = 'mitre-enterprise';
    layer.techniques.push({ techniqueID: 'T1078', tactic: 'stealth', comment: '', enabled: true, showSubtechniques: false });
    layer.techniques.push({ techniqueID: 'T1059.001', tactic: 'defense-evasion', comment: '', enabled: true, showSubtechniques: false });
    layer.techniques.push({ techniqueID: 'T9999', score: 250, comment: '', enabled: 'yes', showSubtechniques: false });
    expect(navigatorLayerProblems(layer, attack)).toEqual([
      'domain: expected enterprise-attack, got mitre-enterprise',
      'versions.layer must be "4.5"',
      'T1078/stealth: listed twice',
      'T1059.001: tactic defense-evasion is not a tactic shortname',
      `T9999: not an active technique of ATT&CK v${attack.version}`,
      'T9999: score 250 outside the gradient',
      'T9999: enabled is not a boolean',
    ]);
  });
});
