import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { lazyRequire } from './lazy.js';
import { keyText, type YMap, type YNode, type YPair, type YScalar, type YSeq } from '../parse/yaml/nodes.js';
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

/**
 * A test of data against a schema that is true only when the schema's ajv
 * validator would accept the data too (false means "invalid, or not sure").
 * Nearly every document is valid, and ajv's `allErrors` code builds error
 * objects and instance paths for every failed `anyOf` branch and every map
 * key on the way even then; this test allocates nothing, so callers run it
 * first and ask ajv (for the errors) only when it is false.
 */
export type QuickTest = (data: unknown) => boolean;

/**
 * How a quick test reads the data: plain values, or a YAML node tree read
 * as the plain values it stands for (see YAML_NODES), so that a document
 * need not be copied into plain objects to be found valid.
 */
interface DataView {
  /** The JSON Schema type of a value (`number` for integers too). */
  typeOf(d: unknown): string;
  isMap(d: unknown): boolean;
  isList(d: unknown): boolean;
  /** A scalar's value; NOT_SCALAR for a map or list. */
  scalar(d: unknown): unknown;
  /** A list's items. */
  items(d: unknown): readonly unknown[];
  /** Whether `fn` holds for every key and value of a map, as a plain object holds them (a repeated key once, with its last value). */
  every(d: unknown, fn: (key: string, value: unknown) => boolean): boolean;
  /** Whether a map has the key (ajv's `data.name !== undefined`, for names not in Object.prototype). */
  has(d: unknown, name: string): boolean;
  /** How many keys a map has. */
  size(d: unknown): number;
}

const NOT_SCALAR = Symbol('not a scalar');

const isMapValue = (d: unknown): d is Record<string, unknown> => d !== null && typeof d === 'object' && !Array.isArray(d);

const isPrimitive = (v: unknown): boolean => v === null || (typeof v !== 'object' && typeof v !== 'function');

const PLAIN: DataView = {
  typeOf: (d) => (d === null ? 'null' : Array.isArray(d) ? 'array' : typeof d),
  isMap: isMapValue,
  isList: (d) => Array.isArray(d),
  scalar: (d) => (isPrimitive(d) ? d : NOT_SCALAR),
  items: (d) => d as unknown[],
  every(d, fn) {
    const map = d as Record<string, unknown>;
    for (const key in map) if (!fn(key, map[key])) return false;
    return true;
  },
  has: (d, name) => (d as Record<string, unknown>)[name] !== undefined,
  size: (d) => Object.keys(d as object).length,
};

/** Whether the key of pair i comes again later in a map: the plain value keeps only the last. */
function repeatedLater(pairs: readonly YPair[], i: number): boolean {
  const key = (pairs[i] as YPair).key;
  for (let j = i + 1; j < pairs.length; j++) if (sameKey(key, (pairs[j] as YPair).key)) return true;
  return false;
}

/** Whether two keys are one property of the plain value (`1` and `'1'` are). */
function sameKey(a: YScalar, b: YScalar): boolean {
  if (a.value === b.value) return true;
  // Keys are nearly always strings; only another type can be spelt like a different value.
  return (typeof a.value !== 'string' || typeof b.value !== 'string') && keyText(a) === keyText(b);
}

/**
 * YAML nodes read as `toPlain` would turn them into plain values. Walking
 * the nodes spares building the plain copy, and their pair arrays spare the
 * per-shape key enumeration that objects of a thousand shapes cost.
 */
const YAML_NODES: DataView = {
  typeOf(d) {
    const node = d as YNode;
    if (node.kind === 'map') return 'object';
    if (node.kind === 'seq') return 'array';
    return node.value === null ? 'null' : typeof node.value;
  },
  isMap: (d) => (d as YNode).kind === 'map',
  isList: (d) => (d as YNode).kind === 'seq',
  scalar: (d) => ((d as YNode).kind === 'scalar' ? (d as YScalar).value : NOT_SCALAR),
  items: (d) => (d as YSeq).items,
  every(d, fn) {
    const pairs = (d as YMap).pairs;
    for (let i = 0; i < pairs.length; i++) {
      const pair = pairs[i] as YPair;
      if (!repeatedLater(pairs, i) && !fn(keyText(pair.key), pair.value)) return false;
    }
    return true;
  },
  has: (d, name) => (d as YMap).pairs.some((p) => keyText(p.key) === name),
  size(d) {
    const pairs = (d as YMap).pairs;
    let n = 0;
    for (let i = 0; i < pairs.length; i++) if (!repeatedLater(pairs, i)) n++;
    return n;
  },
};

const quickTests = new Map<string, QuickTest>();
const quickNodeTests = new Map<string, QuickTest>();

/** The quick test of plain data against a schema in rules-schema/, by file name (see QuickTest). */
export function quickValidator(name: string): QuickTest {
  let t = quickTests.get(name);
  if (!t) {
    t = compileQuick(schemaDocument(name), PLAIN);
    quickTests.set(name, t);
  }
  return t;
}

/** The quick test of a YAML node (the plain value it stands for) against a schema in rules-schema/. */
export function quickNodeValidator(name: string): (node: YNode) => boolean {
  let t = quickNodeTests.get(name);
  if (!t) {
    t = compileQuick(schemaDocument(name), YAML_NODES);
    quickNodeTests.set(name, t);
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

const JSON_TYPES: ReadonlySet<string> = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean', 'null']);

/** Keywords that validate nothing (annotations, and containers of subschemas read through `$ref`). */
const ANNOTATIONS: ReadonlySet<string> = new Set([
  '$schema', '$id', '$comment', 'title', 'description', 'default', 'examples', 'definitions', '$defs', 'readOnly', 'writeOnly', 'deprecated',
]);

/** Length in code points, as ajv counts for minLength and maxLength (a surrogate pair is one). */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return n;
}

/**
 * Compiles a schema into a quick test of data read through `view`. Keywords
 * it does not know make the node fail (ajv then decides), so the test stays
 * on the safe side whatever the schema holds.
 */
function compileQuick(root: object, view: DataView): QuickTest {
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
        const names = (Array.isArray(arg) ? arg : [arg]).map(String);
        if (names.some((n) => !JSON_TYPES.has(n))) return NEVER;
        const types = new Set(names);
        // `integer` is stricter than ajv's, which also lets ±Infinity through.
        const integer = types.has('integer');
        return { test: (d) => types.has(view.typeOf(d)) || (integer && Number.isInteger(view.scalar(d))), exact: !integer };
      }
      case 'required': {
        if (!Array.isArray(arg)) return NEVER;
        const names = arg.map(String);
        // ajv reads `data.name === undefined`, which finds inherited members (`constructor`) too: left to ajv.
        if (names.some((n) => n in Object.prototype)) return NEVER;
        return { test: (d) => !view.isMap(d) || names.every((n) => view.has(d, n)), exact: true };
      }
      case 'properties':
      case 'additionalProperties':
        // One pass for both, from whichever comes first; the other adds nothing.
        return keyword === 'properties' || schema.properties === undefined ? members(schema) : ALWAYS;
      case 'minProperties':
      case 'maxProperties': {
        if (typeof arg !== 'number') return NEVER;
        const min = keyword === 'minProperties';
        return { test: (d) => !view.isMap(d) || (min ? view.size(d) >= arg : view.size(d) <= arg), exact: true };
      }
      case 'enum': {
        if (!Array.isArray(arg) || !arg.every(isPrimitive)) return NEVER;
        const values = new Set(arg);
        return { test: (d) => values.has(view.scalar(d)), exact: true };
      }
      case 'const':
        return isPrimitive(arg) ? { test: (d) => view.scalar(d) === arg, exact: true } : NEVER;
      case 'pattern': {
        if (typeof arg !== 'string') return NEVER;
        // ajv's default flags (unicodeRegExp).
        const re = new RegExp(arg, 'u');
        return {
          test: (d) => {
            const s = view.scalar(d);
            return typeof s !== 'string' || re.test(s);
          },
          exact: true,
        };
      }
      case 'minLength':
        // A string has at least as many UTF-16 units as code points, and at most twice as many.
        return typeof arg === 'number' ? { test: (d) => textLength(view.scalar(d), (s) => s.length >= 2 * arg || codePoints(s) >= arg), exact: true } : NEVER;
      case 'maxLength':
        return typeof arg === 'number' ? { test: (d) => textLength(view.scalar(d), (s) => s.length <= arg || codePoints(s) <= arg), exact: true } : NEVER;
      case 'minItems':
        return typeof arg === 'number' ? { test: (d) => !view.isList(d) || view.items(d).length >= arg, exact: true } : NEVER;
      case 'maxItems':
        return typeof arg === 'number' ? { test: (d) => !view.isList(d) || view.items(d).length <= arg, exact: true } : NEVER;
      case 'uniqueItems':
        if (arg !== true) return arg === false ? ALWAYS : NEVER;
        // Lists of maps or lists are left to ajv's deep comparison.
        return {
          test: (d) => {
            if (!view.isList(d)) return true;
            const values = view.items(d).map((x) => view.scalar(x));
            return !values.includes(NOT_SCALAR) && new Set(values).size === values.length;
          },
          exact: false,
        };
      case 'items': {
        if (Array.isArray(arg)) return NEVER;
        const sub = compile(arg);
        return {
          test: (d) => {
            if (!view.isList(d)) return true;
            for (const x of view.items(d)) if (!sub.test(x)) return false;
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
    const valid = (key: string, value: unknown): boolean => {
      const sub = subs.get(key) ?? rest;
      return !sub || sub.test(value);
    };
    return {
      test: (d) => !view.isMap(d) || view.every(d, valid),
      exact: [...subs.values()].every((sub) => sub.exact) && (rest === undefined || rest.exact),
    };
  };

  return compile(root).test;
}

/** Whether a value passes a length test: values other than text pass (minLength and maxLength apply to strings only). */
function textLength(v: unknown, test: (s: string) => boolean): boolean {
  return typeof v !== 'string' || test(v);
}
