import type { Span } from '../../model/location.js';
import type { YNode, YScalar } from './nodes.js';

/*
 * The fast reader's node ends stop at the last character of a node's text.
 * The `yaml` package's `range[1]` (with the line break a block node takes in
 * dropped, which is what the Splunk reader has always reported) differs: an
 * empty value sits after the spaces that follow its `:` or `-`; a block
 * collection runs on over its last value's trailing spaces; a `|+` block
 * scalar runs to the end of the text. And when a comment follows the last
 * value of a block collection, the package's range takes in some of it by
 * rules of its lexer (indentation, empty values, the end of the text) that
 * are not worth copying: `packageSpansExact` says when that happens, and
 * callers then read the file with the package itself.
 */

const SPACE = 32;
const NL = 10;
const CR = 13;
const HASH = 35;

/** Where the `yaml` package puts a node: its `range[0]` to `range[1]`, trailing line breaks dropped. */
export function packageSpan(text: string, node: YNode): Span {
  if (node.kind === 'scalar') return scalarSpan(text, node);
  if (isFlow(text, node)) return { start: node.start, end: node.end };
  const last = deepestLast(text, node);
  if (!last) return { start: node.start, end: node.end };
  const lastEnd = packageSpan(text, last).end;
  // A block scalar's range already runs to the end of its last line.
  if (isBlockScalar(last)) return { start: node.start, end: lastEnd };
  return { start: node.start, end: skipSpaces(text, lastEnd) };
}

/** A scalar's `range[1]` as the package gives it, line break included: where its raw text ends for decoding. */
export function packageRawEnd(text: string, node: YScalar): number {
  if (!isBlockScalar(node)) return scalarSpan(text, node).end;
  // The fast reader takes a `|+` scalar only when it runs to the end of the text.
  if (isKeep(text, node)) return text.length;
  return Math.min(node.end + 1, text.length);
}

/** Whether `packageSpan` is the package's range for every node of the tree: no comment follows the last value of a block collection. */
export function packageSpansExact(text: string, node: YNode | null): boolean {
  if (!node || node.kind === 'scalar' || isFlow(text, node)) return true;
  const last = deepestLast(text, node);
  if (last && commentFollows(text, last.end)) return false;
  if (node.kind === 'seq') return node.items.every((item) => packageSpansExact(text, item));
  return node.pairs.every((pair) => packageSpansExact(text, pair.value));
}

function isBlockScalar(node: YNode): boolean {
  return node.kind === 'scalar' && (node.style === 'literal' || node.style === 'folded');
}

function isKeep(text: string, node: YScalar): boolean {
  return text.charCodeAt(node.start + 1) === 43 /* + */;
}

function scalarSpan(text: string, node: YScalar): Span {
  if (node.value === null && node.style === 'plain' && node.start === node.end) {
    const at = skipSpaces(text, node.start);
    return { start: at, end: at };
  }
  if (isBlockScalar(node) && isKeep(text, node)) return { start: node.start, end: trimBreaks(text, node.start, text.length) };
  return { start: node.start, end: node.end };
}

function isFlow(text: string, node: YNode): boolean {
  const c = text.charCodeAt(node.start);
  return node.kind !== 'scalar' && (c === 91 /* [ */ || c === 123 /* { */);
}

/** The value a block collection ends with, inside any block collections it ends with. */
function deepestLast(text: string, node: YNode): YNode | undefined {
  let last = lastChild(node);
  while (last && last.kind !== 'scalar' && !isFlow(text, last)) last = lastChild(last);
  return last;
}

function lastChild(node: YNode): YNode | undefined {
  if (node.kind === 'map') return node.pairs[node.pairs.length - 1]?.value;
  if (node.kind === 'seq') return node.items[node.items.length - 1];
  return undefined;
}

/** Whether the first thing after `from`, past spaces and line breaks, is a comment. */
function commentFollows(text: string, from: number): boolean {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === HASH) return true;
    if (c !== SPACE && c !== NL) return false;
    i++;
  }
  return false;
}

function skipSpaces(text: string, p: number): number {
  while (p < text.length && text.charCodeAt(p) === SPACE) p++;
  return p;
}

function trimBreaks(text: string, start: number, end: number): number {
  while (end > start + 1 && (text.charCodeAt(end - 1) === NL || text.charCodeAt(end - 1) === CR)) end--;
  return end;
}
