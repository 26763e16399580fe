import type { ElasticRuleDocument } from '../../parse/elastic/document.js';
import { parseEsql } from '../../parse/elastic/esql/index.js';
import type { EsqlQuery } from '../../parse/elastic/esql/index.js';
import { elasticLanguage } from '../../parse/elastic/query.js';

const trees = new WeakMap<ElasticRuleDocument, EsqlQuery | null>();

/**
 * The rule's ES|QL query tree (possibly partial when it has syntax errors,
 * which elastic-query-syntax reports), parsed once per document for the
 * ES|QL checks; undefined for other languages.
 */
export function esqlTree(doc: ElasticRuleDocument): EsqlQuery | undefined {
  const cached = trees.get(doc);
  if (cached !== undefined) return cached ?? undefined;
  const q = doc.rule.query;
  const tree = q && elasticLanguage(doc) === 'esql' ? parseEsql(q.embedded.text).ast : null;
  trees.set(doc, tree);
  return tree ?? undefined;
}
