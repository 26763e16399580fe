import type { Location, SourceText, Span } from '../../model/location.js';
import type { EmbeddedText } from '../embedded.js';
import type { YPath } from '../yaml/nodes.js';
import type { ConditionNode } from './condition-ast.js';
import type { SigmaCondition, SigmaDetectionItem, SigmaModifier, SigmaScalar, SigmaSelection, SigmaValue } from './document-types.js';

/*
 * The parts of a detection, each working out its line/column locations from
 * its spans on first read. A run reads few of them (where a check reports),
 * and computing all of them while parsing was most of the parser's location
 * work and a good share of its garbage. Classes rather than object literals
 * with getters: the accessors live once on the prototype.
 */

export class DetectionValue implements SigmaValue {
  readonly value: SigmaScalar;
  readonly span: Span;
  readonly quoted: boolean;
  readonly #source: SourceText;
  #loc: Location | undefined = undefined;

  constructor(value: SigmaScalar, span: Span, quoted: boolean, source: SourceText) {
    this.value = value;
    this.span = span;
    this.quoted = quoted;
    this.#source = source;
  }

  get loc(): Location {
    return (this.#loc ??= this.#source.location(this.span));
  }
}

export class DetectionModifier implements SigmaModifier {
  readonly name: string;
  readonly span: Span;
  readonly #source: SourceText;
  #loc: Location | undefined = undefined;

  constructor(name: string, span: Span, source: SourceText) {
    this.name = name;
    this.span = span;
    this.#source = source;
  }

  get loc(): Location {
    return (this.#loc ??= this.#source.location(this.span));
  }
}

export class DetectionItem implements SigmaDetectionItem {
  readonly field: string | null;
  readonly key: string;
  readonly fieldSpan: Span;
  readonly keySpan: Span;
  readonly modifiers: SigmaModifier[];
  readonly values: SigmaValue[] = [];
  readonly valueIsList: boolean;
  readonly linkage: 'or' | 'and';
  readonly path: YPath;
  readonly #source: SourceText;
  /** End of the whole `key: value` entry. */
  readonly #end: number;
  #keyLoc: Location | undefined = undefined;
  #fieldLoc: Location | undefined = undefined;
  #loc: Location | undefined = undefined;

  constructor(
    field: string | null,
    key: string,
    fieldSpan: Span,
    keySpan: Span,
    modifiers: SigmaModifier[],
    valueIsList: boolean,
    linkage: 'or' | 'and',
    end: number,
    path: YPath,
    source: SourceText,
  ) {
    this.field = field;
    this.key = key;
    this.fieldSpan = fieldSpan;
    this.keySpan = keySpan;
    this.modifiers = modifiers;
    this.valueIsList = valueIsList;
    this.linkage = linkage;
    this.#end = end;
    this.path = path;
    this.#source = source;
  }

  get keyLoc(): Location {
    return (this.#keyLoc ??= this.#source.location(this.keySpan));
  }

  get fieldLoc(): Location {
    const f = this.fieldSpan;
    // A plain key without modifiers is all field: one location serves both (locations are never mutated).
    return (this.#fieldLoc ??= f.start === this.keySpan.start && f.end === this.keySpan.end ? this.keyLoc : this.#source.location(f));
  }

  get loc(): Location {
    return (this.#loc ??= this.#source.location({ start: this.keySpan.start, end: this.#end }));
  }
}

export class DetectionSelection implements SigmaSelection {
  readonly name: string;
  readonly span: Span;
  readonly kind: 'map' | 'list';
  readonly groups: SigmaDetectionItem[][] = [];
  readonly keywords: SigmaValue[] = [];
  readonly path: YPath;
  readonly #valueSpan: Span;
  readonly #source: SourceText;
  #loc: Location | undefined = undefined;
  #valueLoc: Location | undefined = undefined;

  constructor(name: string, span: Span, valueSpan: Span, kind: 'map' | 'list', path: YPath, source: SourceText) {
    this.name = name;
    this.span = span;
    this.#valueSpan = valueSpan;
    this.kind = kind;
    this.path = path;
    this.#source = source;
  }

  get loc(): Location {
    return (this.#loc ??= this.#source.location(this.span));
  }

  get valueLoc(): Location {
    return (this.#valueLoc ??= this.#source.location(this.#valueSpan));
  }
}

export class DetectionCondition implements SigmaCondition {
  readonly text: string;
  readonly ast: ConditionNode | null;
  readonly span: Span;
  readonly embedded: EmbeddedText;
  readonly path: YPath;
  readonly #source: SourceText;
  #loc: Location | undefined = undefined;

  constructor(text: string, ast: ConditionNode | null, span: Span, embedded: EmbeddedText, path: YPath, source: SourceText) {
    this.text = text;
    this.ast = ast;
    this.span = span;
    this.embedded = embedded;
    this.path = path;
    this.#source = source;
  }

  get loc(): Location {
    return (this.#loc ??= this.#source.location(this.span));
  }
}
