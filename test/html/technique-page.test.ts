import { beforeAll, describe, expect, it } from 'vitest';
import type { AttackData } from '../../src/attack/index.js';
import type { IndexedRule } from '../../src/index/corpus-index.js';
import type { StoredIndex } from '../../src/index/store.js';
import { buildCatalogPage, type CatalogPage } from '../../src/report/catalog/page.js';
import { STANDALONE_LINKS } from '../../src/report/html/links.js';
import { techniquePageHtml } from '../../src/report/html/technique-page.js';
import { openDefaultCorpus } from '../gaps/corpus.js';

let attack: AttackData;
let index: StoredIndex;
beforeAll(async () => {
  const opened = await openDefaultCorpus();
  index = opened.index;
  attack = opened.resources.attack();
});

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('technique page (T1102.002, real corpus)', () => {
  let page: CatalogPage;
  let out: string;
  beforeAll(() => {
    page = buildCatalogPage('T1102.002', attack, index) as CatalogPage;
    out = techniquePageHtml({ page, rules: index.rulesOf('T1102.002'), top: 5, links: STANDALONE_LINKS, generator: 'lint-rule test' });
  });

  it('is one self-contained document: inline style and script, nothing loaded from elsewhere', () => {
    expect(out.startsWith('<!doctype html>')).toBe(true);
    expect(out).toContain('<style>');
    expect(out).toContain('<script>');
    expect(out).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
    expect(out).not.toMatch(/@import|url\(/);
  });

  it('has every section of the catalog page, in its order', () => {
    const ids = ['events', 'fields', 'indicators', 'exclusions', 'rules'].map((id) => out.indexOf(`<section id="${id}">`));
    expect(ids.every((i) => i > 0)).toBe(true);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(out).toContain('Events covered');
    expect(out).toContain('Fields filtered most');
    expect(out).toContain('Top indicator values');
    expect(out).toContain('Exclusions (');
  });

  it('lists every rule by vendor, each expandable onto its predicates', () => {
    for (const r of Object.values(page.rulesByVendor).flat()) expect(out).toContain(`>${r.title} <span class="badge">`);
    expect(count(out, '<details class="rule"')).toBe(page.ruleCount);
    expect(count(out, '<table class="preds">')).toBeGreaterThan(0);
    expect(out).toContain('<h3>Sigma 4 rules</h3>');
    expect(out).toContain('Github Self-Hosted Runner Execution');
  });

  it('limits the tables to --top rows and says how many are left', () => {
    const indicators = out.slice(out.indexOf('<section id="indicators">'), out.indexOf('<section id="exclusions">'));
    expect(count(indicators, '<tr>')).toBe(1 + 5);
    expect(indicators).toContain(`… ${page.indicators.length - 5} more`);
  });

  it('makes the tables sortable and each value open onto the rules that use it', () => {
    expect(count(out, '<table class="sortable">')).toBeGreaterThanOrEqual(4);
    const first = page.indicators[0];
    const rule = index.rulesOf('T1102.002').find((r) => r.ref === first?.refs[0]);
    expect(out).toContain(`<li><a href="#rule-${rule?.ref}">`);
  });
});

describe('technique page escaping', () => {
  const nasty = `<img src=x onerror=alert(1)> & "quoted" 'single'`;
  const rule: IndexedRule = {
    ref: 7,
    vendor: 'sigma',
    title: nasty,
    file: 'team/<rule>.yml',
    techniques: ['T1059.001'],
    events: ['sysmon:1'],
    predicates: [{ key: 'process.command_line\u0000contains\u0000<b>', role: 'exclusion', field: 'process.command_line', operator: 'contains', value: '</td><script>x</script>', written: 'CommandLine' }],
  };
  const page: CatalogPage = {
    attackVersion: '19.0',
    technique: { id: 'T1059.001', name: 'PowerShell & <Co>', url: 'https://attack.mitre.org/techniques/T1059/001', tactics: [{ shortname: 'execution', name: 'Execution' }], subtechniques: [], status: 'active' },
    ruleCount: 1,
    events: [{ key: 'sysmon:1', provider: 'Sysmon', label: 'Event ID 1', title: 'Process <creation>', rules: 1 }],
    fields: [{ field: 'process.command_line', rules: 1, operators: { contains: 1 }, samples: ['"<x>"'] }],
    indicators: [],
    exclusions: [{ key: 'k', field: 'process.command_line', operator: 'contains', value: '</td><script>x</script>', rules: 1, refs: [7], examples: {} }],
    rulesByVendor: { sigma: [{ ref: 7, vendor: 'sigma', title: nasty, file: 'team/<rule>.yml', events: ['sysmon:1'] }] },
  };
  const out = techniquePageHtml({ page, rules: [rule], top: 20, links: STANDALONE_LINKS, generator: 'lint-rule test' });

  it('never lets rule text become markup', () => {
    expect(out).not.toContain('<img src=x');
    expect(out).not.toContain('<script>x</script>');
    expect(out).not.toContain('<rule>');
    expect(out).not.toContain('PowerShell & <Co>');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot; &#39;single&#39;');
    expect(out).toContain('&lt;/td&gt;&lt;script&gt;x&lt;/script&gt;');
    expect(out).toContain('<title>T1059.001 PowerShell &amp; &lt;Co&gt; — lint-rule catalog</title>');
  });

  it('the only script element is lint-rule’s own', () => {
    expect(count(out, '<script>')).toBe(1);
    expect(count(out, '</script>')).toBe(1);
  });
});
