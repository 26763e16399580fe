import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { CORPUS } from '../helpers/paths.js';
import { readYamlFast } from '../../src/parse/yaml/fast-reader.js';
import { readYamlFull } from '../../src/parse/yaml/full-reader.js';
import { toPlain } from '../../src/parse/yaml/nodes.js';
import type { YNode } from '../../src/parse/yaml/nodes.js';

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Every node's kind and range, so the two readers can be compared position by position. */
function shape(node: YNode | null): unknown {
  if (!node) return null;
  if (node.kind === 'scalar') return [node.start, node.end, node.style, node.value];
  if (node.kind === 'seq') return [node.start, node.end, node.items.map(shape)];
  return [node.start, node.end, node.pairs.map((p) => [shape(p.key), shape(p.value)])];
}

describe('fast YAML reader agrees with the yaml package', () => {
  const root = path.join(CORPUS, 'sigma');
  const dirs = fs.readdirSync(root).filter((d) => d.startsWith('rules') || d === 'deprecated' || d === 'unsupported');
  const files = dirs.flatMap((d) => yamlFiles(path.join(root, d)));

  it('gives the same values and node ranges on every corpus file it accepts', () => {
    let accepted = 0;
    const mismatches: string[] = [];
    const rejected: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const fast = readYamlFast(text);
      if (!fast) {
        rejected.push(path.relative(root, file));
        continue;
      }
      accepted++;
      const full = readYamlFull(text);
      const a = fast.map((d) => ({ data: toPlain(d.contents), shape: shape(d.contents) }));
      const b = full.documents.map((d) => ({ data: toPlain(d.contents), shape: shape(d.contents) }));
      try {
        expect(a).toEqual(b);
      } catch {
        mismatches.push(path.relative(root, file));
      }
    }
    console.log(`fast reader: ${accepted}/${files.length} accepted; fallback: ${rejected.join(', ')}`);
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(rejected.length).toBeLessThan(10);
  });
});

describe('fast YAML reader on the constructs it handles', () => {
  const same = (text: string): void => {
    const fast = readYamlFast(text);
    expect(fast).not.toBeNull();
    const full = readYamlFull(text);
    expect(full.issues.flat().filter((i) => i.error)).toEqual([]);
    expect(fast?.map((d) => shape(d.contents))).toEqual(full.documents.map((d) => shape(d.contents)));
  };

  it.each([
    ['nested maps and lists', 'a:\n  b:\n    - 1\n    - two\n  c: true\nd: ~\n'],
    ['a list at the same indentation as its key', 'a:\n- x\n- y\nb: 1\n'],
    ['compact maps in lists', 'l:\n  - k: v\n    k2: v2\n  - - nested\n    - list\n'],
    ['multi-line plain scalars with blank lines', 'description: one\n  two\n\n  three\nnext: x\n'],
    ['multi-line quoted scalars', "a: 'one\n  two '' three'\nb: \"x\\ty\n  z\\\n  w\"\n"],
    ['literal and folded block scalars', 'a: |\n  line 1\n\n  line 2\nb: >-\n  folded\n  text\n\n  para\nc: |+\n  keep\n'],
    ['comments everywhere', '# head\na: 1 # tail\n# mid\nb:\n  # inside\n  - x # item\n'],
    ['flow sequences and empty flow maps', "a: [1, 'two', three]\nb: []\nc: {}\n"],
    ['quoted keys', "'a|b': 1\n\"c d\": 2\n"],
    ['values with colons and hashes inside', 'url: http://x.org/a#b\npath: C:\\x\\y\ntime: 12:30\n'],
    ['core schema scalars', 'a: 0x1F\nb: 0o17\nc: 1e3\nd: .5\ne: -.inf\nf: .nan\ng: True\nh: NULL\ni: 010\nj: +3\n'],
    ['several documents', 'a: 1\n---\nb: 2\n...\n---\n- c\n'],
    ['a document starting indented', ' a: 1\n b:\n  - x\n'],
    ['tabs inside comment lines', '#\thead\na: 1\nb:\n  # in\tside\n  - x\n    #  - \'\t\'  # tab\nc: |\n  # \tliteral\n'],
  ])('%s', (_name, text) => same(text));

  it.each([
    ['tabs', 'a:\n\tb: 1\n'],
    ['a tab at the end of a comment line', '# head\t\na: 1\n'],
    ['a tab in a comment after a value', 'a: 1 # tail\tcomment\n'],
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !!str 1\n'],
    ['flow maps', 'a: {b: 1}\n'],
    ['complex keys', '? a\n: b\n'],
    ['directives', '%YAML 1.2\n---\na: 1\n'],
    ['invalid YAML', 'a: b: c\n'],
    ['an unterminated quote', "a: 'x\n"],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
  ])('leaves %s to the yaml package', (_name, text) => {
    expect(readYamlFast(text)).toBeNull();
  });
});

describe('fast YAML reader: repeated keys', () => {
  const listed = (text: string): unknown => readYamlFast(text)?.map((d) => d.duplicateKeys?.map((k) => [k.start, k.value]));

  it('lists every key that repeats an earlier key of its own map, at any depth, per document', () => {
    const text = "a: 1\nb:\n  - x: 1\n    x: 2\n    y: 3\n  - c:\n      d: 1\n      d: 2\n      d: 3\na: 2\n---\nk: 1\n---\n'1': a\n1: b\n";
    expect(listed(text)).toEqual([
      [[21, 'x'], [59, 'd'], [70, 'd'], [75, 'a']],
      [],
      [[100, 1]],
    ]);
  });

  it('does not count the same key in different maps', () => {
    expect(listed('a:\n  k: 1\nb:\n  k: 2\n')).toEqual([[]]);
  });
});
