import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, parseAllDocuments, parseDocument } from 'yaml';
import type { Node as YamlLibNode } from 'yaml';
import { SourceText } from '../../src/model/location.js';
import { parseSplunkFile } from '../../src/parse/splunk/document.js';
import { readYamlFast } from '../../src/parse/yaml/fast-reader.js';
import type { YNode } from '../../src/parse/yaml/nodes.js';
import { toPlain } from '../../src/parse/yaml/nodes.js';
import { packageSpan, packageSpansExact } from '../../src/parse/yaml/package-ranges.js';
import { CORPUS } from '../helpers/paths.js';
import { viewDifferences, yamlFilesUnder } from './yaml-compare.js';

function fastRoot(text: string): YNode {
  const root = readYamlFast(text)?.[0]?.contents;
  if (!root) throw new Error('the fast reader gave up');
  return root;
}

/** The package's location of the node at a path, as the Splunk reader always reported it. */
function packageLocation(text: string, at: (string | number)[]): ReturnType<SourceText['location']> | undefined {
  const node = parseDocument(text).getIn(at, true) as YamlLibNode | undefined;
  const r = node?.range;
  if (!r) return undefined;
  let end = r[1];
  while (end > r[0] + 1 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return new SourceText(text).location({ start: r[0], end });
}

describe('package spans from the fast reader', () => {
  it.each([
    ['an empty value followed by spaces sits after them', 'name:   \nsearch: x\n'],
    ['empty list items, with and without spaces', 'l:\n-   \n-\nn: 1\n'],
    ['an empty value at the end of the text', 'tags:\n  a: 1\n  b:  '],
    ["a collection runs over its last value's trailing spaces", 'tags:\n  a: x  \nnext: 1\n'],
    ['nested collections ending together', 'l:\n- a: 1\n  b:\n  - x   \nn: 1\n'],
    ['a collection ending in a quoted, multi-line or flow value', "a:\n  q: 'x'  \nb:\n  m: one\n    two  \nc:\n  f: [1, 2]  \n"],
    ['a block scalar keeps the spaces of its last line', 'search: |\n  foo  \n\nname: n\n'],
    ['strip, clip and folded block scalars', 'a: |-\n  x\n\nb: >\n  one\n  two\n\nc: |\n  y\n'],
    ['a keep block scalar at the end of the text', 'a:\n  search: |+\n    x\n\n \n'],
    ['a block scalar without a final line break', 'search: |\n  x'],
    ['a comment that is not last', 'tags:\n  a: x # c\n  b: y\nn: 1\n'],
  ])('%s', (_name, text) => {
    const root = fastRoot(text);
    expect(packageSpansExact(text, root)).toBe(true);
    expect(viewDifferences(text, root)).toEqual([]);
  });

  it.each([
    ['a trailing comment after the last value', 'tags:\n  a: x # c\nsearch: s\n'],
    ['a deeper comment line after the last value', 'tags:\n  a: x\n    # c\nsearch: s\n'],
    ['an empty last value with a comment', 'tags:\n  - a\n  - # c\nsearch: s\n'],
    ['a comment at the end of the text', 'search: s\ntags:\n- a\n\n    # c'],
  ])('leaves %s to the package, which reads it as before', (_name, text) => {
    expect(packageSpansExact(text, fastRoot(text))).toBe(false);
    const { doc, problems } = parseSplunkFile(new SourceText(text));
    expect(problems).toEqual([]);
    expect(doc?.locate(['tags'])).toEqual(packageLocation(text, ['tags']));
    expect(doc?.locate([])).toEqual(packageLocation(text, []));
  });

  it('gives the package span of a node the Splunk reader locates', () => {
    const text = 'tags:\n  role:   \n  list:\n  - x  \nsearch: s\n';
    const root = fastRoot(text);
    const tags = root.kind === 'map' ? root.pairs[0]?.value : undefined;
    if (!tags) throw new Error('no tags');
    const span = packageSpan(text, tags);
    expect(text.slice(span.start, span.end)).toBe('role:   \n  list:\n  - x  ');
    const doc = parseSplunkFile(new SourceText(text)).doc;
    expect(doc?.locate(['tags'])).toEqual(packageLocation(text, ['tags']));
    expect(doc?.locate(['tags', 'role'])).toEqual(packageLocation(text, ['tags', 'role']));
    expect(doc?.locate(['tags', 'role'])).toEqual({ line: 2, column: 11, endLine: 2, endColumn: 11 });
  });
});

/** Small, repeatable edits of a file: the kinds of slip a draft rule has. */
function mutate(text: string, next: (n: number) => number): string {
  const lines = text.split('\n');
  const i = next(lines.length);
  const line = lines[i] ?? '';
  const at = next(line.length + 1);
  const inserts = [':', ' ', '#', ' # c', '"', "'", '- ', '[', '{', '|', '>', '\\', '&a', '*a', '!', '?', '\n  # c', '\n    # c', ': ', '~', '   '];
  switch (next(8)) {
    case 0: lines.splice(i, 0, line); break;
    case 1: lines[i] = ' '.repeat(1 + next(4)) + line; break;
    case 2: lines[i] = line.replace(/^ {1,2}/, ''); break;
    case 3: lines[i] = line + ' '.repeat(1 + next(3)); break;
    case 4: lines.splice(i + 1, 0, ' '.repeat(next(8)) + '# c'); break;
    case 5: lines[i] = line.replace(/:\s.*$/, ':' + ' '.repeat(next(3))); break;
    case 6: lines.splice(i, 1); break;
    default: lines[i] = line.slice(0, at) + (inserts[next(inserts.length)] as string) + line.slice(at);
  }
  return lines.join('\n');
}

describe('edited corpus detections', () => {
  it('are read by the fast reader only when valid, with the package values and spans', () => {
    let seed = 20240611;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const files = yamlFilesUnder(path.join(CORPUS, 'splunk', 'detections')).filter((_, i) => i % 4 === 0);
    const failures: string[] = [];
    let compared = 0;
    for (const file of files) {
      const text = mutate(mutate(readFileSync(file, 'utf8'), next), next);
      const fast = readYamlFast(text);
      if (!fast) continue;
      const all = parseAllDocuments(text, { uniqueKeys: false });
      const docs = Array.isArray(all) ? all : [];
      const name = path.basename(file);
      if (docs.some((d) => d.errors.length > 0) || docs.length !== fast.length) failures.push(`${name}: accepted invalid YAML`);
      else if (JSON.stringify(fast.map((d) => toPlain(d.contents))) !== JSON.stringify(docs.map((d) => d.toJS()))) failures.push(`${name}: values`);
      else if (fast.length === 1 && fast[0]?.contents?.kind === 'map' && isMap(docs[0]?.contents) && packageSpansExact(text, fast[0].contents)) {
        compared++;
        for (const d of viewDifferences(text, fast[0].contents).slice(0, 2)) failures.push(`${name} ${d}`);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(compared).toBeGreaterThan(200);
  });
});
