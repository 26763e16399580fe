import type { QueryLanguage } from '../../model/rule.js';
import type { ElasticRuleDocument } from './document.js';

// Apart from query.ts so that checks can ask a rule's language without loading the query parsers.

/** Rule types whose query defaults to KQL when `language` is left out, as Kibana does. */
const KUERY_TYPES = new Set(['query', 'threshold', 'threat_match', 'new_terms', 'saved_query']);

/** The rule's query language: `rule.language`, else what its type implies; `none` without a query. */
export function elasticLanguage(doc: ElasticRuleDocument): QueryLanguage {
  if (!doc.rule.query) return 'none';
  const written = doc.rule.language?.value;
  if (written === 'kuery' || written === 'eql' || written === 'esql' || written === 'lucene') return written;
  const type = doc.rule.type?.value;
  if (type === 'eql' || type === 'esql') return type;
  if (written === undefined && type !== undefined && KUERY_TYPES.has(type)) return 'kuery';
  return 'none';
}
