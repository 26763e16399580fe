import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Logic } from '../../src/model/logic.js';
import { SourceText } from '../../src/model/location.js';
import { parseSplunkFile } from '../../src/parse/splunk/document.js';
import { loadMacros } from '../../src/parse/splunk/macros.js';
import { splFacts } from '../../src/parse/splunk/spl-facts.js';
import { splToLogic } from '../../src/parse/splunk/spl-lower.js';
import { parseSplunkSearch } from '../../src/parse/splunk/spl-search.js';
import { CORPUS } from '../helpers/paths.js';

const DETECTIONS = path.join(CORPUS, 'splunk/detections');
const MACROS = path.join(CORPUS, 'splunk/macros');

interface FileResult {
  file: string;
  deprecated: boolean;
  yamlError?: string;
  searchErrors: string[];
  unknownMacros: string[];
  comparisons: number;
  datamodels: number;
}

function listYaml(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listYaml(p));
    else if (entry.name.endsWith('.yml')) out.push(p);
  }
  return out.sort();
}

function countComparisons(l: Logic): number {
  if (l.kind === 'and' || l.kind === 'or') return l.items.reduce((n, i) => n + countComparisons(i), 0);
  if (l.kind === 'not') return countComparisons(l.item);
  return l.kind === 'cmp' ? 1 : 0;
}

const results: FileResult[] = [];

beforeAll(() => {
  const macros = loadMacros(MACROS);
  const started = performance.now();
  let splMs = 0;
  for (const file of listYaml(DETECTIONS)) {
    const rel = path.relative(DETECTIONS, file);
    const r: FileResult = { file: rel, deprecated: rel.startsWith('deprecated'), searchErrors: [], unknownMacros: [], comparisons: 0, datamodels: 0 };
    results.push(r);
    const source = new SourceText(readFileSync(file, 'utf8'));
    const { doc, problems } = parseSplunkFile(source);
    if (!doc) {
      r.yamlError = problems[0]?.message ?? 'no document';
      continue;
    }
    const search = doc.search;
    if (!search) {
      r.searchErrors.push('no search');
      continue;
    }
    const t0 = performance.now();
    const parsed = parseSplunkSearch(search.text, macros);
    const ast = parsed.result.ast;
    const logic = ast ? splToLogic(ast) : null;
    const facts = ast ? splFacts(ast) : null;
    splMs += performance.now() - t0;
    for (const e of parsed.errors) {
      const loc = search.locate(e.span);
      r.searchErrors.push(`${e.message} at ${loc.line}:${loc.column}`);
    }
    r.unknownMacros = parsed.expansion.unknown.map((u) => u.name);
    r.comparisons = logic ? countComparisons(logic) : 0;
    r.datamodels = facts?.datamodels.length ?? 0;
  }
  const totalMs = performance.now() - started;
  for (const [label, set] of [
    ['current', results.filter((r) => !r.deprecated)],
    ['deprecated', results.filter((r) => r.deprecated)],
    ['all', results],
  ] as const) {
    const parsedYaml = set.filter((r) => !r.yamlError);
    const clean = parsedYaml.filter((r) => r.searchErrors.length === 0);
    const pct = parsedYaml.length ? ((100 * clean.length) / parsedYaml.length).toFixed(2) : '0';
    console.log(`splunk ${label}: ${set.length} files, ${set.length - parsedYaml.length} bad YAML, ${clean.length}/${parsedYaml.length} searches parse cleanly (${pct}%)`);
  }
  const unknown = new Map<string, number>();
  for (const r of results) for (const u of r.unknownMacros) unknown.set(u, (unknown.get(u) ?? 0) + 1);
  console.log(`splunk unknown macros: ${[...unknown].map(([k, v]) => `${k}×${v}`).join(', ') || 'none'}`);
  for (const r of results) {
    if (r.yamlError) console.log(`  bad YAML ${r.file}: ${r.yamlError}`);
    else if (r.searchErrors.length) console.log(`  SPL ${r.file}: ${r.searchErrors.join('; ')}`);
  }
  console.log(`splunk corpus: ${totalMs.toFixed(0)} ms in all, ${splMs.toFixed(0)} ms expanding/parsing/lowering SPL (${(splMs / results.length).toFixed(3)} ms per search)`);
});

describe('Splunk corpus coverage', () => {
  it('reads every current detection and parses its search without errors', () => {
    const current = results.filter((r) => !r.deprecated);
    expect(current.length).toBeGreaterThan(1500);
    expect(current.filter((r) => r.yamlError).map((r) => r.file)).toEqual([]);
    expect(current.filter((r) => r.searchErrors.length > 0).map((r) => `${r.file}: ${r.searchErrors.join('; ')}`)).toEqual([]);
  });

  it('fails only on the deprecated files that are not valid YAML or SPL', () => {
    const deprecated = results.filter((r) => r.deprecated);
    expect(deprecated.filter((r) => r.yamlError).map((r) => r.file)).toEqual([
      'deprecated/okta_threatinsight_login_failure_with_high_unknown_users.yml',
      'deprecated/okta_threatinsight_suspected_passwordspray_attack.yml',
    ]);
    // `search _time >= relative_time(now(), "-10m@m")`: eval functions are not search-language values.
    expect(deprecated.filter((r) => r.searchErrors.length > 0).map((r) => r.file)).toEqual([
      'deprecated/abnormally_high_aws_instances_launched_by_user.yml',
      'deprecated/abnormally_high_aws_instances_terminated_by_user.yml',
    ]);
  });

  it('lowers predicates from nearly every search and finds the data model of tstats searches', () => {
    const parsed = results.filter((r) => !r.yamlError && r.searchErrors.length === 0);
    const withPredicates = parsed.filter((r) => r.comparisons > 0);
    console.log(`splunk lowering: ${withPredicates.length}/${parsed.length} searches have field comparisons`);
    expect(withPredicates.length / parsed.length).toBeGreaterThan(0.97);
    expect(parsed.filter((r) => r.datamodels > 0).length).toBeGreaterThan(900);
  });

  it('leaves only the macros the corpus does not define unexpanded', () => {
    const unknown = new Set(results.flatMap((r) => r.unknownMacros));
    expect([...unknown].sort()).toEqual(['base64decode', 'cim_corporate_web_domain_search', 'get_asset']);
  });
});
