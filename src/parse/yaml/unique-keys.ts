import type { YNode, YPair } from './nodes.js';

/**
 * Whether some map of the tree repeats a key, as the `yaml` package's
 * `uniqueKeys` sees it (scalar key values compared with `===`). Readers that
 * must report duplicates the package's way hand such files to the package.
 */
export function repeatsKey(node: YNode | null): boolean {
  if (!node || node.kind === 'scalar') return false;
  if (node.kind === 'seq') return node.items.some(repeatsKey);
  const pairs = node.pairs;
  for (let i = 1; i < pairs.length; i++) {
    const key = (pairs[i] as YPair).key.value;
    // Maps are a few dozen keys at most: a pairwise scan beats building a set.
    for (let j = 0; j < i; j++) if ((pairs[j] as YPair).key.value === key) return true;
  }
  return pairs.some((p) => repeatsKey(p.value));
}
