import path from 'node:path';
import type { Location } from '../../model/location.js';
import type { RuleModel } from '../../model/rule.js';
import type { ElasticRuleDocument, Located, TomlPath, TomlTable, TomlValue } from '../../parse/elastic/document.js';

/** The Elastic document behind a rule model, or undefined for other vendors. */
export function elasticDocOf(rule: RuleModel): ElasticRuleDocument | undefined {
  return rule.vendor === 'elastic' ? (rule.doc as ElasticRuleDocument) : undefined;
}

/** The plain value at `path` of the document, or undefined. */
export function valueAt(doc: ElasticRuleDocument, path: TomlPath): TomlValue | undefined {
  let cur: TomlValue | undefined = doc.data;
  for (const seg of path) {
    if (cur === undefined || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, TomlValue>)[seg];
  }
  return cur;
}

export function isTable(v: TomlValue | undefined): v is TomlTable {
  return typeof v === 'object' && !Array.isArray(v);
}

/** The `[rule]` table as plain data (empty when the file has none). */
export function ruleTable(doc: ElasticRuleDocument): TomlTable {
  const r = doc.data.rule;
  return isTable(r) ? r : {};
}

/** The `[metadata]` table as plain data (empty when the file has none). */
export function metadataTable(doc: ElasticRuleDocument): TomlTable {
  const m = doc.data.metadata;
  return isTable(m) ? m : {};
}

/** A string of `[rule]` with its place, when it is a string. */
export function ruleString(doc: ElasticRuleDocument, key: string): Located<string> | undefined {
  return locatedString(doc, ['rule', key]);
}

export function locatedString(doc: ElasticRuleDocument, p: TomlPath): Located<string> | undefined {
  const v = valueAt(doc, p);
  const loc = doc.locate(p);
  const keyLoc = doc.locateKey(p);
  return typeof v === 'string' && loc && keyLoc ? { value: v, loc, keyLoc } : undefined;
}

/** Where the key of `path` sits, else the nearest key that exists. */
export function keyPlaceOf(doc: ElasticRuleDocument, p: TomlPath): Location {
  return doc.locateKey(p) ?? doc.locateNearest(p);
}

/** The `[rule]` header: where problems about the rule as a whole go. */
export function ruleHeader(doc: ElasticRuleDocument): Location {
  return doc.locateNearest(['rule']);
}

/** The rule's tags as written (strings only). */
export function tagsOf(doc: ElasticRuleDocument): Located<string>[] {
  return doc.rule.tags ?? [];
}

/** Whether the rule's `author` list names Elastic (their CI applies some checks to Elastic's own rules only). */
export function isElasticAuthored(doc: ElasticRuleDocument): boolean {
  const author = ruleTable(doc).author;
  return Array.isArray(author) && author.some((a) => typeof a === 'string' && a.toLowerCase() === 'elastic');
}

/** The rule type as written, when it is a string. */
export function ruleType(doc: ElasticRuleDocument): string | undefined {
  return doc.rule.type?.value;
}

/**
 * Rule types that carry a query (detection-rules' QueryRuleData and its
 * subclasses): every type but `machine_learning`.
 */
export const QUERY_RULE_TYPES: ReadonlySet<string> = new Set(['query', 'eql', 'esql', 'threshold', 'threat_match', 'new_terms']);

/** The rule's file name and the name of the folder it sits in. */
export function fileParts(rule: RuleModel): { name: string; folder: string; dirs: string[] } {
  const normalized = rule.file.split(path.sep).join('/');
  const dirs = normalized.split('/').slice(0, -1);
  return { name: path.basename(normalized), folder: dirs[dirs.length - 1] ?? '', dirs };
}

/** The first location of a file, where file-level problems (its name) go. */
export const FILE_START: Location = { line: 1, column: 1, endLine: 1, endColumn: 1 };
