import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Logic } from '../../src/model/logic.js';
import { SourceText } from '../../src/model/location.js';
import { parseElasticFile } from '../../src/parse/elastic/document.js';
import type { ElasticRuleDocument } from '../../src/parse/elastic/document.js';
import { esqlToLogic, parseEsql } from '../../src/parse/elastic/esql/index.js';
import { kqlToLogic, parseKql } from '../../src/parse/elastic/kql/index.js';
import { CORPUS } from '../helpers/paths.js';

const ELASTIC = path.join(CORPUS, 'elastic');

function tomlFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) tomlFiles(p, out);
    else if (e.name.endsWith('.toml')) out.push(p);
  }
  return out;
}

interface LanguageFigures {
  queries: number;
  failures: string[];
  cmp: number;
  opaque: number;
  /** Queries whose logic has no comparison at all. */
  noComparison: number;
  /** Comparisons whose span is empty or outside the query text. */
  badSpans: string[];
  ms: number;
}

interface SetFigures {
  files: number;
  documentFailures: string[];
  languages: Record<string, number>;
  kuery: LanguageFigures;
  esql: LanguageFigures;
}

function emptyLanguage(): LanguageFigures {
  return { queries: 0, failures: [], cmp: 0, opaque: 0, noComparison: 0, badSpans: [], ms: 0 };
}

function checkLogic(l: Logic, text: string, file: string, fig: LanguageFigures): number {
  switch (l.kind) {
    case 'and':
    case 'or':
      return l.items.reduce((n, x) => n + checkLogic(x, text, file, fig), 0);
    case 'not':
      return checkLogic(l.item, text, file, fig);
    case 'opaque':
      fig.opaque++;
      return 0;
    case 'cmp':
      fig.cmp++;
      if (l.span.start < 0 || l.span.end > text.length || l.span.end <= l.span.start) fig.badSpans.push(`${file}: ${l.field}`);
      return 1;
  }
}

function parseQuery(doc: ElasticRuleDocument, file: string, fig: SetFigures): void {
  const language = doc.rule.language?.value ?? (doc.rule.type?.value === 'machine_learning' ? 'none' : 'unknown');
  const query = doc.rule.query;
  fig.languages[query ? language : `${language} (no query)`] = (fig.languages[query ? language : `${language} (no query)`] ?? 0) + 1;
  if (!query || (language !== 'kuery' && language !== 'esql')) return;
  const lf = language === 'kuery' ? fig.kuery : fig.esql;
  const text = query.embedded.text;
  lf.queries++;
  const t0 = performance.now();
  let logic: Logic | undefined;
  if (language === 'kuery') {
    const r = parseKql(text);
    if (r.errors.length > 0 || !r.ast) {
      const e = r.errors[0];
      lf.failures.push(`${file}: ${e?.message} at ${e ? JSON.stringify(query.embedded.locate(e.span)) : '?'}`);
    } else logic = kqlToLogic(r.ast);
  } else {
    const r = parseEsql(text);
    if (r.errors.length > 0 || !r.ast) {
      const e = r.errors[0];
      lf.failures.push(`${file}: ${e?.message} at ${e ? JSON.stringify(query.embedded.locate(e.span)) : '?'}`);
    } else logic = esqlToLogic(r.ast);
  }
  lf.ms += performance.now() - t0;
  if (logic && checkLogic(logic, text, file, lf) === 0) lf.noComparison++;
}

function readSet(files: string[]): SetFigures {
  const fig: SetFigures = { files: files.length, documentFailures: [], languages: {}, kuery: emptyLanguage(), esql: emptyLanguage() };
  for (const file of files) {
    const { doc, problems } = parseElasticFile(new SourceText(readFileSync(file, 'utf8')));
    if (!doc) {
      fig.documentFailures.push(`${file}: ${problems[0]?.message}`);
      continue;
    }
    parseQuery(doc, path.relative(ELASTIC, file), fig);
  }
  return fig;
}

function report(name: string, fig: SetFigures): void {
  const lang = (l: LanguageFigures): string =>
    `${l.queries - l.failures.length}/${l.queries} parsed, ${l.cmp} comparisons, ${l.opaque} opaque, ${l.noComparison} without comparison, ${l.ms.toFixed(0)} ms`;
  console.log(
    [
      `[${name}] ${fig.files} TOML files, ${fig.files - fig.documentFailures.length} documents read`,
      `  languages: ${Object.entries(fig.languages).map(([k, v]) => `${k} ${v}`).join(', ')}`,
      `  kuery: ${lang(fig.kuery)}`,
      `  esql:  ${lang(fig.esql)}`,
      ...fig.kuery.failures.map((f) => `  KQL failure: ${f}`),
      ...fig.esql.failures.map((f) => `  ES|QL failure: ${f}`),
    ].join('\n'),
  );
}

describe('Elastic corpus coverage', () => {
  let current: SetFigures;
  let deprecated: SetFigures;

  beforeAll(() => {
    const all = [...tomlFiles(path.join(ELASTIC, 'rules')), ...tomlFiles(path.join(ELASTIC, 'rules_building_block'))];
    const isDeprecated = (f: string): boolean => f.includes(`${path.sep}_deprecated${path.sep}`);
    current = readSet(all.filter((f) => !isDeprecated(f)));
    deprecated = readSet(all.filter(isDeprecated));
    report('rules + rules_building_block', current);
    report('rules/_deprecated', deprecated);
  });

  it('reads every TOML document', () => {
    expect(current.files).toBeGreaterThan(1900);
    expect(current.documentFailures).toEqual([]);
    expect(deprecated.files).toBeGreaterThan(100);
    expect(deprecated.documentFailures).toEqual([]);
  });

  it('parses every KQL query', () => {
    expect(current.kuery.queries).toBeGreaterThan(600);
    expect(current.kuery.failures).toEqual([]);
    expect(deprecated.kuery.failures).toEqual([]);
  });

  it('parses every ES|QL query', () => {
    expect(current.esql.queries).toBeGreaterThan(150);
    expect(current.esql.failures).toEqual([]);
    expect(deprecated.esql.failures).toEqual([]);
  });

  it('lowers every parsed query with comparisons located inside the query', () => {
    for (const fig of [current, deprecated]) {
      expect(fig.kuery.badSpans).toEqual([]);
      expect(fig.esql.badSpans).toEqual([]);
      // Every KQL rule compares at least one field; an ES|QL rule may filter only after STATS.
      expect(fig.kuery.noComparison).toBe(0);
    }
    expect(current.esql.noComparison).toBeLessThan(current.esql.queries / 10);
  });
});
