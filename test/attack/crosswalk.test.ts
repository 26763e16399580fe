import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAttackData } from '../../src/attack/attack-data.js';
import { applyCrosswalk, loadCrosswalk, parseCrosswalk } from '../../src/attack/crosswalk.js';
import { applyOverlay } from '../../src/attack/overlay.js';
import { loadStixBundle } from '../../src/attack/stix-bundle.js';
import { emptyTable } from '../../src/attack/table.js';
import { BUNDLE, ELASTIC_CROSSWALK, FIXTURE_DIR, MINI_V18, V19_CHANGES } from './real-data.js';

const v18 = loadStixBundle(BUNDLE).table;
const v19 = applyOverlay(v18, JSON.parse(readFileSync(V19_CHANGES, 'utf8'))).table;

describe('loadCrosswalk on Elastic attack_v18_to_v19.yaml', () => {
  const { crosswalk, warnings } = loadCrosswalk(ELASTIC_CROSSWALK);

  it('reads both id sections and the versions', () => {
    expect(warnings).toEqual([]);
    expect(crosswalk.sourceVersion).toBe('18');
    expect(crosswalk.targetVersion).toBe('19');
    expect(crosswalk.map.size).toBe(12);
    expect(crosswalk.map.get('T1547.011')).toBe('T1647');
    expect(crosswalk.map.get('T1656')).toBe('T1684.001');
    expect(crosswalk.map.get('T1070.002')).toBe('T1685.006');
  });

  it('agrees with the overlaid table on every entry (no warnings), and maps T1547.011 to T1647', () => {
    const applied = applyCrosswalk(v19, crosswalk);
    expect(applied.warnings).toEqual([]);
    const data = createAttackData(applied.table);
    expect(data.canonicalTechniqueId('T1547.011')).toBe('T1647');
    expect(data.resolve('t1547.011')).toMatchObject({ status: 'revoked', replacement: { id: 'T1647', name: 'Plist File Modification' } });
    for (const [from, to] of crosswalk.map) expect(data.canonicalTechniqueId(from)).toBe(to);
  });

  it('is skipped with a warning on a table of another major version (v18.1 without the overlay)', () => {
    const applied = applyCrosswalk(v18, crosswalk);
    expect(applied.table).toBe(v18);
    expect(applied.warnings).toEqual([
      `attack: crosswalk ${ELASTIC_CROSSWALK} maps ids to ATT&CK 19, the table is 18.1; skipped`,
    ]);
  });
});

describe('crosswalk entries the table does not hold', () => {
  const file = path.join(FIXTURE_DIR, 'crosswalk-drop-and-bad-entries.yaml');
  const { crosswalk, warnings } = loadCrosswalk(file);

  it('keeps null (dropped) entries, normalises case and reports malformed entries', () => {
    expect(crosswalk.map).toEqual(new Map([['T1562', 'T1685'], ['T1999', null], ['T1070.001', 'T1685.005']]));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/entry not-an-id is not a technique id/);
  });

  it('maps ids the table never had: a replaced id resolves as revoked, a dropped one as revoked without replacement', () => {
    // A v19-shaped table that lacks the old ids entirely, as an official v19 bundle filtered to active objects would.
    const table = { ...v19, techniques: v19.techniques.filter((t) => !['T1562', 'T1999', 'T1070.001'].includes(t.id)) };
    const applied = applyCrosswalk(table, crosswalk);
    expect(applied.warnings).toEqual([]);
    const data = createAttackData(applied.table);
    expect(data.technique('T1562')).toBeUndefined();
    expect(data.resolve('T1562')).toEqual({ status: 'revoked', replacement: data.technique('T1685') });
    expect(data.canonicalTechniqueId('t1070.001')).toBe('T1685.005');
    expect(data.resolve('T1999')).toEqual({ status: 'revoked' });
    expect(data.canonicalTechniqueId('T1999')).toBe('T1999');
    expect(data.resolve('T1998').status).toBe('unknown');
  });

  it('ignores entries whose old id is still active or whose target is not in the table', () => {
    const mini = { ...loadStixBundle(MINI_V18).table, version: '19.0' };
    const applied = applyCrosswalk(mini, crosswalk);
    expect(applied.warnings).toEqual([
      `attack: crosswalk ${file}: ignored T1562 (still active), T1070.001 → T1685.005 (not in the table)`,
    ]);
    expect(applied.table.crosswalk).toEqual({ T1999: null });
  });

  it('reports unreadable files and bad YAML instead of throwing', () => {
    expect(loadCrosswalk('/nonexistent/map.yaml').warnings[0]).toMatch(/cannot read crosswalk/);
    expect(parseCrosswalk('techniques: [unclosed', 'bad.yaml').warnings[0]).toMatch(/not valid YAML/);
    expect(parseCrosswalk('- a list', 'list.yaml').warnings[0]).toMatch(/not a mapping/);
    expect(applyCrosswalk(emptyTable(), parseCrosswalk('techniques: {}', 'empty.yaml').crosswalk).warnings).toEqual([]);
  });
});
