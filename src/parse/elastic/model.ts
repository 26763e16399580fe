import { canonicalField, isScopeField, type FieldContext } from '../../model/fields.js';
import type { Location, SourceText } from '../../model/location.js';
import { predicatesFromLogic } from '../../model/predicates.js';
import type { ParsedFile, ParseProblem, Predicate, RuleModel } from '../../model/rule.js';
import type { ParseSettings, VendorParser } from '../index.js';
import { parseElasticFile, type ElasticRuleDocument } from './document.js';
import { elasticKnownFields } from './known-fields.js';
import { readElasticQuery, type ElasticQuery } from './query.js';
import { elasticRuleEvents } from './selector.js';
import { elasticThreat } from './threat.js';

/** The check id query syntax errors are reported under (src/rules/elastic-query-syntax.ts). */
export const QUERY_SYNTAX_CHECK = 'elastic-query-syntax';

export const elasticParser: VendorParser = {
  vendor: 'elastic',
  parse(file: string, source: SourceText, settings: ParseSettings): ParsedFile {
    const { doc, problems } = parseElasticFile(source);
    if (!doc) return { file, vendor: 'elastic', source, rules: [], problems };
    const { model, problems: queryProblems } = elasticRuleModel(file, source, doc, settings);
    return { file, vendor: 'elastic', source, rules: [model], problems: [...problems, ...queryProblems] };
  },
};

/**
 * The common model of one Elastic rule: techniques and tactics from its
 * threat blocks, predicates from its query (parsed once), events from what
 * the query and the index patterns select, and ECS + non-ECS as its known
 * fields. A query that does not parse is reported, and the rule keeps its
 * techniques and the events its metadata names.
 */
export function elasticRuleModel(
  file: string,
  source: SourceText,
  doc: ElasticRuleDocument,
  settings: ParseSettings = {},
): { model: RuleModel<ElasticRuleDocument>; problems: ParseProblem[] } {
  const query = readElasticQuery(doc);
  const problems = syntaxProblems(doc, query);
  const raw = rawPredicates(doc, query);
  const indices = query.sources.length > 0 ? query.sources : (doc.rule.index?.map((i) => i.value) ?? []);
  const events = elasticRuleEvents(raw, query.steps, indices);
  const ctx: FieldContext = { eventKeys: events.map((e) => e.key) };
  const predicates = raw.map((p) => canonical(p, ctx));
  const { techniques, tactics } = elasticThreat(doc);
  const ruleLoc = doc.locateKey(['rule']) ?? whole(source);
  const ecsSchema = settings.elasticEcsSchema;
  const model: RuleModel<ElasticRuleDocument> = {
    vendor: 'elastic',
    file,
    source,
    documentIndex: 0,
    language: query.language,
    techniques,
    tactics,
    events,
    predicates,
    detectionLoc: doc.rule.query?.loc ?? doc.rule.type?.loc ?? ruleLoc,
    titleLoc: doc.rule.name?.loc ?? ruleLoc,
    doc,
    knownFields: lazily(() =>
      elasticKnownFields({ file, ecsSchema, indices, predicates }),
    ),
  };
  if (doc.rule.rule_id) model.id = doc.rule.rule_id.value;
  if (doc.rule.name) model.title = doc.rule.name.value;
  return { model, problems };
}

function whole(source: SourceText): Location {
  return source.location({ start: 0, end: 0 });
}

function syntaxProblems(doc: ElasticRuleDocument, query: ElasticQuery): ParseProblem[] {
  const q = doc.rule.query;
  if (!q || query.errors.length === 0) return [];
  const name = query.language === 'kuery' ? 'KQL' : query.language === 'eql' ? 'EQL' : 'ES|QL';
  return query.errors.map((e) => ({
    checkId: QUERY_SYNTAX_CHECK,
    message: `${name} syntax error: ${e.message}`,
    loc: q.embedded.locate(e.span),
    severity: 'error' as const,
  }));
}

/**
 * Predicates with the ECS field as written in `field` (canonical names need
 * the events, and the events need the predicates); roles from the logic,
 * spans mapped through the query string into the file.
 */
function rawPredicates(doc: ElasticRuleDocument, query: ElasticQuery): Predicate[] {
  const q = doc.rule.query;
  if (!q || !query.logic) return [];
  const embedded = q.embedded;
  const kql = query.language === 'kuery';
  return predicatesFromLogic(query.logic, (cmp, role, where) => {
    const p: Predicate = {
      field: cmp.field,
      fieldAsWritten: cmp.field,
      // KQL has no CIDR operator: a CIDR block as the value of an IP field is one.
      operator: kql && cmp.operator === 'match' && isCidr(cmp.value) ? 'cidr' : cmp.operator,
      value: cmp.value,
      role: role === 'indicator' && cmp.field !== '' && isScopeField(cmp.field) ? 'scope' : role,
      loc: embedded.locate(cmp.span),
    };
    if (cmp.fieldSpan) p.fieldLoc = embedded.locate(cmp.fieldSpan);
    if (cmp.caseSensitive !== undefined) p.caseSensitive = cmp.caseSensitive;
    if (cmp.modifiers) p.modifiers = cmp.modifiers;
    if (cmp.group) p.group = cmp.group;
    if (where.negated) p.negated = true;
    return p;
  });
}

const IPV4_CIDR = /^\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}$/;
const IPV6_CIDR = /^[0-9a-f]*:[0-9a-f:.]*\/\d{1,3}$/i;

function isCidr(value: Predicate['value']): boolean {
  return typeof value === 'string' && value.length <= 50 && (IPV4_CIDR.test(value) || IPV6_CIDR.test(value));
}

function canonical(p: Predicate, ctx: FieldContext): Predicate {
  if (p.fieldAsWritten === '') return p;
  const field = canonicalField('ecs', p.fieldAsWritten, ctx);
  if (field === p.field) return p;
  const role = p.role === 'indicator' && isScopeField(field) ? 'scope' : p.role === 'scope' && !isScopeField(field) ? 'indicator' : p.role;
  return { ...p, field, role };
}

function lazily<T>(make: () => T): () => T {
  let done = false;
  let value: T | undefined;
  return () => {
    if (!done) {
      value = make();
      done = true;
    }
    return value as T;
  };
}
