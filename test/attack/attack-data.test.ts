import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ATTACK_OPTIONS, loadAttack } from '../../src/attack/load-attack.js';
import { ROOT } from '../helpers/paths.js';
import { BUNDLE, ELASTIC_CROSSWALK, V19_CHANGES } from './real-data.js';

const attack = loadAttack(DEFAULT_ATTACK_OPTIONS(ROOT));

describe('DEFAULT_ATTACK_OPTIONS', () => {
  it('points at ../shared/attack: the v18.1 bundle, the v19 overlay, the Elastic crosswalk; no cache', () => {
    expect(DEFAULT_ATTACK_OPTIONS(ROOT)).toEqual({
      bundle: path.resolve(BUNDLE),
      overlays: [path.resolve(V19_CHANGES)],
      crosswalks: [path.resolve(ELASTIC_CROSSWALK)],
    });
  });

  it('loads a v19.0 table without warnings', () => {
    expect(attack.warnings).toEqual([]);
    expect(attack.version).toBe('19.0');
    expect(attack.domain).toBe('enterprise-attack');
  });
});

describe('AttackData.resolve', () => {
  it('active: case-insensitive, surrounding space ignored', () => {
    const r = attack.resolve(' t1102.002 ');
    expect(r.status).toBe('active');
    expect(r.technique?.name).toBe('Bidirectional Communication');
    expect(r.replacement).toBeUndefined();
  });

  it('revoked: T1562.001 → T1685, and a v18.1 chain T1150 → T1547.011 → T1647', () => {
    expect(attack.resolve('T1562.001').replacement?.id).toBe('T1685');
    expect(attack.resolve('T1150')).toMatchObject({ status: 'revoked', technique: { id: 'T1150' }, replacement: { id: 'T1647' } });
  });

  it('deprecated', () => {
    expect(attack.resolve('T1064')).toMatchObject({ status: 'deprecated', technique: { name: 'Scripting' } });
  });

  it('unknown: the right shape, not in the data', () => {
    expect(attack.resolve('T1999')).toEqual({ status: 'unknown' });
    expect(attack.resolve('T1059.999')).toEqual({ status: 'unknown' });
    expect(attack.technique('T1999')).toBeUndefined();
  });

  it('malformed: anything not T\\d{4}(.\\d{3})?', () => {
    for (const id of ['T10', 'T1059.1', 'T10590', 'TA0005', 'attack.t1059', '1059', 'T1059.001.001', '', 'T1O59']) {
      expect(attack.resolve(id), id).toEqual({ status: 'malformed' });
    }
  });
});

describe('AttackData.canonicalTechniqueId', () => {
  it('maps old ids to the current one and leaves current or unknown ids as they are (upper-cased)', () => {
    expect(attack.canonicalTechniqueId('T1562.006')).toBe('T1685');
    expect(attack.canonicalTechniqueId('t1656')).toBe('T1684.001');
    expect(attack.canonicalTechniqueId('t1059.001')).toBe('T1059.001');
    expect(attack.canonicalTechniqueId('t1999')).toBe('T1999');
  });
});

describe('AttackData tactics', () => {
  it('finds a tactic by id, shortname, name or old underscore spelling', () => {
    const c2 = attack.tactic('TA0011');
    expect(c2?.shortname).toBe('command-and-control');
    expect(attack.tactic('command-and-control')).toBe(c2);
    expect(attack.tactic('Command and Control')).toBe(c2);
    expect(attack.tactic('command_and_control')).toBe(c2);
    expect(attack.tactic('ta0011')).toBe(c2);
    expect(attack.tactic('Defense Evasion')?.retired).toBe(true);
    expect(attack.tactic('no-such-tactic')).toBeUndefined();
  });

  it('lists active tactics only, in matrix order', () => {
    const tactics = attack.tactics();
    expect(tactics.map((t) => t.order)).toEqual([...tactics.keys()]);
    expect(tactics.every((t) => !t.retired)).toBe(true);
    expect(tactics[0]?.shortname).toBe('reconnaissance');
    expect(tactics.at(-1)?.shortname).toBe('impact');
  });
});

describe('AttackData techniques', () => {
  it('lists every technique sorted by id, revoked and deprecated included', () => {
    const all = attack.techniques();
    expect(all.map((t) => t.id)).toEqual(all.map((t) => t.id).sort());
    expect(all).toHaveLength(835 + 23);
  });

  it('lists active sub-techniques of a parent', () => {
    expect(attack.subtechniques('t1685').map((t) => t.id)).toEqual([
      'T1685.001', 'T1685.002', 'T1685.003', 'T1685.004', 'T1685.005', 'T1685.006',
    ]);
    // T1053.004 is deprecated.
    expect(attack.subtechniques('T1053').map((t) => t.id)).not.toContain('T1053.004');
    expect(attack.subtechniques('T1999')).toEqual([]);
  });
});
