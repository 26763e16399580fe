import type { ElasticRuleDocument } from './document.js';
import type { EqlQuery } from './eql/index.js';
import type { EsqlQuery } from './esql/index.js';

/**
 * The query tree the model builder parsed for each document (possibly partial
 * when the query has syntax errors), for the checks that read more of an EQL or
 * ES|QL query than the rule model keeps. Kept apart from the parsers: the checks
 * that read these trees are loaded on every run, the parsers only when an
 * Elastic file is linted.
 */
export type QueryTree = { language: 'eql'; ast: EqlQuery | null } | { language: 'esql'; ast: EsqlQuery | null };

const trees = new WeakMap<ElasticRuleDocument, QueryTree>();

export function keepQueryTree(doc: ElasticRuleDocument, tree: QueryTree): void {
  trees.set(doc, tree);
}

/** The EQL tree of the document's query; undefined for other languages, or when it did not parse at all. */
export function eqlTree(doc: ElasticRuleDocument): EqlQuery | undefined {
  const t = trees.get(doc);
  return t?.language === 'eql' ? (t.ast ?? undefined) : undefined;
}

/** The ES|QL tree of the document's query; undefined for other languages, or when it did not parse at all. */
export function esqlTree(doc: ElasticRuleDocument): EsqlQuery | undefined {
  const t = trees.get(doc);
  return t?.language === 'esql' ? (t.ast ?? undefined) : undefined;
}
