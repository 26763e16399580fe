import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { lazyRequire } from './lazy.js';
import { schemaNode } from './schema-errors.js';
import { PACKAGE_ROOT } from './paths.js';

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
    v = precompiled(name) ?? getAjv().compile(JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'rules-schema', name), 'utf8')) as object);
    compiled.set(name, v);
  }
  return v;
}

function precompiled(name: string): ValidateFunction | undefined {
  const file = path.join(PACKAGE_ROOT, 'dist', 'schemas', name.replace(/\.json$/, '.cjs'));
  const source = path.join(PACKAGE_ROOT, 'rules-schema', name);
  try {
    // A schema edited after the build must not be checked by its old code.
    if (statSync(file).mtimeMs < statSync(source).mtimeMs) return undefined;
    const validate = requireHere(file) as ValidateFunction;
    // Standalone code does not carry its schema; callers that read it (annotations such as x-expected) need it.
    validate.schema ??= JSON.parse(readFileSync(source, 'utf8')) as object;
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

/**
 * A test of plain data against a schema that is true only when the schema's
 * ajv validator would accept the data too (false means "invalid, or not
 * sure"). Nearly every document is valid, and ajv's `allErrors` code builds
 * error objects and instance paths for every failed `anyOf` branch and every
 * map key on the way even then; this test allocates nothing, so callers run
 * it first and ask ajv (for the errors) only when it is false.
 */
export type QuickTest = (data: unknown) => boolean;

const quickTests = new Map<string, QuickTest>();

/** The quick test of a schema in rules-schema/, by file name (see QuickTest). */
export function quickValidator(name: string): QuickTest {
  let t = quickTests.get(name);
  if (!t) {
    t = compileQuick(schemaValidator(name).schema as object);
    quickTests.set(name, t);
  }
  return t;
}

/**
 * A compiled schema node. `exact` says the test is ajv's answer both ways
 * (not only "true implies valid"), as `if`, `not` and `oneOf` need of their
 * subschemas to be answered safely.
 */
interface QuickNode {
  test: QuickTest;
  exact: boolean;
}

const NEVER: QuickNode = { test: () => false, exact: false };
const ALWAYS: QuickNode = { test: () => true, exact: true };

/** Keywords that validate nothing (annotations, and containers of subschemas read through `$ref`). */
const ANNOTATIONS: ReadonlySet<string> = new Set([
  '$schema', '$id', '$comment', 'title', 'description', 'default', 'examples', 'definitions', '$defs', 'readOnly', 'writeOnly', 'deprecated',
]);

const isMapValue = (d: unknown): d is Record<string, unknown> => d !== null && typeof d === 'object' && !Array.isArray(d);

/** JSON Schema types as ajv tests them (`integer` stricter: ajv also lets ±Infinity through). */
const TYPE_TESTS: Readonly<Record<string, QuickTest>> = {
  object: isMapValue,
  array: (d) => Array.isArray(d),
  string: (d) => typeof d === 'string',
  number: (d) => typeof d === 'number',
  integer: (d) => Number.isInteger(d),
  boolean: (d) => typeof d === 'boolean',
  null: (d) => d === null,
};

/** Length in code points, as ajv counts for minLength and maxLength (a surrogate pair is one). */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return n;
}

const isPrimitive = (v: unknown): boolean => v === null || (typeof v !== 'object' && typeof v !== 'function');

/**
 * Compiles a schema into a quick test. Keywords it does not know make the
 * node fail (ajv then decides), so the test stays on the safe side whatever
 * the schema holds.
 */
function compileQuick(root: object): QuickTest {
  const refs = new Map<string, QuickNode>();

  const ref = (pointer: string): QuickNode => {
    let node = refs.get(pointer);
    if (!node) {
      // Placeholder first: a recursive reference reaches itself while it is compiled.
      const slot: QuickNode = { test: () => false, exact: false };
      refs.set(pointer, slot);
      const target = pointer.startsWith('#') ? schemaNode(root, pointer) : undefined;
      const compiled = target ? compile(target) : NEVER;
      slot.test = compiled.test;
      slot.exact = compiled.exact;
      node = slot;
    }
    // Called through the slot, so that a reference compiled later (recursion) is seen.
    const slot = node;
    return { test: (d) => slot.test(d), exact: slot.exact };
  };

  const compile = (schema: unknown): QuickNode => {
    if (schema === true) return ALWAYS;
    if (schema === false) return { test: () => false, exact: true };
    if (!isMapValue(schema)) return NEVER;
    const parts: QuickNode[] = [];
    for (const [keyword, arg] of Object.entries(schema)) {
      if (ANNOTATIONS.has(keyword) || keyword.startsWith('x-') || keyword === 'then' || keyword === 'else') continue;
      parts.push(compileKeyword(keyword, arg, schema));
    }
    const tests = parts.map((p) => p.test);
    // ajv may read `$ref` alone and ignore its siblings: then this test is stricter than ajv, not equal.
    const exact = parts.every((p) => p.exact) && (schema.$ref === undefined || parts.length === 1);
    if (tests.length === 0) return ALWAYS;
    if (tests.length === 1) return { test: tests[0] as QuickTest, exact };
    return {
      test: (d) => {
        for (const t of tests) if (!t(d)) return false;
        return true;
      },
      exact,
    };
  };

  const compileKeyword = (keyword: string, arg: unknown, schema: Record<string, unknown>): QuickNode => {
    switch (keyword) {
      case '$ref':
        return typeof arg === 'string' ? ref(arg) : NEVER;
      case 'type': {
        const names = Array.isArray(arg) ? arg : [arg];
        const tests = names.map((n) => TYPE_TESTS[String(n)]);
        if (tests.some((t) => !t)) return NEVER;
        const known = tests as QuickTest[];
        return { test: (d) => known.some((t) => t(d)), exact: !names.includes('integer') };
      }
      case 'required': {
        if (!Array.isArray(arg)) return NEVER;
        const names = arg.map(String);
        // ajv reads `data.name === undefined`, inherited properties included; so does this.
        return { test: (d) => !isMapValue(d) || names.every((n) => d[n] !== undefined), exact: true };
      }
      case 'properties':
      case 'additionalProperties':
        // One pass for both, from whichever comes first; the other adds nothing.
        return keyword === 'properties' || schema.properties === undefined ? members(schema) : ALWAYS;
      case 'minProperties':
      case 'maxProperties': {
        if (typeof arg !== 'number') return NEVER;
        const min = keyword === 'minProperties';
        return { test: (d) => !isMapValue(d) || (min ? Object.keys(d).length >= arg : Object.keys(d).length <= arg), exact: true };
      }
      case 'enum': {
        if (!Array.isArray(arg) || !arg.every(isPrimitive)) return NEVER;
        const values = new Set(arg);
        return { test: (d) => values.has(d), exact: true };
      }
      case 'const':
        return isPrimitive(arg) ? { test: (d) => d === arg, exact: true } : NEVER;
      case 'pattern': {
        if (typeof arg !== 'string') return NEVER;
        // ajv's default flags (unicodeRegExp).
        const re = new RegExp(arg, 'u');
        return { test: (d) => typeof d !== 'string' || re.test(d), exact: true };
      }
      case 'minLength':
        // A string has at least as many UTF-16 units as code points, and at most twice as many.
        return typeof arg === 'number' ? { test: (d) => typeof d !== 'string' || d.length >= 2 * arg || codePoints(d) >= arg, exact: true } : NEVER;
      case 'maxLength':
        return typeof arg === 'number' ? { test: (d) => typeof d !== 'string' || d.length <= arg || codePoints(d) <= arg, exact: true } : NEVER;
      case 'minItems':
        return typeof arg === 'number' ? { test: (d) => !Array.isArray(d) || d.length >= arg, exact: true } : NEVER;
      case 'maxItems':
        return typeof arg === 'number' ? { test: (d) => !Array.isArray(d) || d.length <= arg, exact: true } : NEVER;
      case 'uniqueItems':
        if (arg !== true) return arg === false ? ALWAYS : NEVER;
        // Lists of maps or lists are left to ajv's deep comparison.
        return { test: (d) => !Array.isArray(d) || (d.every(isPrimitive) && new Set(d).size === d.length), exact: false };
      case 'items': {
        if (Array.isArray(arg)) return NEVER;
        const sub = compile(arg);
        return {
          test: (d) => {
            if (!Array.isArray(d)) return true;
            for (const x of d) if (!sub.test(x)) return false;
            return true;
          },
          exact: sub.exact,
        };
      }
      case 'allOf':
      case 'anyOf':
      case 'oneOf': {
        if (!Array.isArray(arg)) return NEVER;
        const subs = arg.map(compile);
        const tests = subs.map((s) => s.test);
        const exact = subs.every((s) => s.exact);
        if (keyword === 'allOf') return { test: (d) => tests.every((t) => t(d)), exact };
        if (keyword === 'anyOf') return { test: (d) => tests.some((t) => t(d)), exact };
        // Exactly one branch: only answerable when every branch's answer is ajv's.
        return exact ? { test: (d) => tests.filter((t) => t(d)).length === 1, exact } : NEVER;
      }
      case 'not': {
        const sub = compile(arg);
        return sub.exact ? { test: (d) => !sub.test(d), exact: true } : NEVER;
      }
      case 'if': {
        // Which branch applies must be ajv's answer, not a cautious one.
        const cond = compile(arg);
        if (!cond.exact) return NEVER;
        const then = schema.then === undefined ? ALWAYS : compile(schema.then);
        const otherwise = schema.else === undefined ? ALWAYS : compile(schema.else);
        return { test: (d) => (cond.test(d) ? then.test(d) : otherwise.test(d)), exact: then.exact && otherwise.exact };
      }
      default:
        return NEVER;
    }
  };

  /**
   * `properties` and `additionalProperties` in one pass over the map's own
   * keys: looking each declared name up in objects of a thousand shapes is
   * what made this slow, a Map lookup per key present is not.
   */
  const members = (schema: Record<string, unknown>): QuickNode => {
    const declared = schema.properties === undefined ? {} : schema.properties;
    if (!isMapValue(declared) || schema.patternProperties !== undefined) return NEVER;
    // ajv reads declared names with `data.name`, which reaches inherited members (`constructor`): only own keys are walked here.
    if (Object.keys(declared).some((name) => name in Object.prototype)) return NEVER;
    const subs = new Map(Object.entries(declared).map(([name, sub]) => [name, compile(sub)] as const));
    const rest = schema.additionalProperties === undefined ? undefined : compile(schema.additionalProperties);
    return {
      test: (d) => {
        if (!isMapValue(d)) return true;
        for (const key in d) {
          const sub = subs.get(key) ?? rest;
          if (sub && !sub.test(d[key])) return false;
        }
        return true;
      },
      exact: [...subs.values()].every((sub) => sub.exact) && (rest === undefined || rest.exact),
    };
  };

  return compile(root).test;
}
