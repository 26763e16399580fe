import type { Span } from '../../model/location.js';
import { toPlain } from './nodes.js';
import type { YMap, YNode, YPair } from './nodes.js';
import { packageRawEnd, packageSpan } from './package-ranges.js';
import type { ScalarView, YamlTreeView } from './tree-view.js';

/** A fast-reader tree seen through `YamlTreeView`, with the `yaml` package's positions. */
export class FastTreeView implements YamlTreeView<YNode> {
  readonly root: YNode | undefined;
  private readonly text: string;

  constructor(text: string, root: YNode | null) {
    this.text = text;
    this.root = root ?? undefined;
  }

  child(node: YNode, step: string | number): YNode | undefined {
    if (node.kind === 'seq' && typeof step === 'number') return node.items[step];
    return node.kind === 'map' ? lastPair(node, step)?.value : undefined;
  }

  keyNode(node: YNode, step: string | number): YNode | undefined {
    if (node.kind === 'seq' && typeof step === 'number') return node.items[step];
    return node.kind === 'map' ? lastPair(node, step)?.key : undefined;
  }

  isMap(node: YNode | undefined): boolean {
    return node?.kind === 'map';
  }

  items(node: YNode | undefined): readonly YNode[] | undefined {
    return node?.kind === 'seq' ? node.items : undefined;
  }

  scalar(node: YNode | undefined): ScalarView | undefined {
    if (node?.kind !== 'scalar') return undefined;
    const start = packageSpan(this.text, node).start;
    return { value: node.value, style: node.style, raw: { start, end: packageRawEnd(this.text, node) } };
  }

  span(node: YNode): Span {
    return packageSpan(this.text, node);
  }

  toPlain(): unknown {
    return toPlain(this.root ?? null);
  }
}

/** Keys compare as strings, as the plain value's property names do (`1` and `'1'` are one key). */
function lastPair(map: YMap, step: string | number): YPair | undefined {
  const want = String(step);
  for (let i = map.pairs.length - 1; i >= 0; i--) {
    const pair = map.pairs[i] as YPair;
    if (String(pair.key.value) === want) return pair;
  }
  return undefined;
}
