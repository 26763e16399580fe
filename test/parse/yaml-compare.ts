import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { FastTreeView } from '../../src/parse/yaml/fast-tree-view.js';
import type { YNode } from '../../src/parse/yaml/nodes.js';
import { PackageTreeView } from '../../src/parse/yaml/package-tree-view.js';
import type { YamlTreeView } from '../../src/parse/yaml/tree-view.js';

/** The `.yml` files under a folder, sorted. */
export function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFilesUnder(p));
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

/**
 * Every difference between the fast reader's tree of `text` and the `yaml`
 * package's document, seen through the two tree views: node spans, key spans,
 * scalar styles and raw ranges, path by path.
 */
export function viewDifferences(text: string, root: YNode): string[] {
  const out: string[] = [];
  const fast = new FastTreeView(text, root);
  const doc = parseDocument(text, { uniqueKeys: false });
  const pkg = new PackageTreeView(text, doc);
  compareNodes(fast, root, pkg, pkg.root, '', out);
  return out;
}

function compareNodes<P>(fast: YamlTreeView<YNode>, a: YNode, pkg: YamlTreeView<P>, b: P | undefined, at: string, out: string[]): void {
  if (b === undefined) {
    out.push(`${at}: no package node`);
    return;
  }
  const sa = fast.span(a);
  const sb = pkg.span(b);
  if (sa.start !== sb.start || sa.end !== sb.end) out.push(`${at}: span ${sa.start}-${sa.end}, package ${sb.start}-${sb.end}`);
  const ca = fast.scalar(a);
  const cb = pkg.scalar(b);
  if (ca || cb) {
    if (!ca || !cb) out.push(`${at}: scalar on one side only`);
    else if (ca.style !== cb.style || ca.raw?.start !== cb.raw?.start || ca.raw?.end !== cb.raw?.end) {
      out.push(`${at}: scalar ${ca.style} ${ca.raw?.start}-${ca.raw?.end}, package ${cb.style} ${cb.raw?.start}-${cb.raw?.end}`);
    }
    return;
  }
  if (a.kind === 'seq') {
    a.items.forEach((item, i) => compareNodes(fast, item, pkg, pkg.child(b, i), `${at}/${i}`, out));
    return;
  }
  if (a.kind !== 'map' || !pkg.isMap(b)) {
    out.push(`${at}: ${a.kind}, package another kind`);
    return;
  }
  for (const key of new Set(a.pairs.map((p) => String(p.key.value)))) {
    const ka = fast.keyNode(a, key);
    const kb = pkg.keyNode(b, key);
    const x = ka && fast.span(ka);
    const y = kb && pkg.span(kb);
    if (x?.start !== y?.start || x?.end !== y?.end) out.push(`${at}/${key}: key ${x?.start}-${x?.end}, package ${y?.start}-${y?.end}`);
    const child = fast.child(a, key);
    if (child) compareNodes(fast, child, pkg, pkg.child(b, key), `${at}/${key}`, out);
  }
}
