import type { ErrorObject } from 'ajv';
import { expectedWording, showPath } from '../../engine/schema-errors.js';
import { schemaValidator } from '../../engine/schema-validator.js';
import type { Location } from '../../model/location.js';
import type { ElasticRuleDocument, TomlPath } from '../../parse/elastic/document.js';
import { FILE_START, isTable, keyPlaceOf, valueAt } from './elastic-doc.js';

/** The schema of each rule type detection-rules knows (files of rules-schema/). */
export const ELASTIC_SCHEMAS: Readonly<Record<string, string>> = {
  query: 'elastic-query.schema.json',
  eql: 'elastic-eql.schema.json',
  esql: 'elastic-esql.schema.json',
  threshold: 'elastic-threshold.schema.json',
  threat_match: 'elastic-threat-match.schema.json',
  new_terms: 'elastic-new-terms.schema.json',
  machine_learning: 'elastic-machine-learning.schema.json',
};

export interface SchemaProblem {
  message: string;
  loc: Location;
}

/**
 * Validates a rule file against the schema of its type and places each
 * error at the TOML key or value it concerns. A missing, unknown or
 * non-string `type` is reported on its own (no schema applies then).
 */
export function validateElasticDocument(doc: ElasticRuleDocument): SchemaProblem[] {
  const rule = doc.data.rule;
  if (!isTable(rule)) {
    return [{ message: isTableMissing(doc, 'rule') ? "missing required table '[rule]'" : 'rule must be a table', loc: doc.locateKey(['rule']) ?? FILE_START }];
  }
  const type = rule.type;
  if (type === undefined) return [{ message: "rule: missing required key 'type'", loc: keyPlaceOf(doc, ['rule']) }];
  if (typeof type !== 'string' || !(type in ELASTIC_SCHEMAS)) {
    return [{
      message: `rule.type must be one of ${Object.keys(ELASTIC_SCHEMAS).join(', ')}, not ${JSON.stringify(type)}`,
      loc: doc.locate(['rule', 'type']) ?? keyPlaceOf(doc, ['rule', 'type']),
    }];
  }
  const validate = schemaValidator(ELASTIC_SCHEMAS[type] as string);
  if (validate(doc.data)) return [];
  const errors = validate.errors ?? [];
  const schema = validate.schema as object;
  const alternatives = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.schemaPath + '/');
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (alternatives.some((prefix) => e.schemaPath.startsWith(prefix))) continue;
    const path = toPath(e.instancePath, doc);
    if (ownedElsewhere(e, path)) continue;
    const problem = describe(e, path, doc, schema);
    const key = `${problem.loc.line}:${problem.loc.column}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem);
  }
  return out;
}

function isTableMissing(doc: ElasticRuleDocument, key: string): boolean {
  return doc.data[key] === undefined;
}

/** A JSON pointer as a document path: numbers where the data holds a list. */
function toPath(pointer: string, doc: ElasticRuleDocument): (string | number)[] {
  if (pointer === '') return [];
  const out: (string | number)[] = [];
  for (const raw of pointer.slice(1).split('/')) {
    const step = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const parent = valueAt(doc, out);
    out.push(Array.isArray(parent) ? Number(step) : step);
  }
  return out;
}

/**
 * Values that a dedicated check reads and reports with a better message:
 * the schema keeps them (so editors can use it) but leaves the message to
 * that check. Keyed by the path with list indexes as `*`.
 */
const OWNED: Readonly<Record<string, readonly string[]>> = {
  'metadata.creation_date': ['pattern'],
  'metadata.updated_date': ['pattern'],
  'metadata.deprecation_date': ['pattern'],
  'metadata.maturity': ['enum'],
  'rule.severity': ['enum'],
  'rule.rule_id': ['pattern'],
  'rule.name': ['pattern'],
  'rule.from': ['pattern'],
  'rule.interval': ['pattern'],
  'rule.threat.*.framework': ['enum'],
  'rule.threat.*.tactic.reference': ['pattern'],
  'rule.threat.*.technique.*.reference': ['pattern'],
  'rule.threat.*.technique.*.subtechnique.*.reference': ['pattern'],
  'rule.threshold.field': ['maxItems'],
};

function ownedElsewhere(e: ErrorObject, path: TomlPath): boolean {
  const key = path.map((p) => (typeof p === 'number' ? '*' : p)).join('.');
  return OWNED[key]?.includes(e.keyword) ?? false;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  object: 'a table',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
};

/** Why a key is unknown, where the reason is worth saying. */
const UNKNOWN_KEY_HINTS: Readonly<Record<string, string>> = {
  'rule.version': 'detection-rules keeps versions in its version lock, not in the rule',
  'rule.revision': 'detection-rules keeps revisions in its version lock, not in the rule',
  'rule.index@esql': 'an ES|QL rule reads the sources of its FROM command',
  'rule.data_view_id@esql': 'an ES|QL rule reads the sources of its FROM command',
};




function describe(e: ErrorObject, path: TomlPath, doc: ElasticRuleDocument, schema: object): SchemaProblem {
  const params = e.params as Record<string, unknown>;
  const where = path.length === 0 ? 'the file' : showPath(path);
  const x = expectedWording(schema, e);
  let message: string;
  let loc: Location | undefined;
  switch (e.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      message = path.length === 0 ? `missing required table '[${missing}]'` : `${where}: missing required key '${missing}'`;
      loc = path.length === 0 ? FILE_START : keyPlaceOf(doc, path);
      break;
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const name = [...path, extra].join('.');
      const hint = UNKNOWN_KEY_HINTS[`${name}@${String(valueAt(doc, ['rule', 'type']))}`] ?? UNKNOWN_KEY_HINTS[name];
      message = `${where === 'the file' ? 'the file' : where}: unknown key '${extra}'${hint ? ` (${hint})` : ''}`;
      loc = keyPlaceOf(doc, [...path, extra]);
      break;
    }
    case 'dependencies':
      message = `${where}: '${String(params.property)}' needs '${String(params.missingProperty)}' beside it`;
      loc = keyPlaceOf(doc, [...path, String(params.property)]);
      break;
    case 'type':
      message = `${where} must be ${x ?? String(params.type).split(',').map((t) => TYPE_NAMES[t] ?? t).join(' or ')}`;
      break;
    case 'enum':
      message = `${where} must be one of ${((params.allowedValues as unknown[]) ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    case 'const':
      message = `${where} must be ${x ?? JSON.stringify(params.allowedValue)}`;
      break;
    case 'pattern':
      message = `${where} must be ${x ?? `text matching ${String(params.pattern)}`}`;
      break;
    case 'anyOf':
      message = `${where} must be ${x ?? 'of another form'}`;
      break;
    case 'minLength':
      message = `${where} must not be empty`;
      break;
    case 'minItems':
      message = Number(params.limit) <= 1 ? `${where} must not be an empty list` : `${where} must have at least ${String(params.limit)} entries`;
      break;
    case 'maxItems':
      message = `${where} must have at most ${String(params.limit)} entries`;
      break;
    case 'minimum':
    case 'maximum':
      message = `${where} must be ${String(params.comparison)} ${String(params.limit)}`;
      break;
    default:
      message = `${where} ${e.message ?? 'is invalid'}`;
  }
  return { message, loc: loc ?? locateNode(doc, path) };
}

/** A scalar is shown at its value; a table or list (often many lines) at its key. */
function locateNode(doc: ElasticRuleDocument, path: TomlPath): Location {
  if (path.length === 0) return FILE_START;
  const v = valueAt(doc, path);
  const isCollection = v !== null && typeof v === 'object';
  return (isCollection ? doc.locateKey(path) : doc.locate(path)) ?? keyPlaceOf(doc, path);
}
