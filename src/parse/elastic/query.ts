import type { Logic } from '../../model/logic.js';
import type { QueryLanguage } from '../../model/rule.js';
import type { QuerySyntaxError } from '../query-error.js';
import type { ElasticRuleDocument } from './document.js';
import { eqlOutline, eqlToLogic, parseEql } from './eql/index.js';
import { esqlSources, esqlToLogic, parseEsql } from './esql/index.js';
import { kqlToLogic, parseKql } from './kql/index.js';
import { elasticLanguage } from './language.js';
import { keepQueryTree } from './query-trees.js';

/** One event a query reads: an EQL event query or sequence step, or the whole query for KQL and ES|QL. */
export interface QueryStep {
  /** The lowering's group of the step's comparisons (`sequence[2]`); undefined for the whole query. */
  group: string | undefined;
  /** The EQL event category (`process`); undefined for `any` and for KQL/ES|QL. */
  category: string | undefined;
  /** A `![…]` step or an `until` step: it reads events the rule does not alert on. */
  ignored: boolean;
}

/** What the model builder needs from a rule's query, read in one parse. */
export interface ElasticQuery {
  language: QueryLanguage;
  /** The detection logic; undefined without a query, for Lucene, or when the query does not parse. */
  logic: Logic | undefined;
  errors: QuerySyntaxError[];
  steps: QueryStep[];
  /** ES|QL `FROM` sources: the index patterns the query reads. */
  sources: string[];
}

const WHOLE: QueryStep = { group: undefined, category: undefined, ignored: false };

/** Parses the rule's query once with the parser of its language and lowers it. */
export function readElasticQuery(doc: ElasticRuleDocument): ElasticQuery {
  const language = elasticLanguage(doc);
  const text = doc.rule.query?.embedded.text;
  const none: ElasticQuery = { language, logic: undefined, errors: [], steps: [], sources: [] };
  if (text === undefined) return none;
  switch (language) {
    case 'kuery': {
      const r = parseKql(text);
      const ok = r.ast !== null && r.errors.length === 0;
      return { ...none, logic: ok && r.ast ? kqlToLogic(r.ast) : undefined, errors: r.errors, steps: [WHOLE] };
    }
    case 'eql': {
      const r = parseEql(text);
      keepQueryTree(doc, { language: 'eql', ast: r.ast });
      // A partial tree still names the categories its steps read; its logic is not trusted.
      const steps: QueryStep[] = r.ast
        ? eqlOutline(r.ast).steps.map((s) => ({
            group: s.group,
            category: s.category.name === 'any' ? undefined : s.category.name.toLowerCase(),
            ignored: s.missing || s.until,
          }))
        : [];
      const ok = r.ast !== null && r.errors.length === 0;
      return { ...none, logic: ok && r.ast ? eqlToLogic(r.ast) : undefined, errors: r.errors, steps };
    }
    case 'esql': {
      const r = parseEsql(text);
      keepQueryTree(doc, { language: 'esql', ast: r.ast });
      const ok = r.ast !== null && r.errors.length === 0;
      const sources = r.ast ? esqlSources(r.ast).map((s) => s.name) : [];
      return { ...none, logic: ok && r.ast ? esqlToLogic(r.ast) : undefined, errors: r.errors, steps: [WHOLE], sources };
    }
    default:
      // Lucene and unknown languages: the rule is modelled from its metadata alone.
      return none;
  }
}
