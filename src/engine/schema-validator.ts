import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { lazyRequire } from './lazy.js';
import type { YNode } from '../parse/yaml/nodes.js';
import { compileQuickTest, type QuickTest } from './schema-quick.js';
import { PACKAGE_ROOT } from './paths.js';

export type { QuickTest } from './schema-quick.js';

const loadAjv = lazyRequire<typeof import('ajv')>('ajv');
let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

/** One shared ajv instance: compiling is the costly part, so schemas are compiled once per process. */
export function getAjv(): Ajv {
  ajv ??= new (loadAjv().Ajv)({ allErrors: true, strict: false, allowUnionTypes: true });
  return ajv;
}

const requireHere = createRequire(import.meta.url);

/**
 * The validator of a schema in rules-schema/, by file name: the standalone
 * code `npm run build` precompiled into dist/schemas/ (no ajv compile at run
 * time), else compiled now (a schema added since the last build).
 */
export function schemaValidator(name: string): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    v = precompiled(name) ?? getAjv().compile(schemaDocument(name));
    compiled.set(name, v);
  }
  return v;
}

const schemaDocuments = new Map<string, object>();

/**
 * A schema of rules-schema/ as parsed JSON, read once per process. The quick
 * tests need only this: the validator's code is loaded when one fails.
 */
function schemaDocument(name: string): object {
  let schema = schemaDocuments.get(name);
  if (!schema) {
    schema = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'rules-schema', name), 'utf8')) as object;
    schemaDocuments.set(name, schema);
  }
  return schema;
}

function precompiled(name: string): ValidateFunction | undefined {
  const file = path.join(PACKAGE_ROOT, 'dist', 'schemas', name.replace(/\.json$/, '.cjs'));
  const source = path.join(PACKAGE_ROOT, 'rules-schema', name);
  try {
    // A schema edited after the build must not be checked by its old code.
    if (statSync(file).mtimeMs < statSync(source).mtimeMs) return undefined;
    const validate = requireHere(file) as ValidateFunction;
    // Standalone code does not carry its schema; callers that read it (annotations such as x-expected) need it.
    validate.schema ??= schemaDocument(name);
    return validate;
  } catch {
    return undefined;
  }
}

/** Compiles an inline schema (a check's options), cached by its JSON text. */
export function inlineValidator(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let v = compiled.get(key);
  if (!v) {
    v = getAjv().compile(schema);
    compiled.set(key, v);
  }
  return v;
}

/** ajv errors as short lines: `/rules/foo: must be equal to one of the allowed values`. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  if (!errors) return [];
  const lines = new Set<string>();
  for (const e of errors) {
    const where = e.instancePath || '(root)';
    let msg = e.message ?? 'is invalid';
    if (e.keyword === 'additionalProperties') msg = `has unknown property "${String((e.params as { additionalProperty?: string }).additionalProperty)}"`;
    if (e.keyword === 'enum') msg = `must be one of ${((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    lines.add(`${where}: ${msg}`);
  }
  return [...lines];
}

const quickTests = new Map<string, QuickTest>();
const quickNodeTests = new Map<string, QuickTest>();

/** The quick test of plain data against a schema in rules-schema/, by file name (see QuickTest). */
export function quickValidator(name: string): QuickTest {
  let t = quickTests.get(name);
  if (!t) {
    t = compileQuickTest(schemaDocument(name), 'plain');
    quickTests.set(name, t);
  }
  return t;
}

/** The quick test of a YAML node (the plain value it stands for) against a schema in rules-schema/. */
export function quickNodeValidator(name: string): (node: YNode) => boolean {
  let t = quickNodeTests.get(name);
  if (!t) {
    t = compileQuickTest(schemaDocument(name), 'yaml');
    quickNodeTests.set(name, t);
  }
  return t;
}
