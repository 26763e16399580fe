import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAttackData } from '../../src/attack/attack-data.js';
import { loadStixBundle, parseStixBundle } from '../../src/attack/stix-bundle.js';
import { isActive } from '../../src/attack/table.js';
import { BUNDLE, MINI_V18 } from './real-data.js';

describe('loadStixBundle on the real v18.1 bundle', () => {
  const { table, warnings } = loadStixBundle(BUNDLE);
  const data = createAttackData(table);

  it('loads without warnings and dates itself 18.1 from its newest object (the subset has no collection object)', () => {
    expect(warnings).toEqual([]);
    expect(table.version).toBe('18.1');
    expect(table.versionSource).toBe('modified-date');
  });

  it('has 14 tactics in matrix column order', () => {
    expect(table.tactics.map((t) => t.shortname)).toEqual([
      'reconnaissance', 'resource-development', 'initial-access', 'execution', 'persistence',
      'privilege-escalation', 'defense-evasion', 'credential-access', 'discovery', 'lateral-movement',
      'collection', 'command-and-control', 'exfiltration', 'impact',
    ]);
    expect(table.tactics.map((t) => t.order)).toEqual([...Array(14).keys()]);
    expect(data.tactic('TA0011')).toMatchObject({ shortname: 'command-and-control', name: 'Command and Control', order: 11 });
  });

  it('has 216 active techniques and 475 active sub-techniques', () => {
    const active = table.techniques.filter(isActive);
    expect(active.filter((t) => !t.isSubtechnique)).toHaveLength(216);
    expect(active.filter((t) => t.isSubtechnique)).toHaveLength(475);
  });

  it('reads T1102.002 with its name, parent, tactic, platforms and page', () => {
    expect(data.technique('T1102.002')).toEqual({
      id: 'T1102.002',
      name: 'Bidirectional Communication',
      tactics: ['command-and-control'],
      isSubtechnique: true,
      parentId: 'T1102',
      revoked: false,
      deprecated: false,
      platforms: ['Linux', 'macOS', 'Windows', 'ESXi'],
      url: 'https://attack.mitre.org/techniques/T1102/002',
    });
    expect(data.subtechniques('T1102').map((t) => t.id)).toEqual(['T1102.001', 'T1102.002', 'T1102.003']);
  });

  it('keeps multi-tactic techniques in matrix order', () => {
    expect(data.technique('T1574.001')?.tactics).toEqual(['persistence', 'privilege-escalation', 'defense-evasion']);
  });

  it('marks deprecated techniques (T1064 Scripting)', () => {
    expect(data.technique('T1064')).toMatchObject({ name: 'Scripting', deprecated: true, revoked: false });
    expect(data.resolve('T1064').status).toBe('deprecated');
  });

  it('follows revoked-by relationships, including chains (T1150 → T1547.011 → T1647)', () => {
    expect(data.technique('T1150')).toMatchObject({ revoked: true, revokedBy: 'T1547.011' });
    expect(data.technique('T1547.011')).toMatchObject({ revoked: true, revokedBy: 'T1647' });
    const r = data.resolve('T1150');
    expect(r.status).toBe('revoked');
    expect(r.replacement?.id).toBe('T1647');
    expect(data.canonicalTechniqueId('t1150')).toBe('T1647');
    expect(table.techniques.filter((t) => t.revoked && !t.revokedBy)).toEqual([]);
  });

  it('links detection strategies to techniques and data components', () => {
    expect(table.detectionStrategies).toHaveLength(691);
    // 109 in the bundle, 3 of them revoked or deprecated.
    expect(table.dataComponents).toHaveLength(106);
    const [strategy] = data.detectionStrategies('T1102.002');
    expect(strategy?.id).toBe('DET0035');
    expect(strategy?.dataComponentIds.length).toBeGreaterThan(0);
    for (const dc of strategy?.dataComponentIds ?? []) expect(data.dataComponent(dc)).toBeDefined();
    for (const s of table.detectionStrategies) expect(data.technique(s.techniqueId)).toBeDefined();
  });
});

describe('loadStixBundle version and bad input', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-attack-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('takes the version from the x-mitre-collection object, as official bundles carry it', () => {
    const { table, warnings } = loadStixBundle(MINI_V18);
    expect(warnings).toEqual([]);
    expect(table).toMatchObject({ version: '18.1', versionSource: 'collection' });
    // The fixture lists its tactics in reverse: the matrix decides the order.
    expect(table.tactics.map((t) => t.shortname)).toEqual(['execution', 'defense-evasion', 'command-and-control']);
  });

  it('falls back on the release file name (enterprise-attack-17.1.json)', () => {
    const bundle = JSON.parse(readFileSync(MINI_V18, 'utf8')) as { objects: { type: string }[] };
    bundle.objects = bundle.objects.filter((o) => o.type !== 'x-mitre-collection');
    const file = path.join(tmp, 'enterprise-attack-17.1.json');
    writeFileSync(file, JSON.stringify(bundle));
    expect(loadStixBundle(file).table).toMatchObject({ version: '17.1', versionSource: 'file-name' });
  });

  it('reports a missing file, bad JSON or a non-bundle as warnings, never throws', () => {
    const missing = loadStixBundle(path.join(tmp, 'nope.json'));
    expect(missing.table.techniques).toEqual([]);
    expect(missing.warnings[0]).toMatch(/cannot read bundle .*nope\.json/);

    const badJson = path.join(tmp, 'bad.json');
    writeFileSync(badJson, '{"type": "bundle", "objects": [');
    expect(loadStixBundle(badJson).warnings[0]).toMatch(/cannot read bundle/);

    expect(parseStixBundle({ type: 'x-mitre-collection' }, 'x.json').warnings[0]).toMatch(/not a STIX bundle/);
    const noMatrix = parseStixBundle({ type: 'bundle', objects: [] }, 'empty.json');
    expect(noMatrix.warnings).toContain('attack: empty.json holds no enterprise techniques');
  });
});
