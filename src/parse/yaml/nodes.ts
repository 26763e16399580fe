/**
 * The YAML tree the Sigma parser (and the Splunk readers) work on: plain
 * values plus the file offsets of every node and key. Both the fast subset reader and the `yaml` package
 * fallback produce it, so everything downstream sees one shape.
 */

/**
 * Deepest nesting of collections either reader accepts. Rules nest four or
 * five levels; the limit keeps recursive walks far from the stack's end.
 */
export const MAX_NESTING = 64;

/** What a YAML reader says when the `yaml` package's recursion cannot follow the nesting (a RangeError). */
export const YAML_TOO_DEEP = 'nested too deeply to read';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

export interface YScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  style: ScalarStyle;
  /** Offset of the first raw character (the opening quote or block indicator included). */
  start: number;
  /** Offset just after the last raw character (closing quote included, trailing comment excluded). */
  end: number;
}

export interface YPair {
  key: YScalar;
  value: YNode;
}

export interface YMap {
  kind: 'map';
  pairs: YPair[];
  start: number;
  end: number;
}

export interface YSeq {
  kind: 'seq';
  items: YNode[];
  start: number;
  end: number;
}

export type YNode = YScalar | YMap | YSeq;

/** One `---`-separated document of a file. */
export interface YDocument {
  contents: YNode | null;
  start: number;
  end: number;
  /**
   * Every key that repeats an earlier key of its map (by `keyText`), where
   * the reader looked for them while building the maps (the fast reader);
   * undefined where it did not, and a walk of the tree finds them.
   */
  duplicateKeys?: readonly YScalar[];
}

/** The keys of a map that repeat an earlier key of it (by `keyText`), appended to `out`. */
export function collectDuplicateKeys(pairs: readonly YPair[], out: YScalar[]): void {
  // Most maps are small: comparing pairs directly beats building a set for each.
  const seen = pairs.length > 16 ? new Set<string>() : undefined;
  for (let i = 0; i < pairs.length; i++) {
    const key = (pairs[i] as YPair).key;
    const k = keyText(key);
    let repeated = false;
    if (seen) {
      repeated = seen.has(k);
      seen.add(k);
    } else {
      for (let j = 0; j < i && !repeated; j++) repeated = keyText((pairs[j] as YPair).key) === k;
    }
    if (repeated) out.push(key);
  }
}

/** A path into a document: map keys and sequence indices. */
export type YPath = readonly (string | number)[];

export function isScalar(node: YNode | null | undefined): node is YScalar {
  return node !== null && node !== undefined && node.kind === 'scalar';
}

export function isMap(node: YNode | null | undefined): node is YMap {
  return node !== null && node !== undefined && node.kind === 'map';
}

export function isSeq(node: YNode | null | undefined): node is YSeq {
  return node !== null && node !== undefined && node.kind === 'seq';
}

export function nullScalar(at: number): YScalar {
  return { kind: 'scalar', value: null, style: 'plain', start: at, end: at };
}

/** The key text as the `yaml` package's toJS would use it. */
export function keyText(key: YScalar): string {
  return key.value === null ? '' : String(key.value);
}

/** The pair of a map with this key; the last one wins, as in a plain object. */
export function findPair(map: YMap, key: string): YPair | undefined {
  for (let i = map.pairs.length - 1; i >= 0; i--) {
    const pair = map.pairs[i] as YPair;
    if (keyText(pair.key) === key) return pair;
  }
  return undefined;
}

/**
 * The pairs of a map by key, as a loader sees them: for a repeated key the
 * last value wins but keeps the first one's place in the order.
 */
export function uniquePairs(map: YMap): Map<string, YPair> {
  const out = new Map<string, YPair>();
  for (const pair of map.pairs) out.set(keyText(pair.key), pair);
  return out;
}

/**
 * The pairs `uniquePairs` gives, in its order, as a list: the map's own list
 * (no copy and no Map) when no key repeats, as in almost every map.
 */
export function uniquePairList(map: YMap): readonly YPair[] {
  const pairs = map.pairs;
  if (pairs.length > 16) return [...uniquePairs(map).values()];
  // Maps this small are cheaper to scan pairwise than to put in a Map.
  for (let i = 1; i < pairs.length; i++) {
    const k = keyText((pairs[i] as YPair).key);
    for (let j = 0; j < i; j++) if (keyText((pairs[j] as YPair).key) === k) return [...uniquePairs(map).values()];
  }
  return pairs;
}

export function getValue(map: YMap, key: string): YNode | undefined {
  return findPair(map, key)?.value;
}

/** The node at a path, or undefined when the path leaves the tree. */
export function nodeAt(root: YNode | null, path: YPath): YNode | undefined {
  let node: YNode | undefined = root ?? undefined;
  for (const step of path) {
    if (!node) return undefined;
    if (typeof step === 'number') node = node.kind === 'seq' ? node.items[step] : undefined;
    else node = node.kind === 'map' ? getValue(node, step) : undefined;
  }
  return node;
}

/** The key node of the last step of a path (or the item itself for a sequence index). */
export function keyAt(root: YNode | null, path: YPath): YNode | undefined {
  if (path.length === 0) return root ?? undefined;
  const parent = nodeAt(root, path.slice(0, -1));
  const last = path[path.length - 1] as string | number;
  if (!parent) return undefined;
  if (typeof last === 'number') return parent.kind === 'seq' ? parent.items[last] : undefined;
  return parent.kind === 'map' ? findPair(parent, last)?.key : undefined;
}

/** The plain JavaScript value of a node, as the `yaml` package's toJS gives it. */
export function toPlain(node: YNode | null): unknown {
  if (!node) return null;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const pair of node.pairs) {
        const k = keyText(pair.key);
        // A `__proto__` key must become an own property, not the prototype.
        if (k === '__proto__') Object.defineProperty(out, k, { value: toPlain(pair.value), enumerable: true, writable: true, configurable: true });
        else out[k] = toPlain(pair.value);
      }
      return out;
    }
  }
}
