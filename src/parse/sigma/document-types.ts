import type { Location, SourceText, Span } from '../../model/location.js';
import type { EmbeddedText } from '../embedded.js';
import type { ConditionNode } from './condition-ast.js';
import type { YMap, YPath } from '../yaml/nodes.js';

export type { YPath as SigmaPath } from '../yaml/nodes.js';

/** A value of the document with where it sits. */
export interface Located<T> {
  value: T;
  loc: Location;
  /** File offsets of the value node. */
  span: Span;
  /** The key the value is written under (for list items, the item itself). */
  keyLoc: Location;
}

export type SigmaScalar = string | number | boolean | null;

/** One value of a detection item or keyword list, as written. */
export interface SigmaValue {
  value: SigmaScalar;
  loc: Location;
  span: Span;
  /** How the value was written: `plain` values were typed by YAML (numbers, booleans, null). */
  quoted: boolean;
}

export interface SigmaModifier {
  name: string;
  /** The modifier's own columns inside the key. */
  loc: Location;
  span: Span;
}

/**
 * One `field|mod1|mod2: value(s)` entry of a selection. The values are linked
 * with OR, or with AND under the `all` modifier.
 */
export interface SigmaDetectionItem {
  /** The field name; null for field-less keyword items (`'|all': [...]`). */
  field: string | null;
  /** The key as written (field plus modifiers). */
  key: string;
  /** The field's columns (zero-width at the key start when there is no field). */
  fieldLoc: Location;
  fieldSpan: Span;
  keyLoc: Location;
  keySpan: Span;
  modifiers: SigmaModifier[];
  values: SigmaValue[];
  /** Whether the values were written as a list (even a one-element one). */
  valueIsList: boolean;
  linkage: 'or' | 'and';
  /** The whole `key: value` entry. */
  loc: Location;
  path: YPath;
}

/**
 * A search identifier under `detection`: a map (AND of its items), a list of
 * maps (OR of ANDs) or a list of plain values (keywords, OR).
 */
export interface SigmaSelection {
  name: string;
  /** The selection's key. */
  loc: Location;
  span: Span;
  /** The selection's value node. */
  valueLoc: Location;
  kind: 'map' | 'list';
  /** Each group is an AND of detection items; several groups are ORed. */
  groups: SigmaDetectionItem[][];
  /** Plain values of a keyword list (full-text search). */
  keywords: SigmaValue[];
  path: YPath;
}

/** One condition string with its parse tree (spans in `embedded.text` coordinates). */
export interface SigmaCondition {
  text: string;
  /** Null when the condition has a syntax error. */
  ast: ConditionNode | null;
  loc: Location;
  span: Span;
  /** Maps offsets in `text` (and AST spans) back to the file. */
  embedded: EmbeddedText;
  path: YPath;
}

export interface SigmaDetection {
  /** Search identifiers in the order written. */
  selections: Map<string, SigmaSelection>;
  /** One entry per condition; a list of conditions is an OR. */
  condition: SigmaCondition[];
  /** Legacy aggregation window (`timeframe: 5m`). */
  timeframe?: Located<string>;
  loc: Location;
}

export interface SigmaLogsource {
  product?: Located<string>;
  category?: Located<string>;
  service?: Located<string>;
  definition?: Located<string>;
  /** Any other keys (custom log source attributes). */
  other: Record<string, Located<string>>;
  loc: Location;
}

export interface SigmaRelated {
  id?: Located<string>;
  type?: Located<string>;
  loc: Location;
}

/** One criterion of a correlation condition (`gte: 100`) or its `field`. */
export interface SigmaCorrelationCondition {
  /** Criteria in order written: gt, gte, lt, lte, eq, neq. */
  criteria: { operator: Located<string>; value: Located<SigmaScalar> }[];
  /** The field counted by `value_count` (and the value_* aggregations). */
  field?: Located<string>;
  loc: Location;
}

export interface SigmaCorrelation {
  type?: Located<string>;
  rules: Located<string>[];
  groupBy: Located<string>[];
  timespan?: Located<string>;
  condition?: SigmaCorrelationCondition;
  generate?: Located<boolean>;
  /** alias name → rule name → field. */
  aliases: Record<string, Record<string, Located<string>>>;
  loc: Location;
}

export interface SigmaFilter {
  rules: Located<string>[];
  /** The filter's search identifiers (usually one, `selection`). */
  selections: Map<string, SigmaSelection>;
  condition: SigmaCondition[];
  loc: Location;
}

/**
 * One Sigma document of a file: a detection rule, a correlation rule or a
 * global filter. Typed fields are undefined when missing or of the wrong
 * type; `data` and `locate` still reach them for schema checks.
 */
export interface SigmaDocument {
  kind: 'rule' | 'correlation' | 'filter';
  /** Index of the YAML document in the file (for legacy `action: global` files, of the part document). */
  index: number;
  source: SourceText;
  /** The document as plain values (what a YAML loader gives). */
  data: Record<string, unknown>;
  /** The document's YAML map: `data` before it is copied into plain values (schema checks walk it without the copy). */
  readonly node?: YMap;
  /** The location of the node at a path (map keys and list indices), e.g. ['detection', 'selection', 'Image|endswith', 1]. */
  locate(path: YPath): Location | undefined;
  /** The location of the key of the last path step (for a list index, the item). */
  locateKey(path: YPath): Location | undefined;
  /** File offsets of the node at a path. */
  spanOf(path: YPath): Span | undefined;
  /** The whole document. */
  loc: Location;

  title?: Located<string>;
  id?: Located<string>;
  name?: Located<string>;
  status?: Located<string>;
  level?: Located<string>;
  date?: Located<string>;
  modified?: Located<string>;
  author?: Located<string>;
  description?: Located<string>;
  license?: Located<string>;
  taxonomy?: Located<string>;
  references: Located<string>[];
  tags: Located<string>[];
  falsepositives: Located<string>[];
  fields: Located<string>[];
  scope: Located<string>[];
  related: SigmaRelated[];
  logsource?: SigmaLogsource;
  detection?: SigmaDetection;
  correlation?: SigmaCorrelation;
  filter?: SigmaFilter;
  /** Set on documents built from a legacy `action: global` file. */
  legacyGlobal?: boolean;
}
