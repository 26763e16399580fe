import { beforeAll, describe, expect, it } from 'vitest';
import type { AttackData } from '../../src/attack/index.js';
import { RunResources } from '../../src/cli/resources.js';
import { loadConfig } from '../../src/engine/config.js';
import type { CorpusIndex } from '../../src/index/corpus-index.js';
import { buildCatalogPage, type CatalogPage } from '../../src/report/catalog/page.js';
import { catalogText } from '../../src/report/catalog/text.js';
import { ALL_CHECKS } from '../../src/rules/index.js';
import { FIXTURES } from '../helpers/paths.js';

let attack: AttackData;
let index: CorpusIndex;

beforeAll(async () => {
  // The default corpus (../shared/corpus: sigma, elastic, splunk) and the index the global setup built.
  const config = loadConfig({ cwd: FIXTURES, checks: ALL_CHECKS, noLookup: true });
  const resources = new RunResources(config);
  const opened = await resources.openIndex({ quietProgress: true });
  if (!opened) throw new Error(`no corpus index: ${resources.notices.join('; ')}`);
  index = opened;
  attack = resources.attack();
});

function page(id: string): CatalogPage {
  const p = buildCatalogPage(id, attack, index);
  if (!p) throw new Error(`no page for ${id}`);
  return p;
}

/** The vendors of the corpus rules behind refs. */
function vendorsOf(refs: readonly number[]): string[] {
  return [...new Set(refs.map((r) => index.rule(r)?.vendor))].filter((v): v is NonNullable<typeof v> => v !== undefined).sort();
}

describe('lint-rule explain with the Splunk corpus indexed', () => {
  it.each(['T1105', 'T1059.001'])('%s lists Splunk detections under "Rules under this technique"', (id) => {
    const p = page(id);
    const splunk = p.rulesByVendor.splunk ?? [];
    expect(splunk.length).toBeGreaterThanOrEqual(id === 'T1105' ? 20 : 35);
    expect(splunk.map((r) => r.title)).toContain('Any Powershell DownloadFile');
    expect(splunk.every((r) => r.file.startsWith('splunk/detections/'))).toBe(true);
    const text = catalogText(p, { top: 20, color: false });
    expect(text).toMatch(new RegExp(`\\nSplunk ${splunk.length} rules\\n- Any Powershell Download`));
    expect(text).toContain('splunk/detections/endpoint/any_powershell_downloadfile.yml');
  });

  it('T1105: one indicator row counts Sigma Image|endswith, ECS process.name and CIM Processes.process_name rules together', () => {
    const row = page('T1105').indicators.find((r) => r.field === 'process.name' && r.operator === 'eq' && r.value === 'certutil.exe');
    expect(row).toBeDefined();
    expect(vendorsOf(row?.refs ?? [])).toEqual(['elastic', 'sigma', 'splunk']);
    expect(row?.examples.sigma?.written).toBe('Image');
    expect(row?.examples.elastic?.written).toBe('process.name');
    expect(row?.examples.splunk?.written).toBe('Processes.process_name');
  });

  it('T1036: the process.executable field row merges Sigma Image, ECS process.executable and CIM Processes.process_path', () => {
    const field = page('T1036').fields.find((f) => f.field === 'process.executable');
    expect(field?.rules).toBeGreaterThan(40);
    const written = new Map<string, Set<string>>();
    for (const r of index.rulesOf('T1036')) {
      for (const p of r.predicates) if (p.field === 'process.executable') written.set(r.vendor, (written.get(r.vendor) ?? new Set()).add(p.written));
    }
    expect([...written.keys()].sort()).toEqual(['elastic', 'sigma', 'splunk']);
    expect(written.get('sigma')).toContain('Image');
    expect(written.get('elastic')).toContain('process.executable');
    expect(written.get('splunk')).toContain('Processes.process_path');
  });
});
