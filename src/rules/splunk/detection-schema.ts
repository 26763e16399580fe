import type { ErrorObject } from 'ajv';
import { pointerToPath, showPath as sharedShowPath, TYPE_NAMES } from '../../engine/schema-errors.js';
import { schemaValidator } from '../../engine/schema-validator.js';
import type { Location } from '../../model/location.js';
import type { SplunkDetectionDocument, YamlPath } from '../../parse/splunk/document.js';
import { valueAt } from './splunk-doc.js';

export const SPLUNK_DETECTION_SCHEMA = 'splunk-detection.schema.json';

export interface SchemaProblem {
  message: string;
  loc: Location;
  keyword: string;
  path: YamlPath;
}

/**
 * Values that dedicated checks read and report with a sharper message
 * (`*` stands for any list index). When the value there is a scalar, the
 * schema's errors about it are theirs; a map or list where a scalar belongs
 * is still the schema's to report.
 */
const OWNED_SCALARS: readonly (readonly string[])[] = [
  ['type'], ['status'], ['id'], ['date'], ['version'], ['how_to_implement'], ['known_false_positives'],
  ['tags', 'asset_type'], ['tags', 'security_domain'], ['tags', 'product', '*'], ['tags', 'mitre_attack_id', '*'],
  ['tags', 'confidence'], ['tags', 'impact'], ['tags', 'risk_score'], ['rba', 'risk_objects', '*', 'score'],
  ['tags', 'observable', '*', 'type'], ['tags', 'observable', '*', 'role', '*'], ['tags', 'observable', '*', 'name'],
  ['drilldown_searches', '*', 'name'], ['enabled_by_default'],
];

/** Lists whose emptiness a dedicated check reports. */
const OWNED_LISTS: readonly (readonly string[])[] = [['tags', 'product'], ['tags', 'observable', '*', 'role']];

function matches(path: YamlPath, pattern: readonly string[]): boolean {
  if (path.length !== pattern.length) return false;
  return pattern.every((p, i) => p === '*' ? typeof path[i] === 'number' : p === path[i]);
}

function isScalar(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

const cache = new WeakMap<SplunkDetectionDocument, SchemaProblem[]>();

/**
 * Validates a detection against rules-schema/splunk-detection.schema.json
 * (once per document) and places each error at the YAML node it concerns,
 * leaving out the errors dedicated checks report.
 */
export function splunkSchemaProblems(doc: SplunkDetectionDocument): SchemaProblem[] {
  let out = cache.get(doc);
  if (out) return out;
  out = validate(doc);
  cache.set(doc, out);
  return out;
}

function validate(doc: SplunkDetectionDocument): SchemaProblem[] {
  const check = schemaValidator(SPLUNK_DETECTION_SCHEMA);
  const data = doc.data;
  if (check(data)) return [];
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const e of check.errors ?? []) {
    if (e.keyword === 'if') continue;
    // The Splunk parser reports a missing search (splunk-search-syntax), with everything else about the search.
    if (e.keyword === 'required' && e.instancePath === '' && (e.params as { missingProperty?: string }).missingProperty === 'search') continue;
    const path = pointerToPath(e.instancePath, data);
    const value = valueAt(data, path);
    // A key of the wrong format (`not`) is the schema's to report whatever its value.
    if (e.keyword !== 'not' && isScalar(value) && OWNED_SCALARS.some((p) => matches(path, p))) continue;
    // splunk-name-length reports a long name; an empty one is the schema's.
    if (e.keyword === 'maxLength' && matches(path, ['name'])) continue;
    if (e.keyword === 'minItems' && OWNED_LISTS.some((p) => matches(path, p))) continue;
    const problem = describe(e, path, value, doc);
    const key = `${problem.loc.line}:${problem.loc.column}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem);
  }
  return out;
}


/** `tags.observable[0].role`, or `the detection` for the root. */
export function showPath(path: YamlPath): string {
  return sharedShowPath(path) || 'the detection';
}


/** Wording for pattern errors, by the last named step of the path. */
const EXPECTED: Readonly<Record<string, string>> = {
  references: 'an http(s) URL',
  research_site_url: 'an http(s) URL',
  cve: 'a CVE id (CVE-YYYY-NNNN)',
  atomic_guid: 'an Atomic Red Team test GUID',
};

function describe(e: ErrorObject, path: YamlPath, value: unknown, doc: SplunkDetectionDocument): SchemaProblem {
  const params = e.params as Record<string, unknown>;
  const where = showPath(path);
  let message: string;
  let loc: Location | undefined;
  switch (e.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      message = path.length === 0 ? `missing required key '${missing}'` : `${where}: missing required key '${missing}'`;
      loc = path.length === 0 ? doc.source.location({ start: 0, end: 0 }) : doc.locateKey(path);
      break;
    }
    case 'not': {
      message = `${where} belongs to the format before contentctl 5: with an rba: block, risk data lives there and contentctl rejects this key`;
      loc = doc.locateKey(path);
      break;
    }
    case 'type':
      message = `${where} must be ${String(params.type).split(',').map((t) => TYPE_NAMES[t] ?? t).join(' or ')}`;
      break;
    case 'enum':
      message = `${where} must be one of ${((params.allowedValues as unknown[]) ?? []).map(String).join(', ')}`;
      break;
    case 'pattern': {
      const named = [...path].reverse().find((s): s is string => typeof s === 'string') ?? '';
      message = `${where} must be ${EXPECTED[named] ?? `text matching ${String(params.pattern)}`}`;
      break;
    }
    case 'minLength':
      message = Number(params.limit) <= 1 ? `${where} must not be empty` : `${where} must have at least ${String(params.limit)} characters`;
      break;
    case 'maxLength':
      message = `${where} must have at most ${String(params.limit)} characters`;
      break;
    case 'minItems':
      message = Number(params.limit) <= 1 ? `${where} must not be an empty list` : `${where} must have at least ${String(params.limit)} entries`;
      break;
    case 'minimum':
    case 'maximum':
      message = `${where} must be ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}`;
      break;
    default:
      message = `${where} ${e.message ?? 'is invalid'}`;
  }
  return { message, loc: loc ?? locateNode(doc, path, value), keyword: e.keyword, path };
}

/** A scalar is shown at its value; a map or list (often many lines) at its key. */
function locateNode(doc: SplunkDetectionDocument, path: YamlPath, value: unknown): Location {
  const start = doc.source.location({ start: 0, end: 0 });
  if (path.length === 0) return start;
  const isCollection = value !== null && typeof value === 'object';
  return (isCollection ? doc.locateKey(path) : doc.locate(path)) ?? doc.locateKey(path) ?? start;
}
