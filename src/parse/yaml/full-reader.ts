import type { Document, Node as YamlLibNode, ParsedNode } from 'yaml';
import { MAX_NESTING, nullScalar, YAML_TOO_DEEP } from './nodes.js';
import { yamlPackage as loadYaml } from './package.js';
import type { ScalarStyle, YDocument, YNode, YPair, YScalar } from './nodes.js';

/** A YAML error or warning from the `yaml` package, as file offsets. */
export interface YamlIssue {
  message: string;
  start: number;
  end: number;
  /** Errors make the document unusable; warnings do not. */
  error: boolean;
}

export interface FullReadResult {
  documents: YDocument[];
  /** Issues per document, index-aligned with `documents`. */
  issues: YamlIssue[][];
}

/**
 * Reads any YAML with the `yaml` package and converts it to the fast
 * reader's tree. Used when the fast subset reader gives up, so it must
 * accept everything and report what is wrong instead of throwing.
 */
export function readYamlFull(text: string): FullReadResult {
  const parsed = loadYaml().parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false, strict: false });
  const docs: Document.Parsed[] = Array.isArray(parsed) ? parsed : [];
  const documents: YDocument[] = [];
  const issues: YamlIssue[][] = [];
  for (const doc of docs) {
    const found: YamlIssue[] = [];
    for (const e of doc.errors) found.push({ message: issueMessage(e.message), start: e.pos[0], end: e.pos[1], error: true });
    for (const w of doc.warnings) found.push({ message: w.message, start: w.pos[0], end: w.pos[1], error: false });
    const range = doc.range;
    const converter = new Converter(doc, text);
    const contents = doc.contents ? converter.convert(doc.contents) : null;
    const deep = converter.tooDeepAt;
    if (deep >= 0) {
      // The package's own overflow on the same nesting would say it twice, and in the engine's words.
      for (let i = found.length - 1; i >= 0; i--) if (found[i]?.message === YAML_TOO_DEEP) found.splice(i, 1);
      found.push({ message: `nesting deeper than ${MAX_NESTING} levels`, start: deep, end: deep, error: true });
    }
    const bomb = converter.aliasesTooLargeAt;
    if (bomb >= 0) found.push({ message: `aliases expand to more than ${MAX_ALIAS_NODES} nodes`, start: bomb, end: bomb, error: true });
    documents.push({ contents, start: range[0], end: contents ? contents.end : range[1] });
    issues.push(found);
  }
  return { documents, issues };
}

/** The package's message, except a stack overflow on deep nesting, which is said as what it means. */
function issueMessage(message: string): string {
  return /Maximum call stack size exceeded/i.test(message) ? YAML_TOO_DEEP : message;
}

/**
 * How many nodes the aliases of one document may expand to. Each alias is
 * converted as a copy of its anchor, so aliases of aliases grow
 * exponentially: a 400-byte "billion laughs" file held a run for minutes.
 * Rules use aliases rarely, and for a few nodes.
 */
export const MAX_ALIAS_NODES = 10_000;

function isBreakOrSpace(c: number): boolean {
  return c === 10 || c === 13 || c === 32 || c === 9;
}

function rangeOf(node: YamlLibNode): { start: number; end: number } {
  const r = node.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}

const STYLES: Record<string, ScalarStyle> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single',
  QUOTE_DOUBLE: 'double',
  BLOCK_LITERAL: 'literal',
  BLOCK_FOLDED: 'folded',
};

function scalarValue(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  return String(v);
}

/** Turns one `yaml` package document into the reader's tree. */
class Converter {
  private readonly doc: Document.Parsed;
  private readonly text: string;
  private readonly seen = new Set<YamlLibNode>();
  private depth = 0;
  /** Where the document first nests deeper than MAX_NESTING (the deeper parts are dropped); -1 if it does not. */
  tooDeepAt = -1;
  /** Nodes converted as copies of anchors so far (see MAX_ALIAS_NODES). */
  private aliasNodes = 0;
  /** The alias whose copies first went over MAX_ALIAS_NODES (the rest are dropped); -1 if none did. */
  aliasesTooLargeAt = -1;
  /** The alias written in the document (not one inside an anchor) being converted. */
  private outerAliasAt = -1;

  constructor(doc: Document.Parsed, text: string) {
    this.doc = doc;
    this.text = text;
  }

  convert(node: YamlLibNode | ParsedNode): YNode {
    const { start, end } = rangeOf(node);
    if (this.seen.size > 0 && ++this.aliasNodes > MAX_ALIAS_NODES) {
      if (this.aliasesTooLargeAt < 0) this.aliasesTooLargeAt = this.outerAliasAt;
      return nullScalar(start);
    }
    if (loadYaml().isScalar(node)) {
      const style = STYLES[node.type ?? 'PLAIN'] ?? 'plain';
      let e = end;
      // Block scalars end at their last content character, not after the line break.
      if (style === 'literal' || style === 'folded') while (e > start + 1 && isBreakOrSpace(this.text.charCodeAt(e - 1))) e--;
      return { kind: 'scalar', value: scalarValue(node.value), style, start, end: e };
    }
    if (this.depth >= MAX_NESTING) {
      if (this.tooDeepAt < 0) this.tooDeepAt = start;
      return nullScalar(start);
    }
    this.depth++;
    try {
      return this.collection(node, start, end);
    } finally {
      this.depth--;
    }
  }

  private collection(node: YamlLibNode | ParsedNode, start: number, end: number): YNode {
    if (loadYaml().isAlias(node)) {
      const target = node.resolve(this.doc);
      // An alias to one of its own ancestors would recurse forever.
      if (!target || this.seen.has(target)) return nullScalar(start);
      if (this.seen.size === 0) this.outerAliasAt = start;
      this.seen.add(target);
      const out = this.convert(target);
      this.seen.delete(target);
      return out;
    }
    if (loadYaml().isSeq(node)) {
      const items: YNode[] = [];
      for (const item of node.items) items.push(item ? this.convert(item as YamlLibNode) : nullScalar(start));
      return { kind: 'seq', items, start, end: node.flow ? end : collectionEnd(items.map((i) => i.end), start, end) };
    }
    if (loadYaml().isMap(node)) {
      const pairs: YPair[] = [];
      for (const pair of node.items) {
        const keyNode = pair.key as YamlLibNode | null;
        const key = keyNode ? this.convertKey(keyNode) : nullScalar(start);
        const valueNode = pair.value as YamlLibNode | null;
        const value = valueNode ? this.convert(valueNode) : nullScalar(key.end);
        pairs.push({ key, value });
      }
      return { kind: 'map', pairs, start, end: node.flow ? end : collectionEnd(pairs.map((p) => Math.max(p.key.end, p.value.end)), start, end) };
    }
    return nullScalar(start);
  }

  private convertKey(node: YamlLibNode): YScalar {
    const converted = this.convert(node);
    if (converted.kind === 'scalar') return converted;
    // A collection used as a key: keep its text form, as toJS does.
    return { kind: 'scalar', value: JSON.stringify(node.toJSON()), style: 'plain', start: converted.start, end: converted.end };
  }
}

/**
 * The end of a block collection is the end of its last item: the `yaml`
 * package sometimes counts the trailing line break, the fast reader never does.
 */
function collectionEnd(itemEnds: number[], start: number, end: number): number {
  if (itemEnds.length === 0) return end;
  let max = start;
  for (const e of itemEnds) if (e > max) max = e;
  return max;
}
