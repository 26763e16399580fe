import { keyText, type YNode, type YPair, type YScalar } from '../parse/yaml/nodes.js';
import { schemaNode } from './schema-errors.js';

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
 * How a quick test reads the data: plain values, or a YAML node tree read as
 * the plain values `toPlain` would turn it into (a repeated key once, with
 * its last value), so that a document need not be copied to be found valid.
 */
export type QuickView = 'plain' | 'yaml';

/**
 * Compiles a schema into a quick test, as JavaScript source specialised to
 * the schema and the view (what ajv does for its validators): a tree of small
 * closures interpreting the schema spent most of its time in calls through
 * megamorphic sites and in warming each of them up. Keywords it does not
 * know make their node fail (ajv then decides), so the test stays on the
 * safe side whatever the schema holds.
 */
export function compileQuickTest(schema: object, view: QuickView): QuickTest {
  const { source, constants } = quickTestSource(schema, view);
  let factory: (helpers: Helpers, constants: readonly unknown[]) => QuickTest;
  try {
    // The source is built from the schema's keywords only; names and values of the schema are JSON literals or constants.
    factory = new Function('h', 'c', source) as typeof factory;
  } catch (e) {
    // Code generation disallowed (--disallow-code-generation-from-strings): "not sure", ajv's precompiled code decides.
    if (e instanceof EvalError) return () => false;
    throw e;
  }
  return factory(view === 'yaml' ? YAML_HELPERS : PLAIN_HELPERS, constants);
}

/** The generated source (a function body of `h`, the helpers, and `c`, the constants, returning the test) and its constants. */
export function quickTestSource(schema: object, view: QuickView): { source: string; constants: unknown[] } {
  const gen = new Generator(schema, view);
  const name = gen.functionOf(schema);
  return { source: `const { codePoints, keyText, has, repeatedLater, atLeastDistinct, distinct, uniqueScalars } = h;\n${gen.functions.join('\n')}\nreturn ${name};`, constants: gen.constants };
}

/** Functions the generated code calls: what is too long to write out at every use. */
interface Helpers {
  codePoints(s: string): number;
  keyText(key: YScalar): string;
  /** Whether a map has the key (ajv's `data.name !== undefined`, for names not in Object.prototype). */
  has(d: unknown, name: string): boolean;
  /** Whether the key of pair i comes again later in a map: the plain value keeps only the last. */
  repeatedLater(pairs: readonly YPair[], i: number): boolean;
  /** Whether a map's pairs have at least n different keys. */
  atLeastDistinct(pairs: readonly YPair[], n: number): boolean;
  /** How many different keys a map's pairs have. */
  distinct(pairs: readonly YPair[]): number;
  /** Whether a list's items are all scalars, no two equal (lists of maps or lists are left to ajv's deep comparison). */
  uniqueScalars(items: readonly unknown[]): boolean;
}

/** Length in code points, as ajv counts for minLength and maxLength (a surrogate pair is one). */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return n;
}

/** Whether two keys are one property of the plain value (`1` and `'1'` are). */
function sameKey(a: YScalar, b: YScalar): boolean {
  if (a.value === b.value) return true;
  // Keys are nearly always strings; only another type can be spelt like a different value.
  return (typeof a.value !== 'string' || typeof b.value !== 'string') && keyText(a) === keyText(b);
}

function repeatedLater(pairs: readonly YPair[], i: number): boolean {
  const key = (pairs[i] as YPair).key;
  for (let j = i + 1; j < pairs.length; j++) if (sameKey(key, (pairs[j] as YPair).key)) return true;
  return false;
}

function atLeastDistinct(pairs: readonly YPair[], n: number): boolean {
  // Stops at the n-th different key: minProperties is 1 or 2, and the first keys nearly always differ.
  let found = 0;
  for (let i = 0; i < pairs.length; i++) {
    if (!repeatedEarlier(pairs, i) && ++found >= n) return true;
  }
  return found >= n;
}

function repeatedEarlier(pairs: readonly YPair[], i: number): boolean {
  const key = (pairs[i] as YPair).key;
  for (let j = 0; j < i; j++) if (sameKey(key, (pairs[j] as YPair).key)) return true;
  return false;
}

function distinct(pairs: readonly YPair[]): number {
  let n = 0;
  for (let i = 0; i < pairs.length; i++) if (!repeatedLater(pairs, i)) n++;
  return n;
}

const isPrimitive = (v: unknown): boolean => v === null || (typeof v !== 'object' && typeof v !== 'function');

const unused = (): never => {
  throw new Error('not used by this view');
};

const PLAIN_HELPERS: Helpers = {
  codePoints,
  keyText: unused,
  has: (d, name) => (d as Record<string, unknown>)[name] !== undefined,
  repeatedLater: unused,
  atLeastDistinct: unused,
  distinct: unused,
  uniqueScalars: (items) => items.every(isPrimitive) && new Set(items).size === items.length,
};

const YAML_HELPERS: Helpers = {
  codePoints,
  keyText,
  has(d, name) {
    for (const p of (d as { pairs: readonly YPair[] }).pairs) if (keyText(p.key) === name) return true;
    return false;
  },
  repeatedLater,
  atLeastDistinct,
  distinct,
  uniqueScalars(items) {
    const nodes = items as readonly YNode[];
    for (const x of nodes) if (x.kind !== 'scalar') return false;
    if (nodes.length > 16) return new Set(nodes.map((x) => (x as YScalar).value)).size === nodes.length;
    // Most lists (tags, references) are short: comparing pairs beats building a set for each.
    for (let i = 1; i < nodes.length; i++) {
      const a = (nodes[i] as YScalar).value;
      for (let j = 0; j < i; j++) {
        const b = (nodes[j] as YScalar).value;
        // SameValueZero, as a Set compares (NaN equals NaN).
        if (a === b || (a !== a && b !== b)) return false;
      }
    }
    return true;
  },
};

/**
 * A compiled schema node: statements that run `fail` (a `return false` or a
 * `break` out of a block) when the data in the variable does not pass.
 * `exact` says the test is ajv's answer both ways (not only "true implies
 * valid"), as `if`, `not` and `oneOf` need of their subschemas to be answered
 * safely.
 */
interface Code {
  code: string;
  exact: boolean;
}

const JSON_TYPES: ReadonlySet<string> = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean', 'null']);

/** Keywords that validate nothing (annotations, and containers of subschemas read through `$ref`). */
const ANNOTATIONS: ReadonlySet<string> = new Set([
  '$schema', '$id', '$comment', 'title', 'description', 'default', 'examples', 'definitions', '$defs', 'readOnly', 'writeOnly', 'deprecated',
]);

const isMapValue = (d: unknown): d is Record<string, unknown> => d !== null && typeof d === 'object' && !Array.isArray(d);

const lit = (v: unknown): string => JSON.stringify(v);

/** Writes the source of one schema's quick test: one function per `$ref` target and per subschema whose answer is needed as a value. */
class Generator {
  readonly functions: string[] = [];
  readonly constants: unknown[] = [];
  private readonly refs = new Map<string, { name: string; exact: boolean }>();
  private names = 0;

  constructor(
    private readonly root: object,
    private readonly view: QuickView,
  ) {}

  private fresh(prefix: string): string {
    return `${prefix}${this.names++}`;
  }

  private constant(v: unknown): string {
    this.constants.push(v);
    return `c[${this.constants.length - 1}]`;
  }

  /** A function of the schema's test; its name. */
  functionOf(schema: unknown): string {
    return this.emitFunction(this.fresh('s'), schema).name;
  }

  private emitFunction(name: string, schema: unknown): { name: string; exact: boolean } {
    // Declared before its body is written: a recursive reference calls it by name.
    const at = this.functions.length;
    this.functions.push('');
    const { code, exact } = this.compile(schema, 'd', 'return false;');
    this.functions[at] = `function ${name}(d) {\n${code}return true;\n}`;
    return { name, exact };
  }

  private never(fail: string): Code {
    return { code: `${fail}\n`, exact: false };
  }

  private compile(schema: unknown, d: string, fail: string): Code {
    if (schema === true) return { code: '', exact: true };
    if (schema === false) return { code: `${fail}\n`, exact: true };
    if (!isMapValue(schema)) return this.never(fail);
    let code = '';
    let exact = true;
    let parts = 0;
    for (const [keyword, arg] of Object.entries(schema)) {
      if (ANNOTATIONS.has(keyword) || keyword.startsWith('x-') || keyword === 'then' || keyword === 'else') continue;
      const part = this.keyword(keyword, arg, schema, d, fail);
      code += part.code;
      exact &&= part.exact;
      parts++;
    }
    // ajv may read `$ref` alone and ignore its siblings: then this test is stricter than ajv, not equal.
    return { code, exact: exact && (schema.$ref === undefined || parts <= 1) };
  }

  private ref(pointer: string, d: string, fail: string): Code {
    let entry = this.refs.get(pointer);
    if (!entry) {
      const target = pointer.startsWith('#') ? schemaNode(this.root, pointer) : undefined;
      if (!target) return this.never(fail);
      // Not exact while its own body is compiled (a recursive reference sees this), as a cautious placeholder.
      entry = { name: this.fresh('r'), exact: false };
      this.refs.set(pointer, entry);
      entry.exact = this.emitFunction(entry.name, target).exact;
    }
    return { code: `if (!${entry.name}(${d})) ${fail}\n`, exact: entry.exact };
  }

  private get yaml(): boolean {
    return this.view === 'yaml';
  }

  private isMap(d: string): string {
    return this.yaml ? `${d}.kind === "map"` : `(${d} !== null && typeof ${d} === "object" && !Array.isArray(${d}))`;
  }

  private isList(d: string): string {
    return this.yaml ? `${d}.kind === "seq"` : `Array.isArray(${d})`;
  }

  private items(d: string): string {
    return this.yaml ? `${d}.items` : d;
  }

  /** A scalar's value; `when` is the condition under which `value` may be read ('' for always). */
  private scalar(d: string): { when: string; value: string } {
    return this.yaml ? { when: `${d}.kind === "scalar"`, value: `${d}.value` } : { when: '', value: d };
  }

  /** Whether the data is of one of the JSON types. */
  private isType(d: string, types: readonly string[]): string {
    const tests: string[] = [];
    if (types.includes('object')) tests.push(this.isMap(d));
    if (types.includes('array')) tests.push(this.isList(d));
    const scalars = types.filter((t) => t !== 'object' && t !== 'array');
    const { when, value } = this.scalar(d);
    const valueTests = scalars.map((t) => (t === 'null' ? `${value} === null` : t === 'integer' ? `Number.isInteger(${value})` : `typeof ${value} === ${lit(t)}`));
    // A YAML scalar's value is one of these four (YScalar): any scalar will do.
    const anyScalar = ['string', 'number', 'boolean', 'null'].every((t) => scalars.includes(t));
    if (when && anyScalar) tests.push(when);
    else if (when && valueTests.length > 0) tests.push(`(${when} && (${valueTests.join(' || ')}))`);
    else tests.push(...valueTests);
    return tests.length === 0 ? 'false' : tests.join(' || ');
  }

  /** A test of a string value (minLength, maxLength, pattern): other values pass. */
  private text(d: string, fails: (s: string) => string, fail: string): string {
    const { when, value } = this.scalar(d);
    const isString = `typeof ${value} === "string"`;
    return `if (${when ? `${when} && ` : ''}${isString} && ${fails(value)}) ${fail}\n`;
  }

  private keyword(keyword: string, arg: unknown, schema: Record<string, unknown>, d: string, fail: string): Code {
    switch (keyword) {
      case '$ref':
        return typeof arg === 'string' ? this.ref(arg, d, fail) : this.never(fail);
      case 'type': {
        const names = (Array.isArray(arg) ? arg : [arg]).map(String);
        if (names.some((n) => !JSON_TYPES.has(n))) return this.never(fail);
        // `integer` is stricter than ajv's, which also lets ±Infinity through.
        return { code: `if (!(${this.isType(d, names)})) ${fail}\n`, exact: !names.includes('integer') };
      }
      case 'required': {
        if (!Array.isArray(arg)) return this.never(fail);
        const names = arg.map(String);
        // ajv reads `data.name === undefined`, which finds inherited members (`constructor`) too: left to ajv.
        if (names.some((n) => n in Object.prototype)) return this.never(fail);
        // Those that the walk of the map's keys looks for are not looked up here (one pass over the pairs, not one per name).
        const folded = this.foldedRequired(schema);
        const rest = names.filter((n) => !folded.includes(n));
        if (rest.length === 0) return { code: '', exact: true };
        return { code: `if (${this.isMap(d)} && !(${rest.map((n) => `has(${d}, ${lit(n)})`).join(' && ')})) ${fail}\n`, exact: true };
      }
      case 'properties':
      case 'additionalProperties':
        // One pass for both, from whichever comes first; the other adds nothing.
        return keyword === 'properties' || schema.properties === undefined ? this.members(schema, d, fail) : { code: '', exact: true };
      case 'minProperties':
      case 'maxProperties': {
        if (typeof arg !== 'number') return this.never(fail);
        const min = keyword === 'minProperties';
        let ok: string;
        if (!this.yaml) ok = `Object.keys(${d}).length ${min ? '>=' : '<='} ${arg}`;
        // A repeated key counts once: only counted when the number of pairs alone does not answer.
        else if (min) ok = `${d}.pairs.length >= ${arg} && ${arg <= 1 ? 'true' : `atLeastDistinct(${d}.pairs, ${arg})`}`;
        else ok = `(${d}.pairs.length <= ${arg} || distinct(${d}.pairs) <= ${arg})`;
        return { code: `if (${this.isMap(d)} && !(${ok})) ${fail}\n`, exact: true };
      }
      case 'enum': {
        if (!Array.isArray(arg) || !arg.every(isPrimitive)) return this.never(fail);
        const { when, value } = this.scalar(d);
        // A Set for long lists; for a few values, comparisons (an enum's values are distinct primitives, SameValueZero is ===).
        const match = arg.length > 8 ? `${this.constant(new Set(arg))}.has(${value})` : arg.length === 0 ? 'false' : arg.map((v) => `${value} === ${lit(v)}`).join(' || ');
        return { code: `if (!(${when ? `${when} && ` : ''}(${match}))) ${fail}\n`, exact: true };
      }
      case 'const': {
        if (!isPrimitive(arg)) return this.never(fail);
        const { when, value } = this.scalar(d);
        return { code: `if (!(${when ? `${when} && ` : ''}${value} === ${lit(arg)})) ${fail}\n`, exact: true };
      }
      case 'pattern': {
        if (typeof arg !== 'string') return this.never(fail);
        // ajv's default flags (unicodeRegExp).
        const re = this.constant(new RegExp(arg, 'u'));
        return { code: this.text(d, (s) => `!${re}.test(${s})`, fail), exact: true };
      }
      case 'minLength':
        // A string has at least as many UTF-16 units as code points, and at most twice as many.
        return typeof arg === 'number' ? { code: this.text(d, (s) => `${s}.length < ${2 * arg} && codePoints(${s}) < ${arg}`, fail), exact: true } : this.never(fail);
      case 'maxLength':
        return typeof arg === 'number' ? { code: this.text(d, (s) => `${s}.length > ${arg} && codePoints(${s}) > ${arg}`, fail), exact: true } : this.never(fail);
      case 'minItems':
      case 'maxItems':
        if (typeof arg !== 'number') return this.never(fail);
        return { code: `if (${this.isList(d)} && ${this.items(d)}.length ${keyword === 'minItems' ? '<' : '>'} ${arg}) ${fail}\n`, exact: true };
      case 'uniqueItems':
        if (arg !== true) return arg === false ? { code: '', exact: true } : this.never(fail);
        // Lists of maps or lists are left to ajv's deep comparison.
        return { code: `if (${this.isList(d)} && !uniqueScalars(${this.items(d)})) ${fail}\n`, exact: false };
      case 'items': {
        if (Array.isArray(arg)) return this.never(fail);
        const list = this.fresh('a');
        const i = this.fresh('i');
        const x = this.fresh('x');
        const sub = this.compile(arg, x, fail);
        const code = `if (${this.isList(d)}) {\nconst ${list} = ${this.items(d)};\nfor (let ${i} = 0; ${i} < ${list}.length; ${i}++) {\nconst ${x} = ${list}[${i}];\n${sub.code}}\n}\n`;
        return { code, exact: sub.exact };
      }
      case 'allOf': {
        if (!Array.isArray(arg)) return this.never(fail);
        const subs = arg.map((s) => this.compile(s, d, fail));
        return { code: subs.map((s) => s.code).join(''), exact: subs.every((s) => s.exact) };
      }
      case 'anyOf':
      case 'oneOf': {
        if (!Array.isArray(arg)) return this.never(fail);
        const subs = arg.map((s) => this.emitFunction(this.fresh('s'), s));
        const exact = subs.every((s) => s.exact);
        if (keyword === 'anyOf') return { code: `if (!(${subs.map((s) => `${s.name}(${d})`).join(' || ') || 'false'})) ${fail}\n`, exact };
        // Exactly one branch: only answerable when every branch's answer is ajv's.
        if (!exact) return this.never(fail);
        return { code: `if ((${subs.map((s) => `(${s.name}(${d}) ? 1 : 0)`).join(' + ') || '0'}) !== 1) ${fail}\n`, exact };
      }
      case 'not': {
        const sub = this.emitFunction(this.fresh('s'), arg);
        return sub.exact ? { code: `if (${sub.name}(${d})) ${fail}\n`, exact: true } : this.never(fail);
      }
      case 'if': {
        // Which branch applies must be ajv's answer, not a cautious one.
        const cond = this.emitFunction(this.fresh('s'), arg);
        if (!cond.exact) return this.never(fail);
        const then = this.compile(schema.then === undefined ? true : schema.then, d, fail);
        const otherwise = this.compile(schema.else === undefined ? true : schema.else, d, fail);
        return { code: `if (${cond.name}(${d})) {\n${then.code}} else {\n${otherwise.code}}\n`, exact: then.exact && otherwise.exact };
      }
      default:
        return this.never(fail);
    }
  }

  /**
   * The required names that the walk of a YAML map's keys (`members`) looks
   * for, as it meets them: those the schema declares in `properties`.
   */
  private foldedRequired(schema: Record<string, unknown>): string[] {
    const { required, properties } = schema;
    if (!this.yaml || !Array.isArray(required) || !isMapValue(properties)) return [];
    // Up to 30, as bits of a small integer; a longer list is looked up name by name.
    return [...new Set(required.map(String))].filter((n) => Object.hasOwn(properties, n)).slice(0, 30);
  }

  /**
   * `properties` and `additionalProperties` in one pass over the map's own
   * keys, a `switch` on the key choosing the subschema. On YAML nodes every
   * pair is tested, and a failing one is looked at again: when its key comes
   * again later, the plain value does not hold it and it does not count
   * (repeated keys are rare; looking for them in every map was not cheap).
   */
  private members(schema: Record<string, unknown>, d: string, fail: string): Code {
    const declared = schema.properties === undefined ? {} : schema.properties;
    if (!isMapValue(declared) || schema.patternProperties !== undefined) return this.never(fail);
    // ajv reads declared names with `data.name`, which reaches inherited members (`constructor`): only own keys are walked here.
    if (Object.keys(declared).some((name) => name in Object.prototype)) return this.never(fail);
    const rest = schema.additionalProperties;
    const v = this.fresh('v');
    const label = this.fresh('L');
    // A value that fails leaves the pair's block; on plain values it fails the map at once.
    const failValue = this.yaml ? `break ${label};` : fail;
    const required = this.foldedRequired(schema);
    const seen = this.fresh('seen');
    let exact = true;
    let cases = '';
    for (const [name, sub] of Object.entries(declared)) {
      const c = this.compile(sub, v, failValue);
      exact &&= c.exact;
      const bit = required.indexOf(name);
      cases += `case ${lit(name)}:\n${bit < 0 ? '' : `${seen} |= ${1 << bit};\n`}${c.code}break;\n`;
    }
    let otherwise = '';
    if (rest !== undefined) {
      const c = this.compile(rest, v, failValue);
      exact &&= c.exact;
      otherwise = c.code;
    }
    if (cases === '' && otherwise === '') return { code: '', exact };
    const key = this.fresh('k');
    const check = cases === '' ? otherwise : `switch (${key}) {\n${cases}default:\n${otherwise}}\n`;
    if (!this.yaml) {
      return { code: `if (${this.isMap(d)}) {\nfor (const ${key} in ${d}) {\nconst ${v} = ${d}[${key}];\n${check}}\n}\n`, exact };
    }
    const pairs = this.fresh('p');
    const i = this.fresh('i');
    const kv = this.fresh('kv');
    // Keys are nearly always strings: keyText only for the others.
    const keyOf = `const ${kv} = ${pairs}[${i}].key.value;\nconst ${key} = typeof ${kv} === "string" ? ${kv} : keyText(${pairs}[${i}].key);\n`;
    const code =
      `if (${d}.kind === "map") {\nconst ${pairs} = ${d}.pairs;\n${required.length > 0 ? `let ${seen} = 0;\n` : ''}` +
      `for (let ${i} = 0; ${i} < ${pairs}.length; ${i}++) {\nconst ${v} = ${pairs}[${i}].value;\n${cases === '' ? '' : keyOf}` +
      `${label}: {\n${check}continue;\n}\nif (!repeatedLater(${pairs}, ${i})) ${fail}\n}\n` +
      `${required.length > 0 ? `if (${seen} !== ${2 ** required.length - 1}) ${fail}\n` : ''}}\n`;
    return { code, exact };
  }
}
