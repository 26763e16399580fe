import type { ErrorObject } from 'ajv';
import { expectedWording, pointerToPath, showPath as sharedShowPath, TYPE_NAMES } from '../../engine/schema-errors.js';
import { quickNodeValidator, quickValidator, schemaValidator } from '../../engine/schema-validator.js';
import type { Location } from '../../model/location.js';
import type { SigmaDocument, SigmaPath } from '../../parse/sigma/document-types.js';
import { startOf } from './pysigma-doc.js';

/** The schema each kind of Sigma document is validated against (files of rules-schema/). */
export const SIGMA_SCHEMAS: Readonly<Record<SigmaDocument['kind'], string>> = {
  rule: 'sigma-rule.schema.json',
  correlation: 'sigma-correlation.schema.json',
  filter: 'sigma-filter.schema.json',
};

export interface SchemaProblem {
  message: string;
  loc: Location;
  /** The ajv keyword that failed (`required`, `type`, `enum` …). */
  keyword: string;
  /** The node concerned, as a path into the document. */
  path: SigmaPath;
}

/**
 * Validates one Sigma document against the schema of its kind and places
 * each error at the YAML node it concerns. Errors that a dedicated check or
 * the parser reports at the same node are left out (see `ownedElsewhere`).
 */
export function validateSigmaDocument(doc: SigmaDocument): SchemaProblem[] {
  const name = SIGMA_SCHEMAS[doc.kind];
  // Nearly every document is valid: the allocation-free test says so without ajv's error bookkeeping,
  // on the YAML nodes when the document has them (no plain copy built).
  if (doc.node ? quickNodeValidator(name)(doc.node) : quickValidator(name)(doc.data)) return [];
  const data = doc.data;
  const validate = schemaValidator(name);
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  const schema = validate.schema as object;
  // Errors under a failed anyOf/oneOf are its branches' complaints: the anyOf error says it once.
  const alternatives = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath + '/');
  // A map that lacks a required key also looks too small; the missing key is the message worth reading.
  const lacking = new Set(errors.filter((e) => e.keyword === 'required').map((e) => e.instancePath));
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (e.keyword === 'minProperties' && lacking.has(e.instancePath)) continue;
    if (alternatives.some((prefix) => e.schemaPath.startsWith(prefix))) continue;
    const path = pointerToPath(e.instancePath, data);
    if (ownedElsewhere(e, path, data)) continue;
    const problem = describe(e, path, doc, schema);
    const key = `${problem.loc.line}:${problem.loc.column}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem);
  }
  return out;
}


function valueAt(data: unknown, path: SigmaPath): unknown {
  let node = data;
  for (const step of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node;
}

/** Top-level keys whose values dedicated checks read as text: they report bad values of these. */
const CHECKED_SCALARS: Readonly<Record<string, string>> = {
  title: 'sigma-title-length',
  id: 'sigma-id-invalid',
  status: 'sigma-status-invalid',
  level: 'sigma-level-invalid',
  date: 'sigma-date-invalid',
  modified: 'sigma-date-invalid',
};

/**
 * Whether another check already reports this error at the same node:
 * dedicated metadata checks, the tag and reference checks, and the parser
 * (condition syntax, detection item structure).
 */
function ownedElsewhere(e: ErrorObject, path: SigmaPath, data: unknown): boolean {
  const [top, second] = path;
  if (typeof top !== 'string') return false;
  if (path.length === 1 && top in CHECKED_SCALARS) {
    const v = valueAt(data, path);
    // A missing title is still the schema's to report; any scalar value is read (as text) by the dedicated check.
    return v !== null && typeof v !== 'object' && (top !== 'title' || e.keyword !== 'minLength');
  }
  if (top === 'related' && path.length === 3 && path[2] === 'id') {
    const v = valueAt(data, path);
    if (v !== null && typeof v !== 'object') return true;
  }
  if (top === 'tags') return (path.length === 1 && e.keyword === 'uniqueItems') || (path.length === 2 && e.keyword === 'pattern');
  if (top === 'references' && path.length === 1 && e.keyword === 'uniqueItems') return true;
  if ((top === 'detection' || top === 'filter') && typeof second === 'string') {
    if (second === 'condition') return true;
    if (top === 'filter' && second === 'rules') return false;
    if (path.length >= 3) return true;
    if (path.length === 2 && valueAt(data, path) === null) return true;
  }
  return false;
}




/** `detection.selection.Image|endswith[1]`, or `the document` for the root. */
export function showPath(path: SigmaPath): string {
  return sharedShowPath(path);
}

function describe(e: ErrorObject, path: SigmaPath, doc: SigmaDocument, schema: object): SchemaProblem {
  const params = e.params as Record<string, unknown>;
  const where = path.length === 0 ? 'the document' : showPath(path);
  const x = expectedWording(schema, e);
  let message: string;
  let loc: Location | undefined;
  switch (e.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      message = path.length === 0 ? `missing required key '${missing}'` : `${where}: missing required key '${missing}'`;
      loc = path.length === 0 ? startOf(doc.loc) : doc.locateKey(path);
      break;
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      message = `${where}: unknown key '${extra}'`;
      loc = doc.locateKey([...path, extra]);
      break;
    }
    case 'uniqueItems': {
      const i = Number(params.i);
      const j = Number(params.j);
      message = `${where}: entries ${Math.min(i, j) + 1} and ${Math.max(i, j) + 1} are the same`;
      loc = doc.locate([...path, Math.max(i, j)]);
      break;
    }
    case 'type':
      message = `${where} must be ${x ?? String(params.type).split(',').map((t) => TYPE_NAMES[t] ?? t).join(' or ')}`;
      break;
    case 'enum':
      message = `${where} must be one of ${((params.allowedValues as unknown[]) ?? []).map(String).join(', ')}`;
      break;
    case 'pattern':
      message = `${where} must be ${x ?? `text matching ${String(params.pattern)}`}`;
      break;
    case 'anyOf':
    case 'oneOf':
      message = `${where} must be ${x ?? 'of another form'}`;
      break;
    case 'minLength':
      message = Number(params.limit) <= 1 ? `${where} must not be empty` : `${where} must have at least ${String(params.limit)} characters`;
      break;
    case 'maxLength':
      message = `${where} must have at most ${String(params.limit)} characters`;
      break;
    case 'minItems':
      message = Number(params.limit) <= 1 ? `${where} must not be an empty list` : `${where} must have at least ${String(params.limit)} entries`;
      break;
    case 'minProperties':
      message = x ? `${where} must have ${x}` : `${where} must not be empty`;
      break;
    default:
      message = `${where} ${e.message ?? 'is invalid'}`;
  }
  if (!loc) loc = locateNode(doc, path);
  return { message, loc, keyword: e.keyword, path };
}

/** A scalar is shown at its value; a map or list (often many lines) at its key. */
function locateNode(doc: SigmaDocument, path: SigmaPath): Location {
  if (path.length === 0) return startOf(doc.loc);
  const v = valueAt(doc.data, path);
  const isCollection = v !== null && typeof v === 'object';
  return (isCollection ? doc.locateKey(path) : doc.locate(path)) ?? doc.locateKey(path) ?? startOf(doc.loc);
}
