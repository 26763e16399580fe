import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AttackData } from '../../src/attack/index.js';
import { runCli } from '../../src/cli/main.js';
import type { GapReport } from '../../src/gaps/types.js';
import { FIXTURES } from '../helpers/paths.js';
import { captureIO, openDefaultCorpus } from './corpus.js';
import { navigatorLayerProblems } from './navigator-shape.js';

/** A small team repository: Sigma and Elastic rules, stale tags, a broken file (fixtures/gaps/team-repo). */
const REPO = path.relative(path.resolve(FIXTURES, '..'), path.join(FIXTURES, 'gaps', 'team-repo'));

async function gaps(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const cap = captureIO();
  const code = await runCli(['gaps', REPO, '--no-config-lookup', ...args], cap.io);
  return { code, out: cap.out(), err: cap.err() };
}

let report: GapReport;
let attack: AttackData;
beforeAll(async () => {
  attack = (await openDefaultCorpus()).resources.attack();
  const run = await gaps('--format', 'json');
  expect(run.code, run.err).toBe(0);
  report = JSON.parse(run.out) as GapReport;
});

describe('lint-rule gaps on a small team repository', () => {
  it('reads the rules of every vendor and lists the file that gave none', () => {
    expect(report.repository).toMatchObject({ files: 5, rules: 4, byVendor: { sigma: 3, elastic: 1 } });
    expect(report.repository.unread).toEqual([expect.objectContaining({ file: `${REPO}/sigma/broken-yaml.yml` })]);
    expect(report.corpus.leftOut).toBe(0);
  });

  it('T1102.002: the repository reads process creation (Sigma) and DNS (Elastic); the corpus also reads Sysmon 3', () => {
    const g = report.eventGaps.find((x) => x.technique === 'T1102.002');
    expect(g?.repositoryRules).toBe(2);
    expect(g?.repositoryEvents).toEqual(expect.arrayContaining(['sysmon:1', 'sysmon:22']));
    expect(g?.missing.map((e) => e.event)).toContain('sysmon:3');
    expect(g?.missing.map((e) => e.event)).not.toContain('sysmon:1');
  });

  it('T1574.001 on image loads: the System32, SysWOW64 and WinSxS exclusions many corpus rules share', () => {
    const g = report.exclusionGaps.find((x) => x.technique === 'T1574.001' && x.event === 'sysmon:7');
    const values = g?.missing.map((m) => `${m.field} ${m.operator} ${m.value}`);
    expect(values).toEqual(expect.arrayContaining(['dll.path starts_with c:\\windows\\system32\\', 'dll.path starts_with c:\\windows\\winsxs\\']));
    for (const m of g?.missing ?? []) expect(m.corpusRules).toBeGreaterThanOrEqual(report.thresholds.minRules);
  });

  it('lists the stale tags with their place and the revoked one with its replacement', () => {
    expect(report.tagProblems.map((p) => [p.technique, p.status, p.replacement?.id, p.line])).toEqual([
      ['T1086', 'revoked', 'T1059.001', 9],
      ['T1064', 'deprecated', undefined, 10],
      ['T1999', 'unknown', undefined, 11],
    ]);
  });

  it('the text report has every section, and no colour with --no-color', async () => {
    const run = await gaps('--no-color', '--top', '3');
    expect(run.code).toBe(0);
    for (const title of ['Techniques the corpus covers and the repository does not', 'Events the corpus reads that the repository does not', 'Common exclusions the repository lacks', 'Technique tags that are not active ATT&CK techniques', 'Files that gave no rule']) {
      expect(run.out).toContain(title);
    }
    expect(run.out).not.toContain('\u001b[');
    expect(run.out).toMatch(/… \d+ more \(--top to show more\)/);
    const colored = await gaps('--color');
    expect(colored.out).toContain('\u001b[');
  });

  it('markdown has a table per section; --output-file writes any format', async () => {
    const md = await gaps('--format', 'markdown');
    expect(md.out).toMatch(/^# Detection gaps/);
    expect(md.out).toContain('| Technique | Event | Repository rules | Corpus rules | Missing exclusion | Shared by |');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-gaps-'));
    const file = path.join(dir, 'layer.json');
    const nav = await gaps('--format', 'navigator', '--output-file', file);
    expect(nav.out).toBe('');
    const text = readFileSync(file, 'utf8');
    rmSync(dir, { recursive: true, force: true });
    const layer = JSON.parse(text) as { techniques: { techniqueID: string; tactic?: string; score: number; comment: string }[] };
    expect(navigatorLayerProblems(layer, attack)).toEqual([]);
    const t1102 = layer.techniques.find((t) => t.techniqueID === 'T1102.002');
    expect(t1102?.comment).toContain('Sysmon Event ID 3');
    // T1574.001 is under Execution and Stealth: one entry per tactic.
    expect(layer.techniques.filter((t) => t.techniqueID === 'T1574.001').map((t) => t.tactic).sort()).toEqual(['execution', 'stealth']);
  });

  it('usage errors exit 2', async () => {
    const cap = captureIO();
    expect(await runCli(['gaps'], cap.io)).toBe(2);
    expect(await runCli(['gaps', REPO, '--format', 'sarif'], cap.io)).toBe(2);
    expect(cap.err()).toContain('unknown format "sarif" for gaps');
  });
});
