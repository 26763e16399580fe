import type { Location, SourceText, Span } from '../../model/location.js';
import type { ParseProblem, Severity } from '../../model/rule.js';
import { EmbeddedText } from '../embedded.js';
import type { YScalar } from '../yaml/nodes.js';

/** What the document builders share while turning one file's YAML tree into Sigma documents. */
export class BuildContext {
  readonly source: SourceText;
  readonly problems: ParseProblem[];

  constructor(source: SourceText, problems: ParseProblem[]) {
    this.source = source;
    this.problems = problems;
  }

  loc(span: Span): Location {
    return this.source.location(span);
  }

  report(checkId: string, message: string, span: Span, severity: Severity = 'error'): void {
    this.problems.push({ checkId, message, loc: this.source.location(span), severity });
  }

  /** Maps offsets in a scalar's decoded text to the file (for text whose parts are located: conditions). */
  embedded(node: YScalar, text: string): EmbeddedText {
    const shift = this.shiftOf(node, text);
    if (shift !== undefined) return EmbeddedText.identity(this.source, shift, text);
    return EmbeddedText.align(this.source, node.start, node.end, text, node.style === 'double' ? 'escaped' : 'literal');
  }

  /** Like `embedded`, without allocating a character map when a constant shift will do (keys). */
  offsets(node: YScalar, text: string): OffsetMap {
    const shift = this.shiftOf(node, text);
    if (shift !== undefined) return new ShiftMap(shift, text.length);
    return this.embedded(node, text);
  }

  /**
   * Where the text starts in the file if it is written there as is: plain
   * scalars on one line, quoted ones without escapes. Undefined otherwise.
   */
  private shiftOf(node: YScalar, text: string): number | undefined {
    if (node.style === 'plain' && node.end - node.start === text.length) return node.start;
    if ((node.style === 'single' || node.style === 'double') && node.end - node.start === text.length + 2 && this.source.text.startsWith(text, node.start + 1)) {
      return node.start + 1;
    }
    return undefined;
  }
}

/** Offsets in a decoded string → file offsets. */
export interface OffsetMap {
  fileOffset(offset: number): number;
  fileSpan(span: Span): Span;
}

class ShiftMap implements OffsetMap {
  private readonly shift: number;
  private readonly length: number;

  constructor(shift: number, length: number) {
    this.shift = shift;
    this.length = length;
  }

  fileOffset(offset: number): number {
    return this.shift + Math.max(0, Math.min(offset, this.length));
  }

  fileSpan(span: Span): Span {
    const start = this.fileOffset(span.start);
    return { start, end: Math.max(start, this.fileOffset(span.end)) };
  }
}
