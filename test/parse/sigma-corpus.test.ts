import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { CORPUS } from '../helpers/paths.js';
import { SourceText } from '../../src/model/location.js';
import type { Logic } from '../../src/model/logic.js';
import { parseSigmaFile, sigmaToLogic } from '../../src/parse/sigma/index.js';
import { readYamlFast } from '../../src/parse/yaml/fast-reader.js';

const SIGMA = path.join(CORPUS, 'sigma');

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

interface Figures {
  files: number;
  documents: number;
  kinds: Record<string, number>;
  /** Problems by `checkId:severity`. */
  problems: Record<string, number>;
  fatal: string[];
  /** Documents whose detection lowers to a Logic tree. */
  withLogic: number;
  /** Comparisons in all Logic trees, by operator. */
  operators: Record<string, number>;
  /** Files the fast YAML reader left to the `yaml` package. */
  slowPath: number;
  parseMs: number;
}

function bump(m: Record<string, number>, k: string): void {
  m[k] = (m[k] ?? 0) + 1;
}

function countOperators(l: Logic | undefined, out: Record<string, number>): void {
  if (!l) return;
  if (l.kind === 'cmp') bump(out, l.operator);
  else if (l.kind === 'opaque') bump(out, 'opaque');
  else if (l.kind === 'not') countOperators(l.item, out);
  else for (const i of l.items) countOperators(i, out);
}

function parseAll(files: string[]): Figures {
  const f: Figures = { files: files.length, documents: 0, kinds: {}, problems: {}, fatal: [], withLogic: 0, operators: {}, slowPath: 0, parseMs: 0 };
  const texts = files.map((file) => fs.readFileSync(file, 'utf8'));
  const t = performance.now();
  const parsed = texts.map((text) => {
    const source = new SourceText(text);
    const result = parseSigmaFile(source);
    return { result, logic: result.documents.map(sigmaToLogic) };
  });
  f.parseMs = Math.round(performance.now() - t);
  parsed.forEach(({ result, logic }, i) => {
    const rel = path.relative(SIGMA, files[i] as string);
    f.documents += result.documents.length;
    for (const d of result.documents) bump(f.kinds, d.kind);
    for (const l of logic) {
      if (l) f.withLogic++;
      countOperators(l, f.operators);
    }
    for (const p of result.problems) {
      bump(f.problems, `${p.checkId}:${p.severity}`);
      if (p.fatal) f.fatal.push(`${rel}:${p.loc.line}:${p.loc.column} ${p.message}`);
    }
    if (!readYamlFast(texts[i] as string)) f.slowPath++;
  });
  return f;
}

describe('the Sigma corpus', () => {
  const ruleDirs = fs.readdirSync(SIGMA).filter((d) => d.startsWith('rules')).sort();
  const ruleFiles = ruleDirs.flatMap((d) => yamlFiles(path.join(SIGMA, d)));

  it('parses every rule (rules*) with no problem at all', () => {
    const f = parseAll(ruleFiles);
    console.log(`sigma ${ruleDirs.join(', ')}:`, JSON.stringify(f));
    expect(f.fatal).toEqual([]);
    expect(f.files).toBe(3750);
    expect(f.documents).toBe(3750);
    expect(f.kinds).toEqual({ rule: 3750 });
    expect(f.problems).toEqual({});
    expect(f.withLogic).toBe(3750);
    // Every rule goes through the fast YAML reader (a tab inside a comment line no longer sends one to the yaml package).
    expect(f.slowPath).toBe(0);
    expect(f.operators).toEqual({
      contains: 28_647, ends_with: 9_625, eq: 5_756, starts_with: 1_065, wildcard: 372, cidr: 365, regex_match: 211,
      is_null: 88, opaque: 3,
    });
  });

  it('parses the deprecated and unsupported rules, reporting what is wrong in them', () => {
    const dep = parseAll(yamlFiles(path.join(SIGMA, 'deprecated')));
    console.log('sigma deprecated:', JSON.stringify(dep));
    expect(dep.fatal).toEqual([]);
    expect([dep.files, dep.documents, dep.withLogic]).toEqual([172, 172, 172]);
    expect(dep.problems).toEqual({ 'sigma-condition-aggregation:warn': 1 });

    const uns = parseAll(yamlFiles(path.join(SIGMA, 'unsupported')));
    console.log('sigma unsupported:', JSON.stringify(uns));
    expect(uns.fatal).toEqual([]);
    // Three legacy `action: global` files give one rule per part document: 87 files, 89 rules.
    expect([uns.files, uns.documents]).toEqual([87, 89]);
    expect(uns.problems).toEqual({ 'sigma-condition-aggregation:warn': 54, 'sigma-condition-syntax:error': 4 });
    expect(uns.withLogic).toBe(85);
  });
});
