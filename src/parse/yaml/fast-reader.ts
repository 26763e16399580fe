import { resolvePlain } from './core-schema.js';
import { MAX_NESTING, collectDuplicateKeys, nullScalar } from './nodes.js';
import type { YDocument, YMap, YNode, YPair, YScalar, YSeq } from './nodes.js';

/**
 * A reader for the block-style YAML subset Sigma rules and Splunk
 * security_content files are written in (block maps and sequences,
 * plain/quoted/block scalars, one-line flow sequences, comments, `---`).
 * It is several times faster than the general `yaml` package, which matters
 * for linting the whole corpus. On anything outside the subset — or anything
 * that is not valid YAML — it gives up and returns null, and the caller falls
 * back to the `yaml` package, which also produces the error messages.
 */
export function readYamlFast(text: string): YDocument[] | null {
  // CRs, tabs and BOMs have fiddly rules (tabs are legal in some places and
  // not others); files with them are rare enough to leave to the full parser.
  // Tabs inside comment lines are the exception: they are common enough that
  // leaving them to the full parser would load the `yaml` package for one file.
  if (text.indexOf('\r') >= 0 || !tabsOnlyInsideCommentLines(text) || text.charCodeAt(0) === 0xfeff) return null;
  try {
    return new FastReader(text).documents();
  } catch (e) {
    if (e === BAIL) return null;
    throw e;
  }
}

/**
 * Whether every tab of the text sits inside a comment line (`  # a<TAB>b`),
 * with other text after it on that line. Such a tab is part of a comment, or
 * an ordinary character of a multi-line quoted or block scalar, to both
 * readers alike; tabs elsewhere (indentation, separation, trailing white
 * space) have rules the fast reader does not implement.
 */
function tabsOnlyInsideCommentLines(text: string): boolean {
  for (let i = text.indexOf('\t'); i >= 0; i = text.indexOf('\t', i + 1)) {
    let q = text.lastIndexOf('\n', i) + 1;
    while (text.charCodeAt(q) === SPACE) q++;
    if (text.charCodeAt(q) !== HASH) return false;
    let r = i + 1;
    while (text.charCodeAt(r) === SPACE || text.charCodeAt(r) === TAB) r++;
    if (r >= text.length || text.charCodeAt(r) === NL) return false;
  }
  return true;
}

const NO_KEYS: readonly YScalar[] = Object.freeze([]);

/** Thrown (as one shared value, so no stack is captured) to abandon the fast path. */
const BAIL = { bail: true };

/** YAML allows an implicit key's `:` at most this far from the key's start; longer keys are an error the package reports. */
const MAX_IMPLICIT_KEY = 1024;

const SPACE = 32;
const TAB = 9;
const NL = 10;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const SQUOTE = 39;
const DQUOTE = 34;

class FastReader {
  private readonly text: string;
  private readonly len: number;
  /** Start of the line after the node parsed last. */
  private pos = 0;
  private depth = 0;
  /** Offset just after the `:` of the key `tryKey` found last (a field, not a result object per key). */
  private keyAfter = 0;
  private readonly commentMarks: NextIndex;
  private readonly colonSpaces: NextIndex;
  private readonly colons: NextIndex;
  /** Line ends: a line's end is asked for several times (its key, its value, the next line). */
  private readonly newlines: NextIndex;
  /** The content line `nextContentLine` found last and its indentation, which the caller asks for next. */
  private contentLine = -1;
  private contentIndent = 0;
  /** Repeated keys of the document being read, found as its maps are built (no second walk of the tree). */
  private duplicates: YScalar[] = [];

  constructor(text: string) {
    this.text = text;
    this.len = text.length;
    this.commentMarks = new NextIndex(text, ' #', 1);
    this.colonSpaces = new NextIndex(text, ': ');
    this.colons = new NextIndex(text, ':');
    this.newlines = new NextIndex(text, '\n');
  }

  documents(): YDocument[] {
    const docs: YDocument[] = [];
    let explicitStart = -1;
    for (;;) {
      const p = this.nextContentLine(this.pos);
      if (p >= this.len) {
        if (explicitStart >= 0) docs.push({ contents: null, start: explicitStart, end: this.len, duplicateKeys: NO_KEYS });
        return docs;
      }
      const c = this.text.charCodeAt(p);
      if (c === 37 /* % */) throw BAIL;
      if (this.isMarker(p, DASH)) {
        if (explicitStart >= 0) docs.push({ contents: null, start: explicitStart, end: p, duplicateKeys: NO_KEYS });
        this.afterMarker(p);
        explicitStart = p;
        continue;
      }
      if (this.isMarker(p, 46 /* . */)) {
        this.afterMarker(p);
        explicitStart = -1;
        continue;
      }
      const node = this.blockNode(p, 0, -1);
      const start = explicitStart >= 0 ? explicitStart : node ? node.start : p;
      docs.push({ contents: node, start, end: node ? node.end : p, duplicateKeys: this.takeDuplicates() });
      explicitStart = -1;
      const next = this.nextContentLine(this.pos);
      if (next < this.len && !this.isMarker(next, DASH) && !this.isMarker(next, 46)) throw BAIL;
    }
  }

  private takeDuplicates(): readonly YScalar[] {
    if (this.duplicates.length === 0) return NO_KEYS;
    const found = this.duplicates;
    this.duplicates = [];
    return found;
  }

  // ---- lines -------------------------------------------------------------

  private lineEnd(p: number): number {
    const i = this.newlines.from(p);
    return i < 0 ? this.len : i;
  }

  private nextLine(p: number): number {
    const i = this.newlines.from(p);
    return i < 0 ? this.len : i + 1;
  }

  private indentOf(lineStart: number): number {
    if (lineStart === this.contentLine) return this.contentIndent;
    let i = lineStart;
    while (i < this.len && this.text.charCodeAt(i) === SPACE) i++;
    return i - lineStart;
  }

  /** From a line start, skips blank and comment-only lines; returns the start of the next content line. */
  private nextContentLine(p: number): number {
    while (p < this.len) {
      let i = p;
      while (i < this.len && this.text.charCodeAt(i) === SPACE) i++;
      const c = this.text.charCodeAt(i);
      if (i >= this.len) return this.len;
      if (c === NL || c === HASH) {
        p = this.nextLine(i);
        continue;
      }
      this.contentLine = p;
      this.contentIndent = i - p;
      return p;
    }
    return this.len;
  }

  /** `---` or `...` at column 1 followed by a space, a line end or the end of the text. */
  private isMarker(p: number, ch: number): boolean {
    if (p > 0 && this.text.charCodeAt(p - 1) !== NL) return false;
    const t = this.text;
    if (t.charCodeAt(p) !== ch || t.charCodeAt(p + 1) !== ch || t.charCodeAt(p + 2) !== ch) return false;
    const after = p + 3;
    return after >= this.len || t.charCodeAt(after) === SPACE || t.charCodeAt(after) === NL;
  }

  private afterMarker(p: number): void {
    const rest = this.skipSpaces(p + 3);
    if (rest < this.len && this.text.charCodeAt(rest) !== NL && this.text.charCodeAt(rest) !== HASH) throw BAIL;
    this.pos = this.nextLine(p);
  }

  private skipSpaces(p: number): number {
    while (p < this.len && this.text.charCodeAt(p) === SPACE) p++;
    return p;
  }

  /** True if only a comment or nothing follows on this line. */
  private restIsBlank(p: number): boolean {
    const q = this.skipSpaces(p);
    if (q >= this.len) return true;
    const c = this.text.charCodeAt(q);
    if (c === NL) return true;
    return c === HASH && (q > p || this.text.charCodeAt(q - 1) === SPACE);
  }

  private column(p: number): number {
    const ls = this.text.lastIndexOf('\n', p - 1) + 1;
    return p - ls;
  }

  private isSeqIndicator(p: number): boolean {
    if (this.text.charCodeAt(p) !== DASH) return false;
    const n = this.text.charCodeAt(p + 1);
    return p + 1 >= this.len || n === SPACE || n === NL;
  }

  // ---- block structure ----------------------------------------------------

  /** A node starting on the content line at `lineStart`, which must be indented at least `minIndent`. */
  private blockNode(lineStart: number, minIndent: number, parentIndent: number): YNode | null {
    const n = this.indentOf(lineStart);
    if (n < minIndent) return null;
    const p = lineStart + n;
    if (this.isSeqIndicator(p)) return this.blockSeq(n, p);
    const key = this.tryKey(p);
    if (key) return this.blockMap(n, p, key, this.keyAfter);
    return this.inlineValue(p, parentIndent);
  }

  /** A block map whose first key, found by tryKey, ends its `:` at `after`. */
  private blockMap(indent: number, firstKey: number, first: YScalar, after: number): YMap {
    // Deep nesting is for the full parser to refuse with a message (a bail-out needs no unwinding).
    if (++this.depth > MAX_NESTING) throw BAIL;
    const pairs: YPair[] = [];
    let key = first;
    let end = first.end;
    for (;;) {
      const value = this.mapValue(after, indent);
      pairs.push({ key, value });
      end = Math.max(key.end, value.end);
      const p = this.nextContentLine(this.pos);
      if (p >= this.len || this.isMarker(p, DASH) || this.isMarker(p, 46)) break;
      const ind = this.indentOf(p);
      if (ind < indent) break;
      if (ind > indent) throw BAIL;
      const next = this.tryKey(p + ind);
      if (!next) {
        // A sequence at the same indentation only belongs to a key with an empty value (handled in mapValue).
        if (this.isSeqIndicator(p + ind)) break;
        throw BAIL;
      }
      key = next;
      after = this.keyAfter;
    }
    if (pairs.length > 1) collectDuplicateKeys(pairs, this.duplicates);
    this.depth--;
    return { kind: 'map', pairs, start: firstKey, end };
  }

  private mapValue(after: number, indent: number): YNode {
    const q = this.skipSpaces(after);
    if (this.restIsBlank(q)) {
      this.pos = this.nextLine(q);
      const p = this.nextContentLine(this.pos);
      if (p < this.len && !this.isMarker(p, DASH) && !this.isMarker(p, 46)) {
        const ind = this.indentOf(p);
        if (ind > indent) {
          const node = this.blockNode(p, indent + 1, indent);
          if (node) return node;
        } else if (ind === indent && this.isSeqIndicator(p + ind)) {
          return this.blockSeq(ind, p + ind);
        }
      }
      return nullScalar(after);
    }
    return this.inlineValue(q, indent);
  }

  private blockSeq(indent: number, firstDash: number): YSeq {
    if (++this.depth > MAX_NESTING) throw BAIL;
    const items: YNode[] = [];
    let dash = firstDash;
    let end = firstDash + 1;
    for (;;) {
      const q = this.skipSpaces(dash + 1);
      let item: YNode;
      if (this.restIsBlank(q)) {
        this.pos = this.nextLine(q);
        const p = this.nextContentLine(this.pos);
        let node: YNode | null = null;
        if (p < this.len && !this.isMarker(p, DASH) && !this.isMarker(p, 46) && this.indentOf(p) > indent) {
          node = this.blockNode(p, indent + 1, indent);
        }
        item = node ?? nullScalar(dash + 1);
      } else if (this.isSeqIndicator(q)) {
        item = this.blockSeq(this.column(q), q);
      } else {
        const key = this.tryKey(q);
        item = key ? this.blockMap(this.column(q), q, key, this.keyAfter) : this.inlineValue(q, indent);
      }
      items.push(item);
      end = Math.max(end, item.end);
      const p = this.nextContentLine(this.pos);
      if (p >= this.len || this.isMarker(p, DASH) || this.isMarker(p, 46)) break;
      const ind = this.indentOf(p);
      if (ind < indent) break;
      if (ind > indent) throw BAIL;
      if (!this.isSeqIndicator(p + ind)) break;
      dash = p + ind;
    }
    this.depth--;
    return { kind: 'seq', items, start: firstDash, end };
  }

  // ---- keys ----------------------------------------------------------------

  /**
   * A mapping key at `p` (plain or quoted, on one line) followed by `:`, with
   * `keyAfter` set just after the `:`; null if the line is not a pair.
   */
  private tryKey(p: number): YScalar | null {
    const t = this.text;
    const c = t.charCodeAt(p);
    if (c === SQUOTE || c === DQUOTE) {
      const eol = this.lineEnd(p);
      const close = c === SQUOTE ? this.findSingleClose(p + 1, eol) : this.findDoubleClose(p + 1, eol);
      if (close < 0) return null;
      const after = this.skipSpaces(close + 1);
      if (t.charCodeAt(after) !== COLON || !this.isBreakAfter(after + 1)) return null;
      if (after - p > MAX_IMPLICIT_KEY) throw BAIL;
      const key = c === SQUOTE ? this.singleQuoted(p, -1, true) : this.doubleQuoted(p, -1, true);
      this.keyAfter = after + 1;
      return key;
    }
    if (!this.canStartPlain(p)) {
      if (c === 63 /* ? */ || c === COLON) {
        const n = t.charCodeAt(p + 1);
        if (n === SPACE || n === NL || p + 1 >= this.len) throw BAIL; // complex keys / empty keys
      }
      return null;
    }
    const eol = this.lineEnd(p);
    const hash = this.commentMarks.from(p);
    const stop = hash >= 0 && hash < eol ? hash : eol;
    let i = this.colons.from(p);
    while (i >= 0 && i < stop) {
      if (this.isBreakAfter(i + 1)) {
        if (i - p > MAX_IMPLICIT_KEY) throw BAIL;
        let e = i;
        while (e > p && t.charCodeAt(e - 1) === SPACE) e--;
        this.keyAfter = i + 1;
        return { kind: 'scalar', value: resolvePlain(t.slice(p, e)), style: 'plain', start: p, end: e };
      }
      i = this.colons.from(i + 1);
    }
    return null;
  }

  /** Whether the character at `p` ends a plain token (space, line end or end of text). */
  private isBreakAfter(p: number): boolean {
    if (p >= this.len) return true;
    const c = this.text.charCodeAt(p);
    return c === SPACE || c === NL;
  }

  private canStartPlain(p: number): boolean {
    const c = this.text.charCodeAt(p);
    switch (c) {
      case 44: case 91: case 93: case 123: case 125: // , [ ] { }
      case HASH: case 38: case 42: case 33: case 124: case 62: // # & * ! | >
      case SQUOTE: case DQUOTE: case 37: case 64: case 96: // ' " % @ `
        return false;
      case DASH: case 63: case COLON: // - ? : need a non-space after them
        return !this.isBreakAfter(p + 1);
      default:
        return p < this.len && c !== NL && c !== SPACE;
    }
  }

  // ---- scalars ---------------------------------------------------------------

  /** A value that starts mid-line at `p` (after `key: ` or `- `). */
  private inlineValue(p: number, parentIndent: number): YNode {
    const c = this.text.charCodeAt(p);
    let node: YNode;
    if (c === 124 || c === 62) return this.blockScalar(p, parentIndent);
    if (c === SQUOTE) node = this.singleQuoted(p, parentIndent, false);
    else if (c === DQUOTE) node = this.doubleQuoted(p, parentIndent, false);
    else if (c === 91 /* [ */) node = this.flowSeq(p);
    else if (c === 123 /* { */) node = this.emptyFlowMap(p);
    else if (this.canStartPlain(p)) return this.plain(p, parentIndent);
    else throw BAIL;
    if (!this.restIsBlank(node.end)) throw BAIL;
    this.pos = this.nextLine(node.end);
    return node;
  }

  /** Scans a plain scalar on one line from `p`; returns the end of its text (trailing spaces excluded). */
  private plainLineEnd(p: number, eol: number): number {
    const t = this.text;
    let stop = eol;
    // A comment starts at ` #`; the text cannot start with `#` (canStartPlain), so p itself is never one.
    const hash = this.commentMarks.from(p);
    if (hash >= 0 && hash < stop) stop = hash;
    // `: ` (or `:` at the line end) inside a value would make it a nested mapping, which YAML rejects here.
    const colon = this.colonSpaces.from(p);
    if (colon >= 0 && colon < stop) throw BAIL;
    let end = stop;
    while (end > p && t.charCodeAt(end - 1) === SPACE) end--;
    if (end === eol && t.charCodeAt(eol - 1) === COLON) throw BAIL;
    return end;
  }

  private plain(p: number, parentIndent: number): YScalar {
    const t = this.text;
    const eol = this.lineEnd(p);
    let end = this.plainLineEnd(p, eol);
    const firstRaw = t.slice(p, end);
    let value: string | null = null; // set once a second line is folded in
    let line = this.nextLine(eol);
    let commentSeen = this.hasComment(end, eol);
    let afterLast = line;
    let empties = 0;
    while (!commentSeen && line < this.len) {
      const ind = this.indentOf(line);
      const q = line + ind;
      const c = t.charCodeAt(q);
      if (q >= this.len) break;
      if (c === NL) {
        empties++;
        line = q + 1;
        continue;
      }
      if (ind <= parentIndent || c === HASH) break;
      if (ind === 0 && (this.isMarker(q, DASH) || this.isMarker(q, 46))) break;
      const leol = this.lineEnd(q);
      const lend = this.plainLineEnd(q, leol);
      const part = t.slice(q, lend);
      value = (value ?? firstRaw) + (empties === 0 ? ' ' : '\n'.repeat(empties)) + part;
      empties = 0;
      end = lend;
      commentSeen = this.hasComment(lend, leol);
      line = this.nextLine(leol);
      afterLast = line;
    }
    this.pos = afterLast;
    if (value === null) return { kind: 'scalar', value: resolvePlain(firstRaw), style: 'plain', start: p, end };
    return { kind: 'scalar', value, style: 'plain', start: p, end };
  }

  private hasComment(from: number, eol: number): boolean {
    const q = this.skipSpaces(from);
    return q < eol && this.text.charCodeAt(q) === HASH;
  }

  /** Index of the closing quote of a single-quoted scalar on this line, or -1. */
  private findSingleClose(from: number, eol: number): number {
    let i = from;
    while (i < eol) {
      const j = this.text.indexOf("'", i);
      if (j < 0 || j >= eol) return -1;
      if (this.text.charCodeAt(j + 1) === SQUOTE) {
        i = j + 2;
        continue;
      }
      return j;
    }
    return -1;
  }

  private findDoubleClose(from: number, eol: number): number {
    for (let i = from; i < eol; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 92 /* \ */) i++;
      else if (c === DQUOTE) return i;
    }
    return -1;
  }

  /**
   * Folds a line break inside a quoted scalar: returns the text that replaces
   * it and moves to the first content character of the next non-blank line.
   */
  private foldQuotedBreak(nl: number, parentIndent: number): { text: string; next: number } {
    let line = nl + 1;
    let empties = 0;
    for (;;) {
      if (line >= this.len) throw BAIL;
      const q = this.skipSpaces(line);
      if (q >= this.len) throw BAIL;
      if (this.text.charCodeAt(q) === NL) {
        empties++;
        line = q + 1;
        continue;
      }
      if (q - line <= parentIndent) throw BAIL;
      if (q === line && (this.isMarker(q, DASH) || this.isMarker(q, 46))) throw BAIL;
      return { text: empties === 0 ? ' ' : '\n'.repeat(empties), next: q };
    }
  }

  private singleQuoted(p: number, parentIndent: number, oneLine: boolean): YScalar {
    const t = this.text;
    // Most quoted values close on their line with no '' in them: one search instead of a loop over every character.
    const close = t.indexOf("'", p + 1);
    if (close >= 0 && t.charCodeAt(close + 1) !== SQUOTE && close < this.lineEnd(p)) {
      return { kind: 'scalar', value: t.slice(p + 1, close), style: 'single', start: p, end: close + 1 };
    }
    let out = '';
    let seg = p + 1;
    let i = p + 1;
    for (;;) {
      if (i >= this.len) throw BAIL;
      const c = t.charCodeAt(i);
      if (c === SQUOTE) {
        out += t.slice(seg, i);
        if (t.charCodeAt(i + 1) === SQUOTE) {
          out += "'";
          i += 2;
          seg = i;
          continue;
        }
        return { kind: 'scalar', value: out, style: 'single', start: p, end: i + 1 };
      }
      if (c === NL) {
        if (oneLine) throw BAIL;
        let e = i;
        while (e > seg && t.charCodeAt(e - 1) === SPACE) e--;
        out += t.slice(seg, e);
        const fold = this.foldQuotedBreak(i, parentIndent);
        out += fold.text;
        i = seg = fold.next;
        continue;
      }
      i++;
    }
  }

  private doubleQuoted(p: number, parentIndent: number, oneLine: boolean): YScalar {
    const t = this.text;
    let out = '';
    let seg = p + 1;
    let i = p + 1;
    /** Length of `out` that trailing-space trimming at a line break must not touch (escaped spaces). */
    let kept = 0;
    for (;;) {
      if (i >= this.len) throw BAIL;
      const c = t.charCodeAt(i);
      if (c === DQUOTE) {
        out += t.slice(seg, i);
        return { kind: 'scalar', value: out, style: 'double', start: p, end: i + 1 };
      }
      if (c === 92 /* \ */) {
        out += t.slice(seg, i);
        const e = t.charCodeAt(i + 1);
        if (e === NL) {
          if (oneLine) throw BAIL;
          // An escaped line break joins the lines without a space.
          const q = this.skipSpaces(i + 2);
          if (t.charCodeAt(q) === NL || q >= this.len) throw BAIL;
          i = seg = q;
          kept = out.length;
          continue;
        }
        const r = decodeEscape(t, i + 1);
        if (!r) throw BAIL;
        out += r.text;
        kept = out.length;
        i = seg = i + 1 + r.length;
        continue;
      }
      if (c === NL) {
        if (oneLine) throw BAIL;
        let e = i;
        while (e > seg && t.charCodeAt(e - 1) === SPACE) e--;
        out += t.slice(seg, e);
        if (e === seg) {
          let k = out.length;
          while (k > kept && out.charCodeAt(k - 1) === SPACE) k--;
          out = out.slice(0, k);
        }
        const fold = this.foldQuotedBreak(i, parentIndent);
        out += fold.text;
        i = seg = fold.next;
        continue;
      }
      i++;
    }
  }

  private blockScalar(p: number, parentIndent: number): YScalar {
    const t = this.text;
    const folded = t.charCodeAt(p) === 62;
    let i = p + 1;
    let chomp: 'clip' | 'strip' | 'keep' = 'clip';
    const h = t.charCodeAt(i);
    if (h === DASH) {
      chomp = 'strip';
      i++;
    } else if (h === 43 /* + */) {
      chomp = 'keep';
      i++;
    }
    // Explicit indentation indicators do not occur in the corpus; leave them to the full parser.
    if (!this.restIsBlank(i)) throw BAIL;
    const headerEnd = this.lineEnd(i);
    let line = headerEnd + 1;
    // Find the content indentation from the first non-blank line.
    let contentIndent = -1;
    let probe = line;
    while (probe < this.len) {
      const q = this.skipSpaces(probe);
      if (q >= this.len) break;
      if (t.charCodeAt(q) === NL) {
        probe = q + 1;
        continue;
      }
      contentIndent = q - probe;
      break;
    }
    const minIndent = Math.max(parentIndent + 1, 1);
    if (contentIndent < minIndent) {
      // Empty block scalar; blank lines before the next node only matter for `keep`.
      if (chomp === 'keep') throw BAIL;
      this.pos = Math.min(line, this.len);
      return { kind: 'scalar', value: '', style: folded ? 'folded' : 'literal', start: p, end: headerEnd };
    }
    const lines: string[] = [];
    let end = headerEnd;
    let trailingEmpty = 0;
    let afterLast = line;
    while (line < this.len) {
      const q = this.skipSpaces(line);
      const ind = q - line;
      if (q >= this.len || t.charCodeAt(q) === NL) {
        // A blank line longer than the content indentation keeps its extra spaces in literal text.
        if (ind > contentIndent) throw BAIL;
        trailingEmpty++;
        line = q + 1;
        continue;
      }
      if (ind < contentIndent) break;
      if (ind === 0 && (this.isMarker(q, DASH) || this.isMarker(q, 46))) break;
      for (let k = 0; k < trailingEmpty; k++) lines.push('');
      trailingEmpty = 0;
      const eol = this.lineEnd(q);
      if (folded && ind > contentIndent) throw BAIL; // more-indented lines have their own folding rules
      lines.push(t.slice(line + contentIndent, eol));
      end = eol;
      line = eol + 1;
      afterLast = line;
    }
    if (chomp === 'keep' && line < this.len) throw BAIL; // trailing blank lines would need exact accounting
    let value = folded ? foldLines(lines) : lines.join('\n');
    if (lines.length > 0) {
      if (chomp === 'clip') value += '\n';
      else if (chomp === 'keep') value += '\n' + '\n'.repeat(trailingEmpty);
    }
    this.pos = Math.min(afterLast, this.len);
    return { kind: 'scalar', value, style: folded ? 'folded' : 'literal', start: p, end };
  }

  private flowSeq(p: number): YSeq {
    const t = this.text;
    const items: YNode[] = [];
    let i = p + 1;
    for (;;) {
      i = this.skipFlowSpace(i);
      const c = t.charCodeAt(i);
      if (c === 93 /* ] */) return { kind: 'seq', items, start: p, end: i + 1 };
      if (c === SQUOTE || c === DQUOTE) {
        const eol = this.lineEnd(i);
        const close = c === SQUOTE ? this.findSingleClose(i + 1, eol) : this.findDoubleClose(i + 1, eol);
        if (close < 0) throw BAIL;
        const s = c === SQUOTE ? this.singleQuoted(i, -1, true) : this.doubleQuoted(i, -1, true);
        items.push(s);
        i = s.end;
      } else {
        if (c === 91 || c === 123 || c === 44 || c === HASH || !this.canStartPlain(i)) throw BAIL;
        let j = i;
        let end = i;
        while (j < this.len) {
          const ch = t.charCodeAt(j);
          if (ch === 44 || ch === 93 || ch === NL) break;
          if (ch === 91 || ch === 123 || ch === 125) throw BAIL;
          if (ch === COLON && (this.isBreakAfter(j + 1) || t.charCodeAt(j + 1) === 44 || t.charCodeAt(j + 1) === 93)) throw BAIL;
          if (ch === HASH && t.charCodeAt(j - 1) === SPACE) throw BAIL;
          j++;
          if (ch !== SPACE) end = j;
        }
        if (t.charCodeAt(j) === NL) throw BAIL; // multi-line flow plain scalars fold; not worth it here
        items.push({ kind: 'scalar', value: resolvePlain(t.slice(i, end)), style: 'plain', start: i, end });
        i = end;
      }
      i = this.skipFlowSpace(i);
      const d = t.charCodeAt(i);
      if (d === 44) {
        i++;
        continue;
      }
      if (d === 93) return { kind: 'seq', items, start: p, end: i + 1 };
      throw BAIL;
    }
  }

  private skipFlowSpace(i: number): number {
    // Flow collections spanning lines are rare in rules; keep them on the full parser.
    while (i < this.len && this.text.charCodeAt(i) === SPACE) i++;
    if (i >= this.len || this.text.charCodeAt(i) === NL) throw BAIL;
    return i;
  }

  private emptyFlowMap(p: number): YMap {
    const q = this.skipSpaces(p + 1);
    if (this.text.charCodeAt(q) !== 125 /* } */) throw BAIL;
    return { kind: 'map', pairs: [], start: p, end: q + 1 };
  }
}

/**
 * `text.indexOf(needle, p)` for positions that mostly move forward: the last
 * answer is reused while `p` has not passed it, so scanning a file stays
 * linear even where the needle is far away (or absent). A needle has one or
 * two characters; for two, the search is for the rarer one (`rarer`: its
 * index) and the other is checked beside it, as V8 searches for one
 * character several times faster than for two.
 */
class NextIndex {
  private readonly text: string;
  /** The needle's character that is searched for. */
  private readonly anchor: string;
  /** Its index in the needle. */
  private readonly at: number;
  /** The code of the needle's other character, or -1 for a one-character needle. */
  private readonly other: number;
  private searchedFrom = Number.MAX_SAFE_INTEGER;
  private found = -1;

  constructor(text: string, needle: string, rarer = 0) {
    this.text = text;
    this.anchor = needle.charAt(rarer);
    this.at = rarer;
    this.other = needle.length === 2 ? needle.charCodeAt(1 - rarer) : -1;
  }

  from(p: number): number {
    if (p >= this.searchedFrom && (this.found < 0 || p <= this.found)) return this.found;
    this.searchedFrom = p;
    const t = this.text;
    let j = t.indexOf(this.anchor, p + this.at);
    if (this.other >= 0) {
      const beside = this.at === 0 ? 1 : -1;
      while (j >= 0 && t.charCodeAt(j + beside) !== this.other) j = t.indexOf(this.anchor, j + 1);
    }
    this.found = j < 0 ? -1 : j - this.at;
    return this.found;
  }
}

/** Folds the lines of a `>` block scalar (no more-indented lines, which the reader rejects). */
function foldLines(lines: string[]): string {
  let out = '';
  let empties = 0;
  let first = true;
  for (const line of lines) {
    if (line === '') {
      empties++;
      continue;
    }
    if (first) out += '\n'.repeat(empties);
    else out += empties === 0 ? ' ' : '\n'.repeat(empties);
    out += line;
    empties = 0;
    first = false;
  }
  return out;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

/** Decodes the escape whose letter is at `i` (just after the backslash). */
function decodeEscape(t: string, i: number): { text: string; length: number } | null {
  const c = t[i];
  if (c === undefined) return null;
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) return { text: simple, length: 1 };
  const digits = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
  if (digits === 0) return null;
  const hex = t.slice(i + 1, i + 1 + digits);
  if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) return null;
  return { text: String.fromCodePoint(parseInt(hex, 16)), length: 1 + digits };
}
