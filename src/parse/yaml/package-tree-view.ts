import type { Document, Node as YamlLibNode } from 'yaml';
import type { Span } from '../../model/location.js';
import type { ScalarStyle } from './nodes.js';
import { yamlPackage } from './package.js';
import type { ScalarView, YamlTreeView } from './tree-view.js';

const STYLES: Readonly<Record<string, ScalarStyle>> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single',
  QUOTE_DOUBLE: 'double',
  BLOCK_LITERAL: 'literal',
  BLOCK_FOLDED: 'folded',
};

/** The reader's style name for a `yaml` package scalar type. */
export function scalarStyleOf(type: string | undefined): ScalarStyle {
  return STYLES[type ?? 'PLAIN'] ?? 'plain';
}

/**
 * A `yaml` package Document seen through `YamlTreeView`, for files the fast
 * reader leaves to the package. Nodes are the package's own: an alias stays an
 * alias (neither scalar nor collection), as it always was for the Splunk reader.
 */
export class PackageTreeView implements YamlTreeView<YamlLibNode> {
  readonly root: YamlLibNode | undefined;
  private readonly doc: Document.Parsed;
  private readonly text: string;

  constructor(text: string, doc: Document.Parsed) {
    this.text = text;
    this.doc = doc;
    this.root = doc.contents ?? undefined;
  }

  child(node: YamlLibNode, step: string | number): YamlLibNode | undefined {
    const y = yamlPackage();
    if (y.isSeq(node) && typeof step === 'number') return (node.items[step] as YamlLibNode | undefined) ?? undefined;
    if (!y.isMap(node)) return undefined;
    for (let i = node.items.length - 1; i >= 0; i--) {
      const pair = node.items[i];
      if (y.isScalar(pair?.key) && String(pair.key.value) === String(step)) return (pair.value as YamlLibNode | null) ?? undefined;
    }
    return undefined;
  }

  keyNode(node: YamlLibNode, step: string | number): YamlLibNode | undefined {
    const y = yamlPackage();
    if (y.isSeq(node) && typeof step === 'number') return (node.items[step] as YamlLibNode | undefined) ?? undefined;
    if (!y.isMap(node)) return undefined;
    for (let i = node.items.length - 1; i >= 0; i--) {
      const key = node.items[i]?.key as YamlLibNode | undefined;
      if (y.isScalar(key) && String(key.value) === String(step)) return key;
    }
    return undefined;
  }

  isMap(node: YamlLibNode | undefined): boolean {
    return yamlPackage().isMap(node);
  }

  items(node: YamlLibNode | undefined): readonly YamlLibNode[] | undefined {
    return yamlPackage().isSeq(node) ? (node.items as YamlLibNode[]) : undefined;
  }

  scalar(node: YamlLibNode | undefined): ScalarView | undefined {
    if (!yamlPackage().isScalar(node)) return undefined;
    const r = node.range;
    return { value: node.value, style: scalarStyleOf(node.type), raw: r ? { start: r[0], end: r[1] } : undefined };
  }

  span(node: YamlLibNode): Span {
    const r = node.range;
    if (!r) return { start: 0, end: 0 };
    let end = r[1];
    // Block nodes' ranges take in the line break after their last line.
    while (end > r[0] + 1 && isBreak(this.text.charCodeAt(end - 1))) end--;
    return { start: r[0], end };
  }

  toPlain(): unknown {
    return this.doc.toJS({ maxAliasCount: 100 });
  }
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}
