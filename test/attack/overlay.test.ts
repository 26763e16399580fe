import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAttackData } from '../../src/attack/attack-data.js';
import { applyOverlay, loadOverlay } from '../../src/attack/overlay.js';
import { loadStixBundle } from '../../src/attack/stix-bundle.js';
import { isActive } from '../../src/attack/table.js';
import { BUNDLE, MINI_V19, V19_CHANGES } from './real-data.js';

const changes: unknown = JSON.parse(readFileSync(V19_CHANGES, 'utf8'));
const base = loadStixBundle(BUNDLE).table;
const baseSnapshot = JSON.stringify(base);
const { table, warnings } = applyOverlay(base, changes);
const data = createAttackData(table);

describe('applyOverlay: the real v18.1 bundle + MITRE v19 changes', () => {
  it('applies cleanly: version 19.0, and the result matches the file\'s own derived v19 map (no warnings)', () => {
    expect(warnings).toEqual([]);
    expect(data.version).toBe('19.0');
    expect(table.versionSource).toBe('overlay');
  });

  it('does not change the table it is given', () => {
    expect(JSON.stringify(base)).toBe(baseSnapshot);
    expect(base.version).toBe('18.1');
  });

  it('has 15 tactics, 222 techniques and 475 sub-techniques active', () => {
    expect(data.tactics()).toHaveLength(15);
    const active = data.techniques().filter(isActive);
    expect(active.filter((t) => !t.isSubtechnique)).toHaveLength(222);
    expect(active.filter((t) => t.isSubtechnique)).toHaveLength(475);
  });

  it('renames TA0005 to stealth, adds TA0112 defense-impairment after it, and retires defense-evasion', () => {
    expect(data.tactic('TA0005')).toMatchObject({ shortname: 'stealth', name: 'Stealth', order: 6 });
    expect(data.tactic('stealth')?.retired).toBeUndefined();
    expect(data.tactic('defense-impairment')).toMatchObject({ id: 'TA0112', name: 'Defense Impairment', order: 7 });
    expect(data.tactic('defense-evasion')).toEqual({
      id: 'TA0005',
      shortname: 'defense-evasion',
      name: 'Defense Evasion',
      order: 6,
      retired: true,
      replacedBy: ['stealth', 'defense-impairment'],
    });
    expect(data.retiredTactic('defense-evasion')).toEqual({ replacedBy: ['stealth', 'defense-impairment'] });
    expect(data.retiredTactic('stealth')).toBeUndefined();
    expect(data.tactics().map((t) => t.shortname)).not.toContain('defense-evasion');
    const carriers = data.techniques().filter((t) => isActive(t) && t.tactics.includes('defense-evasion'));
    expect(carriers).toEqual([]);
  });

  it('revokes T1562 and T1562.001 in favour of T1685', () => {
    for (const id of ['T1562', 'T1562.001']) {
      const r = data.resolve(id);
      expect(r.status).toBe('revoked');
      expect(r.technique?.revokedBy).toBe('T1685');
      expect(r.replacement).toMatchObject({ id: 'T1685', name: 'Disable or Modify Tools', tactics: ['defense-impairment'] });
    }
    expect(data.resolve('T1562.002').replacement?.id).toBe('T1685.001');
    expect(data.subtechniques('T1562')).toEqual([]);
  });

  it('moves T1574.001 to stealth + execution (in matrix order)', () => {
    expect(data.technique('T1574.001')?.tactics).toEqual(['execution', 'stealth']);
  });

  it('adds new techniques with their parent and the platforms of the techniques they replace', () => {
    const impersonation = data.technique('T1684.001');
    expect(impersonation).toMatchObject({
      name: 'Impersonation', isSubtechnique: true, parentId: 'T1684', tactics: ['stealth'], revoked: false,
      url: 'https://attack.mitre.org/techniques/T1684/001',
    });
    expect(impersonation?.platforms).toEqual([...(base.techniques.find((t) => t.id === 'T1656')?.platforms ?? [])].sort());
    expect(data.subtechniques('T1684').map((t) => t.id)).toEqual(['T1684.001', 'T1684.002']);
    // A new parent without a predecessor covers its sub-techniques' platforms.
    const subPlatforms = new Set(['T1656', 'T1672'].flatMap((id) => base.techniques.find((t) => t.id === id)?.platforms ?? []));
    expect(data.technique('T1684')?.platforms).toEqual([...subPlatforms].sort());
    // No predecessor at all: platforms unknown.
    expect(data.technique('T1682')).toMatchObject({ name: 'Query Public AI Services', platforms: [] });
  });

  it('applies renames', () => {
    expect(data.technique('T1557.001')?.name).toBe('Name Resolution Poisoning and SMB Relay');
    expect(data.technique('T1211')).toMatchObject({ name: 'Exploitation for Stealth', tactics: ['stealth'] });
  });

  it('leaves unchanged techniques alone', () => {
    expect(data.technique('T1102.002')).toEqual(base.techniques.find((t) => t.id === 'T1102.002'));
  });
});

describe('applyOverlay on a table of another version', () => {
  it('skips an overlay whose baseline is not the table version, with a warning', () => {
    const older = { ...base, version: '17.1' };
    const r = applyOverlay(older, changes, 'overlay v19');
    expect(r.table).toBe(older);
    expect(r.warnings).toEqual([
      'attack: overlay v19 (ATT&CK 18.1 → 19.0) skipped: it does not apply to ATT&CK 17.1',
    ]);
  });

  it('keeps only the retired tactic names on a bundle that is already v19 (same table shape as the overlay gives)', () => {
    const v19 = loadStixBundle(MINI_V19).table;
    const r = applyOverlay(v19, changes, 'overlay v19');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/skipped: the bundle is already ATT&CK 19\.0; only its retired tactic names were kept/);
    const d = createAttackData(r.table);
    expect(d.version).toBe('19.0');
    expect(d.tactic('defense-evasion')).toMatchObject({ id: 'TA0005', name: 'Defense Evasion', retired: true, replacedBy: ['stealth', 'defense-impairment'] });
    expect(d.technique('T1574.001')?.tactics).toEqual(['execution', 'stealth']);
    expect(d.resolve('T1562').replacement?.id).toBe('T1685');
    expect(r.table.techniques).toEqual(v19.techniques);
  });

  it('reports unusable overlays instead of throwing', () => {
    expect(applyOverlay(base, 'not json').warnings[0]).toMatch(/not a JSON object/);
    expect(applyOverlay(base, { tactics: [] }).warnings[0]).toMatch(/no baseline\.version/);
    expect(loadOverlay('/nonexistent/changes.json').warnings[0]).toMatch(/cannot read overlay/);
  });
});
