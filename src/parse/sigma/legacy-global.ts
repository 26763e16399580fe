import { findPair, keyText } from '../yaml/nodes.js';
import type { YDocument, YMap, YNode, YPair } from '../yaml/nodes.js';

/**
 * Legacy multi-document Sigma files (before correlations): a first document
 * with `action: global` holds the parts every following document shares,
 * `action: reset` drops it, and `action: repeat` reuses the previous rule
 * with changes. Each following document becomes one rule, the global
 * document deep-merged under it, as sigmac did.
 */
export interface LegacyPart {
  /** Index of the YAML document the rule comes from. */
  index: number;
  map: YMap;
}

export function legacyAction(doc: YDocument): string | undefined {
  const c = doc.contents;
  if (!c || c.kind !== 'map') return undefined;
  const action = findPair(c, 'action');
  return action && action.value.kind === 'scalar' && typeof action.value.value === 'string' ? action.value.value : undefined;
}

/** Whether a file uses the legacy `action:` multi-document style. */
export function isLegacyCollection(docs: YDocument[]): boolean {
  return docs.length > 1 && docs.some((d) => legacyAction(d) === 'global' || legacyAction(d) === 'reset' || legacyAction(d) === 'repeat');
}

/** The rules of a legacy collection; documents that are not maps are returned as their own parts. */
export function expandLegacyCollection(docs: YDocument[]): { parts: LegacyPart[]; skipped: number[] } {
  const parts: LegacyPart[] = [];
  const skipped: number[] = [];
  let global: YMap | undefined;
  let previous: YMap | undefined;
  docs.forEach((doc, index) => {
    const c = doc.contents;
    if (!c || c.kind !== 'map') {
      skipped.push(index);
      return;
    }
    const action = legacyAction(doc);
    if (action === 'global') {
      global = withoutAction(c);
      return;
    }
    if (action === 'reset') {
      global = undefined;
      return;
    }
    const own = withoutAction(c);
    const base = action === 'repeat' ? previous : global;
    const merged = base ? mergeMaps(base, own) : own;
    previous = merged;
    parts.push({ index, map: merged });
  });
  // A global document with nothing after it is a rule on its own.
  if (parts.length === 0 && global) {
    const index = docs.findIndex((d) => legacyAction(d) === 'global');
    parts.push({ index, map: global });
  }
  return { parts, skipped };
}

function withoutAction(map: YMap): YMap {
  return { ...map, pairs: map.pairs.filter((p) => keyText(p.key) !== 'action') };
}

/** Deep merge: maps merge key by key, anything else in `over` replaces `base`. Node ranges stay those of the file. */
export function mergeMaps(base: YMap, over: YMap): YMap {
  const pairs: YPair[] = [];
  const overKeys = new Map<string, YPair>();
  for (const p of over.pairs) overKeys.set(keyText(p.key), p);
  const used = new Set<string>();
  for (const p of base.pairs) {
    const k = keyText(p.key);
    const o = overKeys.get(k);
    if (!o) {
      pairs.push(p);
      continue;
    }
    used.add(k);
    pairs.push({ key: o.key, value: mergeValues(p.value, o.value) });
  }
  for (const p of over.pairs) if (!used.has(keyText(p.key))) pairs.push(p);
  return { kind: 'map', pairs, start: over.start, end: over.end };
}

function mergeValues(base: YNode, over: YNode): YNode {
  return base.kind === 'map' && over.kind === 'map' ? mergeMaps(base, over) : over;
}
