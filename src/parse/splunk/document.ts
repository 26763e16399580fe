import type { Document, Scalar } from 'yaml';
import type { Location, SourceText, Span } from '../../model/location.js';
import type { ParseProblem } from '../../model/rule.js';
import { EmbeddedText } from '../embedded.js';
import { readYamlFast } from '../yaml/fast-reader.js';
import { FastTreeView } from '../yaml/fast-tree-view.js';
import type { ScalarStyle, YDocument, YNode } from '../yaml/nodes.js';
import { yamlPackage } from '../yaml/package.js';
import { packageSpansExact } from '../yaml/package-ranges.js';
import { PackageTreeView, scalarStyleOf } from '../yaml/package-tree-view.js';
import { nodeAt } from '../yaml/tree-view.js';
import type { YamlPath, YamlTreeView } from '../yaml/tree-view.js';
import { repeatsKey } from '../yaml/unique-keys.js';

export type { YamlPath } from '../yaml/tree-view.js';

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
  const fast = fastTree(source.text);
  if (fast) return { doc: new YamlDetection(source, fast), problems: [] };
  return parseWithPackage(source);
}

/**
 * The fast reader's tree when the file is one mapping in its subset, with no
 * repeated key and nothing that makes its positions differ from the `yaml`
 * package's; otherwise undefined, and the package reads the file and words
 * the problems, as it always has.
 */
function fastTree(text: string): FastTreeView | undefined {
  let docs: YDocument[] | null;
  try {
    docs = readYamlFast(text);
  } catch {
    // A fault in the fast reader must not cost the file: the package reads it instead.
    return undefined;
  }
  if (!docs || docs.length !== 1) return undefined;
  const root: YNode | null = docs[0]?.contents ?? null;
  if (root?.kind !== 'map' || repeatsKey(root) || !packageSpansExact(text, root)) return undefined;
  return new FastTreeView(text, root);
}

function parseWithPackage(source: SourceText): SplunkParseResult {
  const problems: ParseProblem[] = [];
  let yamlDoc: Document.Parsed;
  try {
    yamlDoc = yamlPackage().parseDocument(source.text, { uniqueKeys: true, prettyErrors: false });
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
  if (!yamlPackage().isMap(yamlDoc.contents)) {
    const at = yamlDoc.contents?.range?.[0] ?? 0;
    return { doc: null, problems: [fatal(source, 'a Splunk detection must be a YAML mapping of fields', at, at + 1)] };
  }
  return { doc: new YamlDetection(source, new PackageTreeView(source.text, yamlDoc)), problems };
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

/** A detection over either reader's tree; `N` is that tree's node type. */
class YamlDetection<N> implements SplunkDetectionDocument {
  readonly source: SourceText;
  private readonly tree: YamlTreeView<N>;
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

  constructor(source: SourceText, tree: YamlTreeView<N>) {
    this.source = source;
    this.tree = tree;
    const set = <K extends keyof this>(key: K, value: this[K] | undefined): void => {
      if (value !== undefined) this[key] = value;
    };
    set('name', this.str(['name']));
    set('id', this.str(['id']));
    const version = this.node(['version']);
    const versionValue = tree.scalar(version)?.value;
    if (version !== undefined && (typeof versionValue === 'number' || typeof versionValue === 'string')) {
      this.version = { value: versionValue, loc: this.loc(version) };
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
    this.plain ??= this.tree.toPlain() as Record<string, unknown>;
    return this.plain;
  }

  locate(path: YamlPath): Location | undefined {
    const n = this.node(path);
    return n === undefined ? undefined : this.loc(n);
  }

  locateKey(path: YamlPath): Location | undefined {
    if (path.length === 0) return this.locate(path);
    const parent = this.node(path.slice(0, -1));
    const key = parent === undefined ? undefined : this.tree.keyNode(parent, path[path.length - 1] as string | number);
    return key === undefined ? undefined : this.loc(key);
  }

  /** The node at a path; for a repeated key the last one, as in `data`. */
  private node(path: YamlPath): N | undefined {
    return nodeAt(this.tree, path);
  }

  private loc(n: N): Location {
    return this.source.location(this.tree.span(n));
  }

  private strAt(n: N | undefined): Located<string> | undefined {
    const value = this.tree.scalar(n)?.value;
    if (n === undefined || value === null || value === undefined || typeof value === 'object') return undefined;
    return { value: String(value), loc: this.loc(n) };
  }

  private str(path: YamlPath): Located<string> | undefined {
    return this.strAt(this.node(path));
  }

  private num(path: YamlPath): Located<number> | undefined {
    const n = this.node(path);
    const value = this.tree.scalar(n)?.value;
    if (n === undefined || typeof value !== 'number') return undefined;
    return { value, loc: this.loc(n) };
  }

  /** A list of strings; a single string stands for a list of one. */
  private strList(path: YamlPath): Located<string>[] {
    const n = this.node(path);
    const items = this.tree.items(n);
    if (items) {
      const out: Located<string>[] = [];
      for (const item of items) {
        const s = this.strAt(item);
        if (s) out.push(s);
      }
      return out;
    }
    const one = this.strAt(n);
    return one ? [one] : [];
  }

  private searchText(path: YamlPath): EmbeddedText | undefined {
    const s = this.tree.scalar(this.node(path));
    if (!s || typeof s.value !== 'string' || !s.raw) return undefined;
    return embedString(this.source, s.value, s.style, s.raw);
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
    const items = this.tree.items(obs);
    if (obs !== undefined && items) {
      items.forEach((_, i) => {
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
    if (n === undefined || !this.tree.isMap(n)) return undefined;
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
    const items = this.tree.items(n);
    if (n === undefined || !items) return [];
    return items.map((_, i) => {
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
    const items = this.tree.items(n);
    if (n === undefined || !items) return [];
    return items.map((_, i) => {
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

/** Maps a string scalar's decoded value to its raw characters in the file. */
export function embeddedScalar(source: SourceText, n: Scalar<string>): EmbeddedText {
  const [start, end] = n.range ?? [0, 0];
  return embedString(source, n.value, scalarStyleOf(n.type), { start, end });
}

/** `raw` is the scalar's whole raw text: quotes, block header and the line break after a block included. */
function embedString(source: SourceText, value: string, style: ScalarStyle, raw: Span): EmbeddedText {
  const { start, end } = raw;
  switch (style) {
    case 'double':
      return EmbeddedText.align(source, start + 1, Math.max(start + 1, end - 1), value, 'escaped');
    case 'single':
      return EmbeddedText.align(source, start + 1, Math.max(start + 1, end - 1), value, 'literal');
    case 'literal':
    case 'folded': {
      // The content starts on the line after the `|` / `>` header.
      let body = start;
      while (body < end && source.text.charCodeAt(body) !== 10) body++;
      return EmbeddedText.align(source, Math.min(body + 1, end), end, value, 'literal');
    }
    default:
      return EmbeddedText.align(source, start, end, value, 'literal');
  }
}
