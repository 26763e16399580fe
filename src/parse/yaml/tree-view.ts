import type { Span } from '../../model/location.js';
import type { ScalarStyle, YPath } from './nodes.js';

/** A path into a document: map keys and sequence indices, e.g. `['tags', 'mitre_attack_id', 1]`. */
export type YamlPath = YPath;

/** A scalar as written. */
export interface ScalarView {
  value: unknown;
  style: ScalarStyle;
  /** The raw text the value was decoded from (quotes and block header included, line break after a block scalar too). */
  raw: Span | undefined;
}

/**
 * Read access to one YAML document, the same whether the fast reader's tree
 * or a `yaml` package Document holds it. Spans are the package's in both (see
 * package-ranges.ts), so a file reports the same places whichever reader took
 * it.
 */
export interface YamlTreeView<N> {
  readonly root: N | undefined;
  /** A map's value for a key compared as a string (the last one of a repeated key, as in the plain value), or a sequence's item at an index. */
  child(node: N, step: string | number): N | undefined;
  /** The node where the key of `step` is written: a map's key node, or for a sequence index the item itself. */
  keyNode(node: N, step: string | number): N | undefined;
  isMap(node: N | undefined): boolean;
  /** A sequence's items; undefined for anything else. */
  items(node: N | undefined): readonly N[] | undefined;
  /** A scalar's value and style; undefined for anything else. */
  scalar(node: N | undefined): ScalarView | undefined;
  span(node: N): Span;
  /** The whole document's plain value, as the package's `toJS` gives it. */
  toPlain(): unknown;
}

/** The node at a path, or undefined when the path leaves the tree. */
export function nodeAt<N>(view: YamlTreeView<N>, path: YamlPath): N | undefined {
  let node = view.root;
  for (const step of path) {
    if (node === undefined) return undefined;
    node = view.child(node, step);
  }
  return node;
}
