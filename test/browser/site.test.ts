import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttackData } from '../../src/attack/index.js';
import type { StoredIndex } from '../../src/index/store.js';
import { buildCatalogPage } from '../../src/report/catalog/page.js';
import { heatClass } from '../../src/report/html/matrix.js';
import { writeSite } from '../../src/report/html/site.js';
import { openDefaultCorpus } from '../gaps/corpus.js';
import { ROOT } from '../helpers/paths.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = path.join(ROOT, 'test-output', 'browser');
const SITE = path.join(OUT, 'site');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser test skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

let browser: Browser;

/** Under a loaded CI machine the heavy pages render slowly: wait longer than Playwright's 30 s before failing. */
async function open(url: string, options: { width?: number; height?: number; javaScript?: boolean } = {}): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1400, height: options.height ?? 900 }, javaScriptEnabled: options.javaScript ?? true });
  context.setDefaultTimeout(100_000);
  const page = await context.newPage();
  await page.goto(url);
  return { page, close: () => context.close() };
}
let attack: AttackData;
let index: StoredIndex;

/**
 * The generated site in headless Chromium, from disk: the T1102.002 page
 * and the matrix, their content, sorting, and screenshots under
 * test-output/browser/ for a person to look at.
 */
describe.skipIf(!hasChromium)('site in headless Chromium', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    const opened = await openDefaultCorpus();
    index = opened.index;
    attack = opened.resources.attack();
    rmSync(SITE, { recursive: true, force: true });
    mkdirSync(SITE, { recursive: true });
    writeSite({ outDir: SITE, attack, index, top: 50, generator: 'lint-rule browser test' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('the T1102.002 page shows its title, sections and every corpus rule, and a rule opens onto its predicates', async () => {
    const catalog = buildCatalogPage('T1102.002', attack, index);
    const titles = Object.values(catalog?.rulesByVendor ?? {}).flat().map((r) => r.title).sort();
    expect(titles).toContain('Github Self-Hosted Runner Execution');
    const { page, close } = await open(pathToFileURL(path.join(SITE, 'techniques', 'T1102.002.html')).href);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.reload();
    expect(await page.locator('h1').innerText()).toBe('Web Service: Bidirectional Communication T1102.002');
    for (const h of ['Events covered', 'Fields filtered most', 'Top indicator values', 'Exclusions', 'Rules under this technique']) {
      await expect.poll(() => page.getByRole('heading', { name: new RegExp(`^${h}`) }).count()).toBe(1);
    }
    const shown = (await page.locator('details.rule > summary').evaluateAll((els) => els.map((e) => (e.firstChild?.textContent ?? '').trim()))).sort();
    expect(shown).toEqual(titles);
    const runner = page.locator('details.rule', { hasText: 'Github Self-Hosted Runner Execution' });
    expect(await runner.locator('table.preds').isVisible()).toBe(false);
    await runner.locator('summary').click();
    expect(await runner.locator('table.preds').isVisible()).toBe(true);
    expect(await runner.locator('table.preds tbody tr').count()).toBeGreaterThan(3);
    await page.screenshot({ path: path.join(OUT, 'T1102.002.png'), fullPage: true });
    // Self-contained: the page asked for nothing but itself.
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    await close();
  });

  it('a click on a column header sorts the table; without JavaScript the table is there, unsorted', async () => {
    const file = pathToFileURL(path.join(SITE, 'techniques', 'T1102.002.html')).href;
    const { page, close } = await open(file);
    const fields = page.locator('#fields table');
    const column = async (): Promise<string[]> => fields.locator('tbody tr td:first-child').allInnerTexts();
    const before = await column();
    await fields.getByRole('button', { name: 'Field' }).click();
    const ascending = await column();
    expect(ascending).toEqual([...before].sort((a, b) => a.localeCompare(b)));
    await fields.getByRole('button', { name: 'Field' }).click();
    expect(await column()).toEqual([...ascending].reverse());
    await close();
    const plain = await open(file, { javaScript: false });
    expect(await plain.page.locator('#fields table th button').count()).toBe(0);
    expect(await plain.page.locator('#fields table tbody tr td:first-child').allInnerTexts()).toEqual(before);
    await plain.close();
  });

  it('the matrix page has the tactics as columns in matrix order and one heatmap cell per technique', async () => {
    const { page, close } = await open(pathToFileURL(path.join(SITE, 'index.html')).href, { width: 1800, height: 1100 });
    const tactics = await page.locator('.matrix > section.tactic').evaluateAll((els) => els.map((e) => e.getAttribute('data-tactic')));
    expect(tactics).toEqual(attack.tactics().map((t) => t.shortname));
    const cells = await page.locator('.matrix .cell[data-technique]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-technique'), e.getAttribute('data-tactic'), e.className]));
    const active = attack.techniques().filter((t) => !t.revoked && !t.deprecated);
    expect(cells.length).toBe(active.reduce((n, t) => n + t.tactics.length, 0));
    expect(new Set(cells.map((c) => `${c[0]}/${c[1]}`)).size).toBe(cells.length);
    expect(new Set(cells.map((c) => c[0]))).toEqual(new Set(active.map((t) => t.id)));
    const counts = index.techniques();
    const ps = cells.find((c) => c[0] === 'T1059.001');
    expect(counts.get('T1059.001')).toBeGreaterThanOrEqual(50);
    expect(ps?.[2]).toBe(`cell ${heatClass(counts.get('T1059.001') ?? 0)} sub`);
    const none = active.find((t) => !counts.has(t.id));
    expect(cells.find((c) => c[0] === none?.id)?.[2]).toContain('h0');
    await page.screenshot({ path: path.join(OUT, 'matrix.png') });
    await page.locator('.cell[data-technique="T1102"] > details > summary').first().click();
    await page.locator('.cell[data-technique="T1102.002"] a').first().click();
    await page.waitForURL(/T1102\.002\.html$/);
    expect(await page.locator('h1').innerText()).toContain('T1102.002');
    await close();
  });
});
