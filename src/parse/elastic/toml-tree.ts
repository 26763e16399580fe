import type { AST } from 'toml-eslint-parser';
import type { Span } from '../../model/location.js';

/** A TOML value as plain data. Date-times stay the text they were written as. */
export type TomlValue = string | number | boolean | TomlValue[] | TomlTable;
export interface TomlTable {
  [key: string]: TomlValue;
}

export type TomlPath = readonly (string | number)[];

/** Where one path of the document sits: its key (or table header) and its value. */
export interface TomlPlace {
  key: Span;
  value: Span;
  /** The string's quoting, when the value is a string. */
  string?: TomlString;
}

/**
 * What locating a string's characters needs from its syntax node, copied
 * out: a node links to its parent, so keeping one would keep the whole
 * syntax tree of the file alive (hundreds of MB over a corpus).
 */
export interface TomlString {
  value: string;
  style: AST.TOMLStringValue['style'];
  multiline: boolean;
  range: readonly [number, number];
}

/** The plain value of a parsed TOML file and the place of every path in it. */
export interface TomlTree {
  data: TomlTable;
  places: Map<string, TomlPlace>;
}

/** The map key of a path; a separator that cannot appear in a TOML key written by hand. */
export function pathKey(path: TomlPath): string {
  let s = '';
  for (let i = 0; i < path.length; i++) {
    if (i > 0) s += '\u0000';
    s += String(path[i]);
  }
  return s;
}

/**
 * Builds the data and the places in one walk over the TOML syntax tree, so
 * the file is read once and every key of the document can be located later.
 */
export function buildTomlTree(program: AST.TOMLProgram): TomlTree {
  const data: TomlTable = {};
  const places = new Map<string, TomlPlace>();
  const top = program.body[0];

  const record = (path: TomlPath, key: Span, value: Span, string?: AST.TOMLStringValue): void => {
    const k = pathKey(path);
    // An array of tables is known by its first header; later elements have their own indexed paths.
    if (places.has(k)) return;
    places.set(k, string ? { key, value, string: { value: string.value, style: string.style, multiline: string.multiline, range: [string.range[0], string.range[1]] } } : { key, value });
  };

  const tableAt = (path: TomlPath): TomlTable => {
    let cur: TomlValue = data;
    for (const seg of path) {
      const container: TomlTable | TomlValue[] = cur as TomlTable | TomlValue[];
      let next: TomlValue | undefined = (container as Record<string | number, TomlValue>)[seg];
      if (next === undefined) {
        next = {};
        (container as Record<string | number, TomlValue>)[seg] = next;
      }
      cur = next;
    }
    return cur as TomlTable;
  };

  const addKeyValues = (base: TomlPath, target: TomlTable, body: readonly AST.TOMLKeyValue[]): void => {
    for (const kv of body) {
      const keys = kv.key.keys;
      let holder = target;
      const path: (string | number)[] = [...base];
      for (let i = 0; i < keys.length; i++) {
        const part = keys[i] as AST.TOMLBare | AST.TOMLQuoted;
        const name = part.type === 'TOMLBare' ? part.name : part.value;
        path.push(name);
        if (i < keys.length - 1) {
          // Dotted key: the intermediate tables are implicit; they are known by their key part.
          record(path, range(part), range(kv));
          let next = holder[name];
          if (next === undefined || typeof next !== 'object' || Array.isArray(next)) {
            next = {};
            holder[name] = next;
          }
          holder = next as TomlTable;
        } else {
          holder[name] = addValue(path, range(kv.key), kv.value);
        }
      }
    }
  };

  const addValue = (path: (string | number)[], key: Span, node: AST.TOMLContentNode): TomlValue => {
    if (node.type === 'TOMLValue') {
      record(path, key, range(node), node.kind === 'string' ? node : undefined);
      return scalar(node);
    }
    record(path, key, range(node));
    if (node.type === 'TOMLArray') {
      const out: TomlValue[] = [];
      node.elements.forEach((el, i) => {
        path.push(i);
        out.push(addValue(path, range(el), el));
        path.pop();
      });
      return out;
    }
    const table: TomlTable = {};
    addKeyValues(path, table, node.body);
    return table;
  };

  for (const item of top.body) {
    if (item.type === 'TOMLKeyValue') {
      addKeyValues([], data, [item]);
      continue;
    }
    const path = item.resolvedKey;
    if (item.kind === 'array') {
      const arrayPath = path.slice(0, -1);
      const index = path[path.length - 1] as number;
      const parent = tableAt(arrayPath.slice(0, -1));
      const name = arrayPath[arrayPath.length - 1] as string;
      let arr = parent[name];
      if (!Array.isArray(arr)) {
        arr = [];
        parent[name] = arr;
      }
      arr[index] = {};
      record(arrayPath, range(item.key), range(item));
    }
    record(path, range(item.key), range(item));
    addKeyValues(path, tableAt(path), item.body);
  }
  return { data, places };
}

function range(node: { range: [number, number] }): Span {
  return { start: node.range[0], end: node.range[1] };
}

function scalar(node: AST.TOMLValue): TomlValue {
  switch (node.kind) {
    case 'string':
    case 'boolean':
      return node.value;
    case 'integer':
    case 'float':
      return node.value;
    default:
      return node.datetime;
  }
}
