import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AttackData } from '../../src/attack/index.js';
import { repositoryGaps } from '../../src/cli/gaps.js';
import type { RunResources } from '../../src/cli/resources.js';
import { loadConfig } from '../../src/engine/config.js';
import type { GapReport } from '../../src/gaps/types.js';
import type { StoredIndex } from '../../src/index/store.js';
import { SourceText } from '../../src/model/location.js';
import { vendorParser } from '../../src/parse/index.js';
import { navigatorLayer } from '../../src/report/gaps/navigator.js';
import { ALL_CHECKS } from '../../src/rules/index.js';
import { CORPUS, ROOT } from '../helpers/paths.js';
import { captureIO, openDefaultCorpus } from './corpus.js';
import { navigatorLayerProblems } from './navigator-shape.js';

let resources: RunResources;
let index: StoredIndex;
let attack: AttackData;
beforeAll(async () => {
  ({ resources, index } = await openDefaultCorpus());
  attack = resources.attack();
});

async function gapsOf(repo: string): Promise<GapReport> {
  const config = loadConfig({ cwd: ROOT, checks: ALL_CHECKS, noLookup: true });
  return (await repositoryGaps([repo], config, resources, index, captureIO().io)).report;
}

/**
 * The Sigma process-creation folder as "our repository", compared with the
 * rest of the corpus. Verified by hand:
 * - no file under sigma/rules/windows/process_creation carries attack.t1059.004
 *   (`grep -rli attack.t1059.004` finds none there, 18 elsewhere in Sigma);
 * - T1102.002 is covered there by proc_creation_win_github_self_hosted_runner.yml
 *   only (process creation), while rules-threat-hunting/windows/network_connection/
 *   net_connection_win_susp_azurefd_connection.yml (logsource network_connection =
 *   Sysmon 3) is tagged attack.t1102.002 too.
 */
describe('gaps: sigma/rules/windows/process_creation against the corpus', () => {
  const repo = path.relative(ROOT, path.join(CORPUS, 'sigma', 'rules', 'windows', 'process_creation'));
  let report: GapReport;
  beforeAll(async () => {
    report = await gapsOf(repo);
  });

  it("leaves the folder's own corpus entries out", () => {
    const own = index.allRules().filter((r) => r.file.startsWith('sigma/rules/windows/process_creation/'));
    expect(own.length).toBeGreaterThan(1000);
    expect(report.corpus.leftOut).toBe(own.length);
    expect(report.corpus.rules).toBe(index.ruleCount - own.length);
  });

  it('T1059.004 (Unix Shell) is a missing technique', () => {
    const t = report.missingTechniques.find((m) => m.id === 'T1059.004');
    expect(t?.corpusRules).toBeGreaterThanOrEqual(18);
    expect(t?.tactics).toEqual(['Execution']);
  });

  it('T1102.002 misses Sysmon 3, which the Azure Front Door rule reads', () => {
    const g = report.eventGaps.find((x) => x.technique === 'T1102.002');
    expect(g?.repositoryRules).toBe(1);
    expect(g?.repositoryEvents).toEqual(expect.arrayContaining(['sysmon:1']));
    expect(g?.missing.map((e) => e.event)).toContain('sysmon:3');
  });
});

/** Whether the Splunk model builder has landed (its interim stub gives no rule). */
async function splunkParses(): Promise<boolean> {
  const file = path.join(CORPUS, 'splunk', 'detections', 'endpoint', 'windows_service_created_with_suspicious_service_path.yml');
  const parsed = (await vendorParser('splunk')).parse(file, new SourceText(readFileSync(file, 'utf8')), {});
  return parsed.rules.length > 0;
}

/**
 * Splunk's security_content as "our repository", compared with the rest of
 * the corpus. Verified by hand:
 * - T1059.006 (Python): `grep -rl T1059.006 splunk/detections` finds no file,
 *   while 12 Sigma rules (attack.t1059.006) and 42 Elastic rules tag it;
 * - T1059: Splunk has 65 rules tagged T1059 itself, but no data source of
 *   macOS Endpoint Security (ESF): `grep -rli "endpoint security" splunk/data_sources`
 *   finds none, while Sigma's macos/process_creation rules tagged attack.t1059
 *   read ESF exec events.
 */
describe.skipIf(!(await splunkParses()))('gaps: splunk/detections against the corpus', () => {
  const repo = path.relative(ROOT, path.join(CORPUS, 'splunk', 'detections'));
  let report: GapReport;
  beforeAll(async () => {
    report = await gapsOf(repo);
  }, 300_000);

  it('reads Splunk rules and leaves their corpus entries out', () => {
    expect(report.repository.byVendor.splunk).toBeGreaterThan(1000);
    const own = index.allRules().filter((r) => r.file.startsWith('splunk/detections/'));
    expect(own.length).toBeGreaterThan(1000);
    expect(report.corpus.leftOut).toBe(own.length);
    expect(report.corpus.rules).toBe(index.ruleCount - own.length);
    expect(report.corpus.roots).toEqual(['sigma', 'elastic', 'splunk']);
  });

  it('T1059.006 (Python) is a missing technique with Sigma and Elastic rules', () => {
    const t = report.missingTechniques.find((m) => m.id === 'T1059.006');
    expect(t?.corpusRules).toBeGreaterThanOrEqual(40);
    expect(report.coverage.find((c) => c.id === 'T1059.006')).toMatchObject({ state: 'missing', score: 0, repositoryRules: 0 });
  });

  it('T1059 misses the macOS ESF exec events the corpus reads', () => {
    const g = report.eventGaps.find((x) => x.technique === 'T1059');
    expect(g?.repositoryRules).toBeGreaterThanOrEqual(50);
    expect(g?.missing.map((e) => e.event)).toContain('esf:NOTIFY_EXEC');
  });

  it('the Navigator layer opens as is: one entry per technique (per tactic when several), scored 0–100', () => {
    const layer = navigatorLayer(report, attack, { name: 'splunk' });
    expect(navigatorLayerProblems(JSON.parse(JSON.stringify(layer)), attack)).toEqual([]);
    expect(layer.versions).toEqual({ attack: attack.version.split('.')[0], navigator: '5.1.0', layer: '4.5' });
    const python = layer.techniques.filter((t) => t.techniqueID === 'T1059.006');
    expect(python).toEqual([expect.objectContaining({ score: 0, enabled: true })]);
    expect(python[0]?.tactic).toBeUndefined();
    expect(python[0]?.comment).toMatch(/^Gap: \d+ corpus rule\(s\)/);
    const ids = new Set(layer.techniques.map((t) => t.techniqueID));
    for (const c of report.coverage) expect(ids.has(c.id)).toBe(true);
  });
});
