import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node as YamlNode, Scalar } from 'yaml';
import type { Location, SourceText } from '../../model/location.js';
import type { ParseProblem } from '../../model/rule.js';
import { EmbeddedText } from '../embedded.js';

/** A path into the document: map keys and sequence indices, e.g. `['tags', 'mitre_attack_id', 1]`. */
export type YamlPath = readonly (string | number)[];

/** A value with the place it was written. */
export interface Located<T> {
  value: T;
  loc: Location;
}

export interface SplunkObservable {
  name?: string;
  type?: string;
  role: string[];
  loc: Location;
}

export interface SplunkRiskObject {
  field?: string;
  type?: string;
  score?: number;
  loc: Location;
}

export interface SplunkRba {
  message?: Located<string>;
  riskObjects: SplunkRiskObject[];
  threatObjects: SplunkRiskObject[];
  loc: Location;
}

export interface SplunkTags {
  analyticStory: Located<string>[];
  assetType: Located<string>[];
  mitreAttackId: Located<string>[];
  product: Located<string>[];
  securityDomain?: Located<string>;
  cve: Located<string>[];
  /** Older security_content keeps risk data in tags: observables, confidence, impact, risk_score, message. */
  observable: SplunkObservable[];
  confidence?: Located<number>;
  impact?: Located<number>;
  riskScore?: Located<number>;
  message?: Located<string>;
  requiredFields: Located<string>[];
  loc?: Location;
}

export interface SplunkDrilldown {
  name?: Located<string>;
  /** The drilldown's SPL, with offsets mapped back to the file. */
  search?: EmbeddedText;
  earliestOffset?: Located<string>;
  latestOffset?: Located<string>;
  loc: Location;
}

/** A Splunk security_content detection YAML, with the place of every value. */
export interface SplunkDetectionDocument {
  readonly source: SourceText;
  /** The plain value of the whole document. */
  readonly data: Record<string, unknown>;
  /** Where a node is written, or undefined when the path leads nowhere. */
  locate(path: YamlPath): Location | undefined;
  /** Where the key of the last path step is written (for an index: the item). */
  locateKey(path: YamlPath): Location | undefined;
  name?: Located<string>;
  id?: Located<string>;
  version?: Located<number | string>;
  date?: Located<string>;
  author?: Located<string>;
  type?: Located<string>;
  status?: Located<string>;
  description?: Located<string>;
  dataSource: Located<string>[];
  /** The detection's SPL as decoded from the YAML string, with offsets mapped back to the file. */
  search?: EmbeddedText;
  /** The whole `search` scalar as written. */
  searchLoc?: Location;
  howToImplement?: Located<string>;
  knownFalsePositives?: Located<string>;
  references: Located<string>[];
  tags: SplunkTags;
  rba?: SplunkRba;
  drilldownSearches: SplunkDrilldown[];
  /** `required_fields`, at the top level or (older files) under `tags`. */
  requiredFields: Located<string>[];
}

export interface SplunkParseResult {
  doc: SplunkDetectionDocument | null;
  problems: ParseProblem[];
}

/**
 * Reads a Splunk detection file. Malformed YAML gives one fatal problem at the
 * error; a repeated key is reported and the last value kept. Never throws.
 */
export function parseSplunkFile(source: SourceText): SplunkParseResult {
  const problems: ParseProblem[] = [];
  let yamlDoc: Document.Parsed;
  try {
    yamlDoc = parseDocument(source.text, { uniqueKeys: true, prettyErrors: false });
  } catch (err) {
    return { doc: null, problems: [fatal(source, `invalid YAML: ${(err as Error).message}`, 0, 0)] };
  }
  for (const e of yamlDoc.errors) {
    if (e.code === 'DUPLICATE_KEY') {
      problems.push({
        checkId: 'duplicate-key',
        message: `duplicate key '${keyTextAt(source.text, e.pos[0])}': the last value is used`,
        loc: source.location({ start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) }),
        severity: 'error',
      });
      continue;
    }
    return { doc: null, problems: [fatal(source, `invalid YAML: ${firstLine(e.message)}`, e.pos[0], e.pos[1])] };
  }
  if (!isMap(yamlDoc.contents)) {
    const at = yamlDoc.contents?.range?.[0] ?? 0;
    return { doc: null, problems: [fatal(source, 'a Splunk detection must be a YAML mapping of fields', at, at + 1)] };
  }
  return { doc: new YamlDetection(source, yamlDoc), problems };
}

function fatal(source: SourceText, message: string, start: number, end: number): ParseProblem {
  return { checkId: 'parse-error', message, loc: source.location({ start, end: Math.max(end, start) }), severity: 'error', fatal: true };
}

function firstLine(message: string): string {
  const nl = message.indexOf('\n');
  return nl < 0 ? message : message.slice(0, nl).replace(/:$/, '');
}

function keyTextAt(text: string, at: number): string {
  let end = at;
  while (end < text.length && text[end] !== ':' && text[end] !== '\n') end++;
  return text.slice(at, end).trim();
}

class YamlDetection implements SplunkDetectionDocument {
  readonly source: SourceText;
  private readonly yaml: Document.Parsed;
  private plain: Record<string, unknown> | undefined;
  name?: Located<string>;
  id?: Located<string>;
  version?: Located<number | string>;
  date?: Located<string>;
  author?: Located<string>;
  type?: Located<string>;
  status?: Located<string>;
  description?: Located<string>;
  dataSource: Located<string>[];
  search?: EmbeddedText;
  searchLoc?: Location;
  howToImplement?: Located<string>;
  knownFalsePositives?: Located<string>;
  references: Located<string>[];
  tags: SplunkTags;
  rba?: SplunkRba;
  drilldownSearches: SplunkDrilldown[];
  requiredFields: Located<string>[];

  constructor(source: SourceText, yaml: Document.Parsed) {
    this.source = source;
    this.yaml = yaml;
    const set = <K extends keyof this>(key: K, value: this[K] | undefined): void => {
      if (value !== undefined) this[key] = value;
    };
    set('name', this.str(['name']));
    set('id', this.str(['id']));
    const version = this.node(['version']);
    if (isScalar(version) && (typeof version.value === 'number' || typeof version.value === 'string')) {
      this.version = { value: version.value, loc: this.loc(version) };
    }
    set('date', this.str(['date']));
    set('author', this.str(['author']));
    set('type', this.str(['type']));
    set('status', this.str(['status']));
    set('description', this.str(['description']));
    this.dataSource = this.strList(['data_source']);
    set('search', this.searchText(['search']));
    set('searchLoc', this.search ? this.locate(['search']) : undefined);
    set('howToImplement', this.str(['how_to_implement']));
    set('knownFalsePositives', this.str(['known_false_positives']));
    this.references = this.strList(['references']);
    this.tags = this.readTags();
    set('rba', this.readRba());
    this.drilldownSearches = this.readDrilldowns();
    const topRequired = this.strList(['required_fields']);
    this.requiredFields = topRequired.length > 0 ? topRequired : this.tags.requiredFields;
  }

  get data(): Record<string, unknown> {
    // Built on first use: the rule model needs the typed fields, not the plain tree.
    this.plain ??= this.yaml.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
    return this.plain;
  }

  locate(path: YamlPath): Location | undefined {
    const n = this.node(path);
    return n ? this.loc(n) : undefined;
  }

  locateKey(path: YamlPath): Location | undefined {
    if (path.length === 0) return this.locate(path);
    const parent = this.node(path.slice(0, -1));
    const last = path[path.length - 1];
    if (isSeq(parent) && typeof last === 'number') {
      const item = parent.items[last] as YamlNode | undefined;
      return item ? this.loc(item) : undefined;
    }
    if (!isMap(parent)) return undefined;
    for (let i = parent.items.length - 1; i >= 0; i--) {
      const key = parent.items[i]?.key as YamlNode | undefined;
      if (isScalar(key) && String(key.value) === String(last)) return this.loc(key);
    }
    return undefined;
  }

  /** The node at a path; for a repeated key the last one, as in `data`. */
  private node(path: YamlPath): YamlNode | undefined {
    let n: YamlNode | undefined = this.yaml.contents ?? undefined;
    for (const step of path) {
      if (isSeq(n) && typeof step === 'number') {
        n = (n.items[step] as YamlNode | undefined) ?? undefined;
      } else if (isMap(n)) {
        let found: YamlNode | undefined;
        for (let i = n.items.length - 1; i >= 0; i--) {
          const pair = n.items[i];
          if (isScalar(pair?.key) && String(pair.key.value) === String(step)) {
            found = (pair.value as YamlNode | null) ?? undefined;
            break;
          }
        }
        n = found;
      } else {
        return undefined;
      }
    }
    return n;
  }

  private loc(n: YamlNode): Location {
    const r = n.range;
    if (!r) return this.source.location({ start: 0, end: 0 });
    let end = r[1];
    // Block scalars' ranges take in the line break after their last line.
    while (end > r[0] + 1 && isBreak(this.source.text.charCodeAt(end - 1))) end--;
    return this.source.location({ start: r[0], end });
  }

  private strAt(n: YamlNode | undefined): Located<string> | undefined {
    if (!isScalar(n) || n.value === null || n.value === undefined || typeof n.value === 'object') return undefined;
    return { value: String(n.value), loc: this.loc(n) };
  }

  private str(path: YamlPath): Located<string> | undefined {
    return this.strAt(this.node(path));
  }

  private num(path: YamlPath): Located<number> | undefined {
    const n = this.node(path);
    if (!isScalar(n) || typeof n.value !== 'number') return undefined;
    return { value: n.value, loc: this.loc(n) };
  }

  /** A list of strings; a single string stands for a list of one. */
  private strList(path: YamlPath): Located<string>[] {
    const n = this.node(path);
    if (isSeq(n)) {
      const out: Located<string>[] = [];
      for (const item of n.items) {
        const s = this.strAt(item as YamlNode);
        if (s) out.push(s);
      }
      return out;
    }
    const one = this.strAt(n);
    return one ? [one] : [];
  }

  private searchText(path: YamlPath): EmbeddedText | undefined {
    const n = this.node(path);
    if (!isScalar(n) || typeof n.value !== 'string' || !n.range) return undefined;
    return embeddedScalar(this.source, n as Scalar<string>);
  }

  private readTags(): SplunkTags {
    const t = (k: string): YamlPath => ['tags', k];
    const tags: SplunkTags = {
      analyticStory: this.strList(t('analytic_story')),
      assetType: this.strList(t('asset_type')),
      mitreAttackId: this.strList(t('mitre_attack_id')),
      product: this.strList(t('product')),
      cve: this.strList(t('cve')),
      observable: [],
      requiredFields: this.strList(t('required_fields')),
    };
    const put = <K extends keyof SplunkTags>(key: K, value: SplunkTags[K] | undefined): void => {
      if (value !== undefined) tags[key] = value;
    };
    put('securityDomain', this.str(t('security_domain')));
    put('confidence', this.num(t('confidence')));
    put('impact', this.num(t('impact')));
    put('riskScore', this.num(t('risk_score')));
    put('message', this.str(t('message')));
    put('loc', this.locate(['tags']));
    const obs = this.node(t('observable'));
    if (isSeq(obs)) {
      obs.items.forEach((_, i) => {
        const p: YamlPath = ['tags', 'observable', i];
        const o: SplunkObservable = { role: this.strList([...p, 'role']).map((r) => r.value), loc: this.locate(p) ?? this.loc(obs) };
        const name = this.str([...p, 'name']);
        const type = this.str([...p, 'type']);
        if (name) o.name = name.value;
        if (type) o.type = type.value;
        tags.observable.push(o);
      });
    }
    return tags;
  }

  private readRba(): SplunkRba | undefined {
    const n = this.node(['rba']);
    if (!isMap(n)) return undefined;
    const rba: SplunkRba = {
      riskObjects: this.riskObjects(['rba', 'risk_objects']),
      threatObjects: this.riskObjects(['rba', 'threat_objects']),
      loc: this.loc(n),
    };
    const message = this.str(['rba', 'message']);
    if (message) rba.message = message;
    return rba;
  }

  private riskObjects(path: YamlPath): SplunkRiskObject[] {
    const n = this.node(path);
    if (!isSeq(n)) return [];
    return n.items.map((_, i) => {
      const p = [...path, i];
      const o: SplunkRiskObject = { loc: this.locate(p) ?? this.loc(n) };
      const field = this.str([...p, 'field']);
      const type = this.str([...p, 'type']);
      const score = this.num([...p, 'score']);
      if (field) o.field = field.value;
      if (type) o.type = type.value;
      if (score) o.score = score.value;
      return o;
    });
  }

  private readDrilldowns(): SplunkDrilldown[] {
    const n = this.node(['drilldown_searches']);
    if (!isSeq(n)) return [];
    return n.items.map((_, i) => {
      const p: YamlPath = ['drilldown_searches', i];
      const d: SplunkDrilldown = { loc: this.locate(p) ?? this.loc(n) };
      const name = this.str([...p, 'name']);
      const search = this.searchText([...p, 'search']);
      const earliest = this.str([...p, 'earliest_offset']);
      const latest = this.str([...p, 'latest_offset']);
      if (name) d.name = name;
      if (search) d.search = search;
      if (earliest) d.earliestOffset = earliest;
      if (latest) d.latestOffset = latest;
      return d;
    });
  }
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** Maps a string scalar's decoded value to its raw characters in the file. */
export function embeddedScalar(source: SourceText, n: Scalar<string>): EmbeddedText {
  const [start, end] = n.range ?? [0, 0];
  const raw = source.text;
  switch (n.type) {
    case 'QUOTE_DOUBLE':
      return EmbeddedText.align(source, start + 1, Math.max(start + 1, end - 1), n.value, 'escaped');
    case 'QUOTE_SINGLE':
      return EmbeddedText.align(source, start + 1, Math.max(start + 1, end - 1), n.value, 'literal');
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED': {
      // The content starts on the line after the `|` / `>` header.
      let body = start;
      while (body < end && raw.charCodeAt(body) !== 10) body++;
      return EmbeddedText.align(source, Math.min(body + 1, end), end, n.value, 'literal');
    }
    default:
      return EmbeddedText.align(source, start, end, n.value, 'literal');
  }
}
