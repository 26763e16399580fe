import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';
import { captureIO } from '../gaps/corpus.js';

const REPO = path.relative(ROOT, path.join(FIXTURES, 'gaps', 'team-repo'));

/** Relative links of a page, without fragments; external ones left out. */
function localLinks(page: string): string[] {
  return [...page.matchAll(/href="([^"#]+)(#[^"]*)?"/g)].map((m) => m[1] as string).filter((h) => !/^[a-z]+:/.test(h));
}

describe('lint-rule site --repo (real corpus, team repository)', () => {
  let dir: string;
  let err: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'lint-rule-site-'));
    const cap = captureIO();
    const code = await runCli(['site', dir, '--repo', REPO, '--top', '10', '--no-config-lookup'], cap.io);
    err = cap.err();
    expect(code, err).toBe(0);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the matrix, a page per technique, the gap report and the Navigator layer', () => {
    expect(readdirSync(dir).sort()).toEqual(['gaps.html', 'index.html', 'navigator-layer.json', 'techniques']);
    expect(existsSync(path.join(dir, 'techniques', 'T1102.002.html'))).toBe(true);
    expect(err).toMatch(/wrote \d+ technique pages/);
  });

  it('every relative link of the matrix, the gap report and a technique page points at a file it wrote', () => {
    for (const rel of ['index.html', 'gaps.html', 'techniques/T1102.002.html', 'techniques/T1574.001.html']) {
      const file = path.join(dir, rel);
      const links = localLinks(readFileSync(file, 'utf8'));
      expect(links.length, rel).toBeGreaterThan(0);
      for (const href of links) expect(existsSync(path.resolve(path.dirname(file), href)), `${rel} → ${href}`).toBe(true);
    }
  });

  it('technique pages carry the repository section: its rules (escaped) and what they miss', () => {
    const page = readFileSync(path.join(dir, 'techniques', 'T1102.002.html'), 'utf8');
    expect(page).toContain('<section id="repository">');
    expect(page).toContain('Telegram &lt;Desktop&gt; &amp; &quot;Bot&quot; Client&#39;s Start');
    expect(page).toContain('Sysmon Event ID 3 (Network connection)');
    const dll = readFileSync(path.join(dir, 'techniques', 'T1574.001.html'), 'utf8');
    expect(dll).toContain('Common exclusions missing on Sysmon Event ID 7 (Image loaded)');
  });

  it('the matrix is coloured by the repository, and the gap report lists the stale tags', () => {
    const index = readFileSync(path.join(dir, 'index.html'), 'utf8');
    expect(index).toMatch(/data-technique="T1102.002"[^>]*data-state="partial"/);
    expect(index).toContain('Repository coverage relative to the corpus:');
    const gaps = readFileSync(path.join(dir, 'gaps.html'), 'utf8');
    expect(gaps).toContain('T1086');
    expect(gaps).toContain('revoked: now <a href="techniques/T1059.001.html">T1059.001</a> PowerShell');
  });
});

describe('lint-rule explain --format html', () => {
  it('writes one standalone page for the technique, linking to ATT&CK for the others', async () => {
    const cap = captureIO();
    expect(await runCli(['explain', 'T1102.002', '--format', 'html', '--no-config-lookup'], cap.io)).toBe(0);
    const out = cap.out();
    expect(out).toContain('<h1>Web Service: Bidirectional Communication T1102.002</h1>');
    expect(out).toContain('Github Self-Hosted Runner Execution');
    expect(out).toContain('href="https://attack.mitre.org/techniques/T1102/"');
    expect(out).not.toContain('index.html');
  });
});
