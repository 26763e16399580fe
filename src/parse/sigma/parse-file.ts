import { fileStart } from '../../model/location.js';
import type { Location, SourceText, Span } from '../../model/location.js';
import type { ParseProblem } from '../../model/rule.js';
import { BuildContext } from './build-context.js';
import { buildConditions, buildDetection, buildSelections } from './detection.js';
import type { Located, SigmaCorrelation, SigmaDetection, SigmaDocument, SigmaFilter, SigmaLogsource, SigmaRelated } from './document-types.js';
import { expandLegacyCollection, isLegacyCollection } from './legacy-global.js';
import { buildCorrelation, buildLogsource, buildRelated, locatedString, locatedStrings } from './metadata.js';
import { collectDuplicateKeys, keyAt, keyText, nodeAt, toPlain, uniquePairs } from '../yaml/nodes.js';
import type { YDocument, YMap, YNode, YPair, YPath, YScalar } from '../yaml/nodes.js';
import { readYaml } from '../yaml/read.js';

export interface SigmaFileParse {
  documents: SigmaDocument[];
  problems: ParseProblem[];
}

/**
 * Parses a Sigma file: every YAML document becomes a rule, correlation or
 * filter document with the location of every node, its detection items and
 * parsed conditions. Never throws; what is wrong comes back as problems at
 * the node concerned (YAML syntax errors are fatal for their document).
 */
export function parseSigmaFile(source: SourceText): SigmaFileParse {
  const problems: ParseProblem[] = [];
  const ctx = new BuildContext(source, problems);
  let read;
  try {
    read = readYaml(source.text);
  } catch (e) {
    // The readers are meant never to throw; if one does, the file is still reported, not crashed on.
    problems.push({ checkId: 'parse-error', message: `cannot read YAML: ${(e as Error).message}`, loc: fileStart(), severity: 'error', fatal: true });
    return { documents: [], problems };
  }
  const usable: YDocument[] = [];
  const usableIndex: number[] = [];
  read.documents.forEach((doc, i) => {
    let broken = false;
    for (const issue of read.issues[i] ?? []) {
      const loc = source.location({ start: issue.start, end: Math.max(issue.start, issue.end) });
      problems.push({ checkId: 'parse-error', message: `YAML: ${issue.message}`, loc, severity: issue.error ? 'error' : 'warn', ...(issue.error ? { fatal: true } : {}) });
      if (issue.error) broken = true;
    }
    if (!broken) {
      usable.push(doc);
      usableIndex.push(i);
    }
  });

  const documents: SigmaDocument[] = [];
  if (isLegacyCollection(usable)) {
    const { parts, skipped } = expandLegacyCollection(usable);
    for (const s of skipped) reportNotAMap(usable[s] as YDocument, ctx);
    for (const part of parts) safely(part.map, ctx, () => documents.push(buildDocument(part.map, usableIndex[part.index] as number, ctx, true)));
  } else {
    usable.forEach((doc, k) => {
      const c = doc.contents;
      if (!c) return; // an empty document (e.g. a trailing `---`) holds nothing to lint
      if (c.kind !== 'map') reportNotAMap(doc, ctx);
      else safely(c, ctx, () => documents.push(buildDocument(c, usableIndex[k] as number, ctx, false)));
    });
  }
  for (const doc of usable) {
    if (doc.duplicateKeys) for (const key of doc.duplicateKeys) reportDuplicateKey(key, ctx);
    else if (doc.contents) reportDuplicateKeys(doc.contents, ctx);
  }
  if (documents.length === 0 && !problems.some((p) => p.fatal)) {
    problems.push({ checkId: 'parse-error', message: 'the file holds no Sigma rule (no YAML mapping)', loc: fileStart(), severity: 'error', fatal: true });
  }
  problems.sort((a, b) => a.loc.line - b.loc.line || a.loc.column - b.loc.column);
  return { documents, problems };
}

/**
 * Runs one document's builder so that a defect in it costs that document,
 * with a problem saying so, instead of a stack trace that stops every other file.
 */
function safely(node: YNode, ctx: BuildContext, build: () => void): void {
  try {
    build();
  } catch (e) {
    ctx.problems.push({
      checkId: 'parse-error',
      message: `internal error while reading this Sigma document: ${(e as Error).message}`,
      loc: ctx.loc({ start: node.start, end: node.start }),
      severity: 'error',
      fatal: true,
    });
  }
}

function reportNotAMap(doc: YDocument, ctx: BuildContext): void {
  const c = doc.contents;
  if (!c) return;
  const what = c.kind === 'seq' ? 'a list' : 'a single value';
  ctx.problems.push({
    checkId: 'parse-error',
    message: `a Sigma document must be a mapping of keys (title, logsource, detection, …), not ${what}`,
    loc: ctx.loc(c),
    severity: 'error',
    fatal: true,
  });
}

const FILTER_RESERVED = new Set(['rules', 'condition']);

function buildDocument(map: YMap, index: number, ctx: BuildContext, legacy: boolean): SigmaDocument {
  const top = new TopPairs(map);
  const doc = new YamlSigmaDocument(map, index, ctx, top);
  if (legacy) doc.legacyGlobal = true;
  if (top.related) doc.related = buildRelated(top.related.value, ctx);
  const logsource = top.logsource?.value;
  if (logsource && logsource.kind === 'map') doc.logsource = buildLogsource(logsource, ctx);
  const detection = top.detection?.value;
  if (detection && detection.kind === 'map') doc.detection = buildDetection(detection, ['detection'], ctx);
  const correlation = top.correlation?.value;
  if (correlation && correlation.kind === 'map') doc.correlation = buildCorrelation(correlation, ctx);
  const filter = top.filter?.value;
  if (doc.kind === 'filter' && filter && filter.kind === 'map') doc.filter = buildFilter(filter, ctx);
  return doc;
}

/**
 * The pairs of a document's top-level map that the builder reads, gathered
 * in one pass over the map; for a repeated key the last one, as a loader
 * keeps it. Cheaper than a Map of every key for the twenty lookups a
 * document makes (the Map, its hashing and its growth were a tenth of
 * building a document).
 */
class TopPairs {
  title: YPair | undefined = undefined;
  id: YPair | undefined = undefined;
  name: YPair | undefined = undefined;
  status: YPair | undefined = undefined;
  level: YPair | undefined = undefined;
  date: YPair | undefined = undefined;
  modified: YPair | undefined = undefined;
  author: YPair | undefined = undefined;
  description: YPair | undefined = undefined;
  license: YPair | undefined = undefined;
  taxonomy: YPair | undefined = undefined;
  references: YPair | undefined = undefined;
  tags: YPair | undefined = undefined;
  falsepositives: YPair | undefined = undefined;
  fields: YPair | undefined = undefined;
  scope: YPair | undefined = undefined;
  related: YPair | undefined = undefined;
  logsource: YPair | undefined = undefined;
  detection: YPair | undefined = undefined;
  correlation: YPair | undefined = undefined;
  filter: YPair | undefined = undefined;

  constructor(map: YMap) {
    for (const pair of map.pairs) {
      switch (keyText(pair.key)) {
        case 'title': this.title = pair; break;
        case 'id': this.id = pair; break;
        case 'name': this.name = pair; break;
        case 'status': this.status = pair; break;
        case 'level': this.level = pair; break;
        case 'date': this.date = pair; break;
        case 'modified': this.modified = pair; break;
        case 'author': this.author = pair; break;
        case 'description': this.description = pair; break;
        case 'license': this.license = pair; break;
        case 'taxonomy': this.taxonomy = pair; break;
        case 'references': this.references = pair; break;
        case 'tags': this.tags = pair; break;
        case 'falsepositives': this.falsepositives = pair; break;
        case 'fields': this.fields = pair; break;
        case 'scope': this.scope = pair; break;
        case 'related': this.related = pair; break;
        case 'logsource': this.logsource = pair; break;
        case 'detection': this.detection = pair; break;
        case 'correlation': this.correlation = pair; break;
        case 'filter': this.filter = pair; break;
      }
    }
  }
}

/**
 * A Sigma document read from its YAML map. A class rather than an object
 * literal for the lazy `data` getter: a getter written in an object literal
 * is defined anew on every object, through an accessor V8 keeps in its old
 * generation, and that kept every document's YAML tree alive through the
 * young-generation collections (about a tenth of all parsing garbage was
 * copied and promoted). On the prototype it costs nothing per document.
 */
class YamlSigmaDocument implements SigmaDocument {
  readonly kind: SigmaDocument['kind'];
  readonly index: number;
  readonly source: SourceText;
  readonly loc: Location;
  references: Located<string>[];
  tags: Located<string>[];
  falsepositives: Located<string>[];
  fields: Located<string>[];
  scope: Located<string>[];
  related: SigmaRelated[] = [];
  // Every field is set (possibly to undefined) so all documents share one object shape.
  title: Located<string> | undefined;
  id: Located<string> | undefined;
  name: Located<string> | undefined;
  status: Located<string> | undefined;
  level: Located<string> | undefined;
  date: Located<string> | undefined;
  modified: Located<string> | undefined;
  author: Located<string> | undefined;
  description: Located<string> | undefined;
  license: Located<string> | undefined;
  taxonomy: Located<string> | undefined;
  logsource: SigmaLogsource | undefined = undefined;
  detection: SigmaDetection | undefined = undefined;
  correlation: SigmaCorrelation | undefined = undefined;
  filter: SigmaFilter | undefined = undefined;
  legacyGlobal?: boolean;
  readonly #map: YMap;
  readonly #ctx: BuildContext;
  #data: Record<string, unknown> | undefined;

  constructor(map: YMap, index: number, ctx: BuildContext, top: TopPairs) {
    this.#map = map;
    this.#ctx = ctx;
    this.kind = top.correlation ? 'correlation' : top.filter && !top.detection ? 'filter' : 'rule';
    this.index = index;
    this.source = ctx.source;
    this.loc = ctx.loc(map);
    this.references = locatedStrings(top.references, ctx);
    this.tags = locatedStrings(top.tags, ctx);
    this.falsepositives = locatedStrings(top.falsepositives, ctx);
    this.fields = locatedStrings(top.fields, ctx);
    this.scope = locatedStrings(top.scope, ctx);
    this.title = pairString(top.title, ctx);
    this.id = pairString(top.id, ctx);
    this.name = pairString(top.name, ctx);
    this.status = pairString(top.status, ctx);
    this.level = pairString(top.level, ctx);
    this.date = pairString(top.date, ctx);
    this.modified = pairString(top.modified, ctx);
    this.author = pairString(top.author, ctx);
    this.description = pairString(top.description, ctx);
    this.license = pairString(top.license, ctx);
    this.taxonomy = pairString(top.taxonomy, ctx);
  }

  /** Built on first use: indexing the corpus never needs it, schema checks do. */
  get data(): Record<string, unknown> {
    return (this.#data ??= toPlain(this.#map) as Record<string, unknown>);
  }

  get node(): YMap {
    return this.#map;
  }

  locate(path: YPath): Location | undefined {
    return locOf(nodeAt(this.#map, path), this.#ctx);
  }

  locateKey(path: YPath): Location | undefined {
    return locOf(keyAt(this.#map, path), this.#ctx);
  }

  spanOf(path: YPath): Span | undefined {
    const n = nodeAt(this.#map, path);
    return n ? { start: n.start, end: n.end } : undefined;
  }
}

function buildFilter(map: YMap, ctx: BuildContext): SigmaFilter {
  const pairs = uniquePairs(map);
  const selections = buildSelections(map, ['filter'], FILTER_RESERVED, ctx);
  const cond = pairs.get('condition');
  return {
    rules: locatedStrings(pairs.get('rules'), ctx),
    selections,
    condition: cond ? buildConditions(cond, ['filter', 'condition'], selections, ctx) : [],
    loc: ctx.loc(map),
  };
}

function pairString(pair: YPair | undefined, ctx: BuildContext): Located<string> | undefined {
  return pair ? locatedString(pair.value, pair.key, ctx) : undefined;
}

function locOf(node: YNode | undefined, ctx: BuildContext): Location | undefined {
  return node ? ctx.loc(node) : undefined;
}

/** Reports every key repeated in one map (for a tree whose reader did not list them): YAML loaders keep only the last, silently. */
function reportDuplicateKeys(node: YNode, ctx: BuildContext): void {
  if (node.kind === 'seq') {
    for (const item of node.items) if (item.kind !== 'scalar') reportDuplicateKeys(item, ctx);
    return;
  }
  if (node.kind !== 'map') return;
  const repeated: YScalar[] = [];
  collectDuplicateKeys(node.pairs, repeated);
  for (const key of repeated) reportDuplicateKey(key, ctx);
  for (const pair of node.pairs) if (pair.value.kind !== 'scalar') reportDuplicateKeys(pair.value, ctx);
}

function reportDuplicateKey(key: YScalar, ctx: BuildContext): void {
  ctx.report('sigma-duplicate-key', `duplicate key '${keyText(key)}': only the last one takes effect`, { start: key.start, end: key.end });
}
