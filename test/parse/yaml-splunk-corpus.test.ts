import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, parse, parseAllDocuments, parseDocument } from 'yaml';
import type { Scalar } from 'yaml';
import { SourceText } from '../../src/model/location.js';
import type { EmbeddedText } from '../../src/parse/embedded.js';
import { embeddedScalar, parseSplunkFile } from '../../src/parse/splunk/document.js';
import { readYamlFast } from '../../src/parse/yaml/fast-reader.js';
import { toPlain } from '../../src/parse/yaml/nodes.js';
import { packageSpansExact } from '../../src/parse/yaml/package-ranges.js';
import { parseYamlValue } from '../../src/parse/yaml/plain-value.js';
import { CORPUS } from '../helpers/paths.js';
import { viewDifferences, yamlFilesUnder } from './yaml-compare.js';

const SPLUNK = path.join(CORPUS, 'splunk');

/** The value `yaml.parse` gives, or the message it throws. */
function parsedOrError(read: (text: string) => unknown, text: string): unknown {
  try {
    return { value: read(text) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

function offsets(e: EmbeddedText | undefined): number[] | undefined {
  if (!e) return undefined;
  return Array.from({ length: e.text.length + 1 }, (_, i) => e.fileOffset(i));
}

describe.each(['detections', 'macros', 'data_sources'])('Splunk corpus %s: the fast reader and the yaml package', (folder) => {
  const files = yamlFilesUnder(path.join(SPLUNK, folder));

  it('give the same plain value for every file (the fast path of yaml.parse too)', () => {
    const fallback: string[] = [];
    const mismatches: string[] = [];
    for (const file of files) {
      const rel = path.relative(SPLUNK, file);
      const text = readFileSync(file, 'utf8');
      if (!isDeepStrictEqual(parsedOrError(parseYamlValue, text), parsedOrError(parse, text))) mismatches.push(`${rel}: parseYamlValue`);
      const fast = readYamlFast(text);
      if (!fast) {
        fallback.push(rel);
        continue;
      }
      const docs = parseAllDocuments(text, { uniqueKeys: false });
      const full = Array.isArray(docs) ? docs : [];
      if (full.some((d) => d.errors.length > 0)) mismatches.push(`${rel}: the fast reader accepted invalid YAML`);
      else if (!isDeepStrictEqual(fast.map((d) => toPlain(d.contents)), full.map((d) => d.toJS()))) mismatches.push(`${rel}: values`);
    }
    expect(files.length).toBeGreaterThan(150);
    expect(mismatches).toEqual([]);
    // The few left to the package have anchors, flow maps or bad YAML.
    expect(fallback.length, fallback.join(', ')).toBeLessThanOrEqual(4);
  });
});

describe('Splunk corpus detections: positions', () => {
  const files = yamlFilesUnder(path.join(SPLUNK, 'detections'));

  it('puts every node, key and scalar where the yaml package does', () => {
    let compared = 0;
    const inexact: string[] = [];
    const differences: string[] = [];
    for (const file of files) {
      const rel = path.relative(SPLUNK, file);
      const text = readFileSync(file, 'utf8');
      const root = readYamlFast(text)?.[0]?.contents;
      if (root?.kind !== 'map') continue;
      if (!packageSpansExact(text, root)) {
        inexact.push(rel);
        continue;
      }
      compared++;
      for (const d of viewDifferences(text, root).slice(0, 3)) differences.push(`${rel} ${d}`);
    }
    expect(differences.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThan(1650);
    expect(inexact.length, inexact.join(', ')).toBeLessThanOrEqual(3);
  });

  it('maps every character of every search and drilldown search to the file as the yaml package path does', () => {
    let searches = 0;
    const mismatches: string[] = [];
    for (const file of files) {
      const rel = path.relative(SPLUNK, file);
      const source = new SourceText(readFileSync(file, 'utf8'));
      const { doc } = parseSplunkFile(source);
      const yamlDoc = parseDocument(source.text, { uniqueKeys: false });
      if (!doc || !isMap(yamlDoc.contents)) continue;
      // The reference: the package's scalar node, decoded as the reader always did.
      const reference = (node: unknown): EmbeddedText | undefined =>
        isScalar(node) && typeof node.value === 'string' ? embeddedScalar(source, node as Scalar<string>) : undefined;
      const search = reference(yamlDoc.get('search', true));
      if (!isDeepStrictEqual(offsets(doc.search), offsets(search)) || doc.search?.text !== search?.text) mismatches.push(`${rel}: search`);
      if (search) {
        searches++;
        const node = yamlDoc.get('search', true) as Scalar;
        const [start, end] = node.range ?? [0, 0];
        let trimmed = end;
        while (trimmed > start + 1 && source.text[trimmed - 1] === '\n') trimmed--;
        if (!isDeepStrictEqual(doc.searchLoc, source.location({ start, end: trimmed }))) mismatches.push(`${rel}: searchLoc`);
      }
      doc.drilldownSearches.forEach((d, i) => {
        const expected = reference(yamlDoc.getIn(['drilldown_searches', i, 'search'], true));
        if (!isDeepStrictEqual(offsets(d.search), offsets(expected))) mismatches.push(`${rel}: drilldown ${i}`);
      });
    }
    expect(searches).toBeGreaterThan(1650);
    expect(mismatches).toEqual([]);
  });
});
