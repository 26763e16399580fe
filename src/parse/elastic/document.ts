import { parseTOML, ParseError } from 'toml-eslint-parser';
import type { AST } from 'toml-eslint-parser';
import type { Location, SourceText } from '../../model/location.js';
import type { ParseProblem } from '../../model/rule.js';
import { EmbeddedText } from '../embedded.js';
import { buildTomlTree, pathKey } from './toml-tree.js';
import type { TomlPath, TomlPlace, TomlString, TomlTable, TomlValue } from './toml-tree.js';

export type { TomlPath, TomlTable, TomlValue } from './toml-tree.js';

/** A value of the document with where it sits. */
export interface Located<T> {
  value: T;
  loc: Location;
  /** The key the value is written under (for array items, the item itself). */
  keyLoc: Location;
}

/** A string value whose characters can be located one by one (a query, a note). */
export interface LocatedText extends Located<string> {
  embedded: EmbeddedText;
  /** How the string is quoted in the file: `'''` and `'` take backslashes literally, `"""` and `"` as escapes. */
  quote: "'" | "'''" | '"' | '"""';
}

/** An ATT&CK tactic, technique or sub-technique entry of a `[[rule.threat]]` block. */
export interface ElasticThreatEntry {
  id?: Located<string>;
  name?: Located<string>;
  reference?: Located<string>;
  /** The entry's table or inline table. */
  loc: Location;
  path: TomlPath;
}

export interface ElasticTechniqueEntry extends ElasticThreatEntry {
  subtechnique: ElasticThreatEntry[];
}

/** One `[[rule.threat]]` block. */
export interface ElasticThreat {
  framework?: Located<string>;
  tactic?: ElasticThreatEntry;
  technique: ElasticTechniqueEntry[];
  loc: Location;
  path: TomlPath;
}

/** The `[metadata]` table's usual keys; anything else is in `data.metadata`. */
export interface ElasticMetadata {
  creation_date?: Located<string>;
  updated_date?: Located<string>;
  maturity?: Located<string>;
  deprecation_date?: Located<string>;
  integration?: Located<string>[];
  min_stack_version?: Located<string>;
  min_stack_comments?: Located<string>;
}

/**
 * The `[rule]` table's keys that the linter reads most. A key that is
 * missing or has the wrong type is undefined here (and can still be found
 * through `data` and `locate`, where schema checks report it).
 */
export interface ElasticRuleFields {
  rule_id?: Located<string>;
  name?: Located<string>;
  description?: Located<string>;
  type?: Located<string>;
  language?: Located<string>;
  index?: Located<string>[];
  query?: LocatedText;
  threat: ElasticThreat[];
  tags?: Located<string>[];
  note?: Located<string>;
  setup?: Located<string>;
  severity?: Located<string>;
  risk_score?: Located<number>;
}

/** A parsed Elastic detection-rules TOML file. */
export interface ElasticRuleDocument {
  source: SourceText;
  /** The whole file as plain data. */
  data: TomlTable;
  metadata: ElasticMetadata;
  rule: ElasticRuleFields;
  /** Where the value at `path` sits (a `[table]` is its whole section), e.g. `['rule','threat',0,'technique',0,'id']`. */
  locate(path: TomlPath): Location | undefined;
  /** Where the key of `path` sits (a `[table]` or `[[array]]` item is its header name). */
  locateKey(path: TomlPath): Location | undefined;
  /** The key of the longest prefix of `path` that exists: where to report a missing key. */
  locateNearest(path: TomlPath): Location;
  /** The string at `path` with its characters mapped to the file; undefined if it is not a string. */
  embedded(path: TomlPath): EmbeddedText | undefined;
}

export interface ElasticParseResult {
  doc: ElasticRuleDocument | null;
  problems: ParseProblem[];
}

/** Reads an Elastic rule file. Malformed TOML gives one fatal problem at the error, never a throw. */
export function parseElasticFile(source: SourceText): ElasticParseResult {
  let program: AST.TOMLProgram;
  try {
    program = parseTOML(source.text);
  } catch (err) {
    return { doc: null, problems: [tomlProblem(source, err)] };
  }
  const { data, places } = buildTomlTree(program);
  const doc = new TomlDocument(source, data, places);
  return { doc, problems: [] };
}

function tomlProblem(source: SourceText, err: unknown): ParseProblem {
  if (err instanceof ParseError) {
    // ParseError columns are 0-based; ours are 1-based.
    const line = Math.max(1, err.lineNumber);
    const column = Math.max(1, err.column + 1);
    return {
      checkId: 'parse-error',
      message: `invalid TOML: ${err.message}`,
      loc: { line, column, endLine: line, endColumn: column },
      severity: 'error',
      fatal: true,
    };
  }
  // toml-eslint-parser overflows its stack on deep arrays or inline tables, and on a very long string (it spreads the string's characters into one call).
  const message = err instanceof RangeError ? 'too large for the TOML parser (a string of over about 100,000 characters, or arrays or inline tables nested too deeply)' : err instanceof Error ? err.message : String(err);
  const end = source.position(0);
  return {
    checkId: 'parse-error',
    message: `invalid TOML: ${message}`,
    loc: { line: end.line, column: end.column, endLine: end.line, endColumn: end.column },
    severity: 'error',
    fatal: true,
  };
}

class TomlDocument implements ElasticRuleDocument {
  readonly source: SourceText;
  readonly data: TomlTable;
  readonly metadata: ElasticMetadata;
  readonly rule: ElasticRuleFields;
  private readonly places: Map<string, TomlPlace>;

  constructor(source: SourceText, data: TomlTable, places: Map<string, TomlPlace>) {
    this.source = source;
    this.data = data;
    this.places = places;
    this.metadata = this.readMetadata();
    this.rule = this.readRule();
  }

  locate(path: TomlPath): Location | undefined {
    const place = this.places.get(pathKey(path));
    return place ? this.source.location(place.value) : undefined;
  }

  locateKey(path: TomlPath): Location | undefined {
    const place = this.places.get(pathKey(path));
    return place ? this.source.location(place.key) : undefined;
  }

  locateNearest(path: TomlPath): Location {
    for (let n = path.length; n > 0; n--) {
      const place = this.places.get(pathKey(path.slice(0, n)));
      if (place) return this.source.location(place.key);
    }
    return this.source.location({ start: 0, end: 0 });
  }

  embedded(path: TomlPath): EmbeddedText | undefined {
    const place = this.places.get(pathKey(path));
    if (!place?.string) return undefined;
    return embedString(this.source, place.string);
  }

  private get(path: TomlPath): TomlValue | undefined {
    let cur: TomlValue | undefined = this.data;
    for (const seg of path) {
      if (cur === undefined || typeof cur !== 'object') return undefined;
      cur = (cur as Record<string | number, TomlValue>)[seg];
    }
    return cur;
  }

  private located<T>(path: TomlPath, value: T): Located<T> | undefined {
    const place = this.places.get(pathKey(path));
    if (!place) return undefined;
    return { value, loc: this.source.location(place.value), keyLoc: this.source.location(place.key) };
  }

  private str(path: TomlPath): Located<string> | undefined {
    const v = this.get(path);
    return typeof v === 'string' ? this.located(path, v) : undefined;
  }

  private strings(path: TomlPath): Located<string>[] | undefined {
    const v = this.get(path);
    if (!Array.isArray(v)) return undefined;
    const out: Located<string>[] = [];
    for (let i = 0; i < v.length; i++) {
      const item = v[i];
      if (typeof item !== 'string') continue;
      const l = this.located([...path, i], item);
      if (l) out.push(l);
    }
    return out;
  }

  private readMetadata(): ElasticMetadata {
    const m: ElasticMetadata = {};
    for (const key of ['creation_date', 'updated_date', 'maturity', 'deprecation_date', 'min_stack_version', 'min_stack_comments'] as const) {
      const v = this.str(['metadata', key]);
      if (v) m[key] = v;
    }
    const integration = this.get(['metadata', 'integration']);
    // `integration` is a list in current rules and a single string in some older ones.
    if (typeof integration === 'string') {
      const v = this.str(['metadata', 'integration']);
      if (v) m.integration = [v];
    } else {
      const list = this.strings(['metadata', 'integration']);
      if (list) m.integration = list;
    }
    return m;
  }

  private readRule(): ElasticRuleFields {
    const r: ElasticRuleFields = { threat: this.readThreat() };
    for (const key of ['rule_id', 'name', 'description', 'type', 'language', 'note', 'setup', 'severity'] as const) {
      const v = this.str(['rule', key]);
      if (v) r[key] = v;
    }
    const risk = this.get(['rule', 'risk_score']);
    if (typeof risk === 'number') r.risk_score = this.located(['rule', 'risk_score'], risk);
    const index = this.strings(['rule', 'index']);
    if (index) r.index = index;
    const tags = this.strings(['rule', 'tags']);
    if (tags) r.tags = tags;
    const query = this.str(['rule', 'query']);
    const node = this.places.get(pathKey(['rule', 'query']))?.string;
    if (query && node) r.query = { ...query, embedded: embedString(this.source, node), quote: quoteOf(node) };
    return r;
  }

  private readThreat(): ElasticThreat[] {
    const list = this.get(['rule', 'threat']);
    if (!Array.isArray(list)) return [];
    const out: ElasticThreat[] = [];
    for (let i = 0; i < list.length; i++) {
      const path = ['rule', 'threat', i];
      const loc = this.locate(path);
      if (!loc || !isTable(list[i])) continue;
      const threat: ElasticThreat = { technique: [], loc, path };
      const framework = this.str([...path, 'framework']);
      if (framework) threat.framework = framework;
      const tactic = this.readEntry([...path, 'tactic']);
      if (tactic) threat.tactic = tactic;
      threat.technique = this.readEntries([...path, 'technique']).map((t) => ({
        ...t,
        subtechnique: this.readEntries([...t.path, 'subtechnique']),
      }));
      out.push(threat);
    }
    return out;
  }

  private readEntries(path: TomlPath): ElasticThreatEntry[] {
    const list = this.get(path);
    if (!Array.isArray(list)) return [];
    const out: ElasticThreatEntry[] = [];
    for (let i = 0; i < list.length; i++) {
      const e = this.readEntry([...path, i]);
      if (e) out.push(e);
    }
    return out;
  }

  private readEntry(path: TomlPath): ElasticThreatEntry | undefined {
    const loc = this.locate(path);
    if (!loc || !isTable(this.get(path))) return undefined;
    const e: ElasticThreatEntry = { loc, path };
    for (const key of ['id', 'name', 'reference'] as const) {
      const v = this.str([...path, key]);
      if (v) e[key] = v;
    }
    return e;
  }
}

function quoteOf(node: TomlString): LocatedText['quote'] {
  if (node.style === 'literal') return node.multiline ? "'''" : "'";
  return node.multiline ? '"""' : '"';
}

function isTable(v: TomlValue | undefined): v is TomlTable {
  return typeof v === 'object' && !Array.isArray(v);
}

/**
 * Maps a TOML string's decoded value onto its characters in the file. The
 * alignment starts after the opening delimiter (and the newline TOML drops
 * right after `'''`/`"""`) so a value that begins with a quote or a space
 * cannot be matched against the delimiter itself.
 */
function embedString(source: SourceText, node: TomlString): EmbeddedText {
  const [start, end] = node.range;
  const quote = node.multiline ? 3 : 1;
  let contentStart = start + quote;
  if (node.multiline) {
    if (source.text.charCodeAt(contentStart) === 13 && source.text.charCodeAt(contentStart + 1) === 10) contentStart += 2;
    else if (source.text.charCodeAt(contentStart) === 10) contentStart += 1;
  }
  const contentEnd = Math.max(contentStart, end - quote);
  return EmbeddedText.align(source, contentStart, contentEnd, node.value, node.style === 'literal' ? 'literal' : 'escaped');
}

