import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { getStaticTOMLValue, parseTOML, type AST } from 'toml-eslint-parser';
import { CORPUS } from '../helpers/paths.js';
import { SourceText, type Span } from '../../src/model/location.js';
import type { Logic } from '../../src/model/logic.js';
import { EmbeddedText } from '../../src/parse/embedded.js';
import type { QueryParseResult } from '../../src/parse/query-error.js';
import type { EqlQuery } from '../../src/parse/elastic/eql/ast.js';
import { parseEql } from '../../src/parse/elastic/eql/parser.js';
import { eqlToLogic } from '../../src/parse/elastic/eql/lower.js';
import { eqlOutline } from '../../src/parse/elastic/eql/outline.js';

const ELASTIC = path.join(CORPUS, 'elastic');

interface CorpusQuery {
  file: string;
  deprecated: boolean;
  source: SourceText;
  /** The TOML string node holding the query, for mapping spans into the file. */
  node: AST.TOMLStringValue;
  query: string;
  result: QueryParseResult<EqlQuery>;
}

function tomlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...tomlFiles(p));
    else if (e.name.endsWith('.toml')) out.push(p);
  }
  return out;
}

function keyName(k: AST.TOMLBare | AST.TOMLQuoted): string {
  return k.type === 'TOMLBare' ? k.name : k.value;
}

/** The `query` string node of the `[rule]` table. */
function queryNode(program: AST.TOMLProgram): AST.TOMLStringValue | undefined {
  for (const table of program.body[0].body) {
    if (table.type !== 'TOMLTable' || table.resolvedKey.join('.') !== 'rule') continue;
    for (const kv of table.body) {
      if (kv.key.keys.map(keyName).join('.') === 'query' && kv.value.type === 'TOMLValue' && kv.value.kind === 'string') {
        return kv.value;
      }
    }
  }
  return undefined;
}

let queries: CorpusQuery[] = [];
let parseMs = 0;

beforeAll(() => {
  const files = [...tomlFiles(path.join(ELASTIC, 'rules')), ...tomlFiles(path.join(ELASTIC, 'rules_building_block'))];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    if (!/language\s*=\s*"eql"/.test(text)) continue;
    const program = parseTOML(text);
    const rule = (getStaticTOMLValue(program) as { rule?: { language?: unknown } }).rule;
    const node = queryNode(program);
    if (rule?.language !== 'eql' || node === undefined) continue;
    const t0 = performance.now();
    const result = parseEql(node.value);
    parseMs += performance.now() - t0;
    const rel = path.relative(ELASTIC, file);
    queries.push({ file: rel, deprecated: rel.includes(`${path.sep}_deprecated${path.sep}`), source: new SourceText(text), node, query: node.value, result });
  }
});

function failures(set: CorpusQuery[]): CorpusQuery[] {
  return set.filter((q) => q.result.errors.length > 0 || q.result.ast === null);
}

function report(label: string, set: CorpusQuery[]): number {
  const failed = failures(set);
  const pct = set.length === 0 ? 0 : (100 * (set.length - failed.length)) / set.length;
  console.log(`EQL ${label}: ${set.length} queries, ${set.length - failed.length} parsed (${pct.toFixed(2)}%), ${failed.length} failed`);
  for (const f of failed.slice(0, 10)) console.log(`  ${f.file}: ${f.result.errors[0]?.message}`);
  return failed.length;
}

describe('Elastic EQL corpus', () => {
  test('every query parses', () => {
    const current = queries.filter((q) => !q.deprecated);
    const deprecated = queries.filter((q) => q.deprecated);
    const building = current.filter((q) => q.file.startsWith('rules_building_block'));
    console.log(
      `EQL parse time: ${parseMs.toFixed(0)} ms for ${queries.length} queries ` +
        `(${queries.reduce((n, q) => n + q.query.length, 0)} characters)`,
    );
    expect(report(`rules + building blocks (${current.length - building.length} + ${building.length})`, current)).toBe(0);
    expect(report('_deprecated', deprecated)).toBe(0);
    // Guards against the walk silently finding nothing.
    expect(current.length).toBeGreaterThan(900);
    expect(building.length).toBeGreaterThan(50);
    expect(deprecated.length).toBeGreaterThan(40);
  });

  test('the corpus exercises the grammar', () => {
    const kinds: Record<string, number> = {};
    let missing = 0;
    let runs = 0;
    let until = 0;
    for (const q of queries) {
      const ast = q.result.ast;
      if (!ast) continue;
      kinds[ast.kind] = (kinds[ast.kind] ?? 0) + 1;
      const o = eqlOutline(ast);
      missing += o.steps.filter((s) => s.missing).length;
      runs += o.steps.filter((s) => s.runs > 1).length;
      until += o.steps.filter((s) => s.until).length;
    }
    console.log(`EQL query kinds: ${JSON.stringify(kinds)}; missing-event steps ${missing}, runs steps ${runs}, until steps ${until}`);
    expect(kinds.event).toBeGreaterThan(700);
    expect(kinds.sequence).toBeGreaterThan(150);
    expect(kinds.sample).toBeGreaterThan(0);
    expect(missing).toBeGreaterThan(0);
    expect(runs).toBeGreaterThan(5);
    expect(until).toBeGreaterThan(0);
  });

  test('spans nest and cover what they name', () => {
    let nodes = 0;
    const wrong: string[] = [];
    for (const q of queries) {
      if (!q.result.ast) continue;
      nodes += checkSpans(q.result.ast, { start: 0, end: q.query.length }, q.query, (problem) => wrong.push(`${q.file}: ${problem}`));
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(nodes).toBeGreaterThan(55_000);
  });

  test('categories and fields map to the same text in the file', () => {
    let checked = 0;
    for (const q of queries) {
      if (!q.result.ast) continue;
      const style = q.node.style === 'literal' ? 'literal' : 'escaped';
      const embedded = EmbeddedText.align(q.source, q.node.range[0], q.node.range[1], q.query, style);
      const inFile = (span: Span): string => {
        const f = embedded.fileSpan(span);
        return q.source.text.slice(f.start, f.end);
      };
      for (const step of eqlOutline(q.result.ast).steps) {
        if (step.category.quoted) continue;
        expect(inFile(step.category.span), q.file).toBe(step.category.name);
        checked++;
      }
      forEachNode(q.result.ast, (n) => {
        if (n.kind !== 'field') return;
        expect(inFile(n.span), q.file).toBe(q.query.slice(n.span.start, n.span.end));
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  test('lowering: comparisons for field tests, few opaque parts', () => {
    const operators: Record<string, number> = {};
    let cmps = 0;
    let opaque = 0;
    let grouped = 0;
    const badSpans: string[] = [];
    for (const q of queries) {
      if (!q.result.ast) continue;
      const walk = (l: Logic): void => {
        if (l.kind === 'cmp') {
          cmps++;
          operators[l.operator] = (operators[l.operator] ?? 0) + 1;
          if (l.group !== undefined) grouped++;
          if (l.span.start < 0 || l.span.end > q.query.length || l.span.end <= l.span.start) badSpans.push(`${q.file} ${JSON.stringify(l.span)}`);
        } else if (l.kind === 'opaque') opaque++;
        else if (l.kind === 'not') walk(l.item);
        else l.items.forEach(walk);
      };
      walk(eqlToLogic(q.result.ast));
    }
    console.log(`EQL lowering: ${cmps} comparisons (${grouped} in sequence/sample steps), ${opaque} opaque; ${JSON.stringify(operators)}`);
    expect(badSpans).toEqual([]);
    expect(cmps).toBeGreaterThan(25_000);
    expect(grouped).toBeGreaterThan(3_000);
    expect(opaque / cmps).toBeLessThan(0.005);
    for (const op of ['eq', 'ne', 'in', 'match', 'wildcard', 'regex_match', 'cidr', 'starts_with', 'ends_with', 'contains', 'is_null', 'is_not_null', 'gte']) {
      expect(operators[op], op).toBeGreaterThan(0);
    }
  });
});

type AnyNode = { kind: string; span: Span } & Record<string, unknown>;

function isNode(x: unknown): x is AnyNode {
  return typeof x === 'object' && x !== null && 'span' in x && 'kind' in x;
}

/** Children of a node: every nested object with a span, except the node's own span fields. */
function children(n: Record<string, unknown>): unknown[] {
  const out: unknown[] = [];
  for (const [key, value] of Object.entries(n)) {
    if (key === 'span' || key === 'operatorSpan' || key === 'nameSpan') continue;
    if (Array.isArray(value)) out.push(...value);
    else if (typeof value === 'object' && value !== null) out.push(value);
  }
  return out;
}

function forEachNode(root: unknown, visit: (n: AnyNode) => void): void {
  if (typeof root !== 'object' || root === null) return;
  if (isNode(root)) visit(root);
  for (const c of children(root as Record<string, unknown>)) forEachNode(c, visit);
}

/** Checks that each span lies inside its parent's and that leaves cover their text; returns the nodes seen. */
function checkSpans(node: unknown, parent: Span, text: string, wrong: (problem: string) => void): number {
  if (typeof node !== 'object' || node === null) return 0;
  const rec = node as Record<string, unknown>;
  let span = parent;
  let count = 0;
  if ('span' in rec) {
    span = rec.span as Span;
    const covered = text.slice(span.start, span.end);
    if (span.start < parent.start || span.end > parent.end || span.start > span.end) {
      wrong(`span ${JSON.stringify(span)} outside ${JSON.stringify(parent)}: ${JSON.stringify(covered)}`);
    }
    count++;
    if (rec.kind === 'field') {
      // Parentheses around a lone field belong to its span.
      const bare = covered.replace(/[?`\s()]/g, '');
      if (bare !== (rec.name as string).replace(/`/g, '')) wrong(`field ${String(rec.name)} spans ${JSON.stringify(covered)}`);
    } else if (rec.kind === 'string' && !/^\(*["'?]/.test(covered)) {
      wrong(`string spans ${JSON.stringify(covered)}`);
    }
  }
  for (const c of children(rec)) count += checkSpans(c, span, text, wrong);
  return count;
}
