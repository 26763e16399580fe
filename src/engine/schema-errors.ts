import type { ErrorObject } from 'ajv';

/**
 * What the schema checks of every vendor share to turn ajv's errors into
 * messages at a node: JSON pointers as document paths, the schema node an
 * error comes from and its `x-expected` wording, and paths as people write them.
 */
export type DocumentPath = (string | number)[];

/** A JSON pointer (`/tags/2`) as a document path, with numbers where the data holds a list. */
export function pointerToPath(pointer: string, data: unknown): DocumentPath {
  if (pointer === '') return [];
  const out: DocumentPath = [];
  let node: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const step = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const i = Number(step);
      out.push(i);
      node = node[i];
    } else {
      out.push(step);
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[step] : undefined;
    }
  }
  return out;
}

/** The schema node at a JSON pointer of ajv's schemaPath (`#/properties/x/anyOf`). */
export function schemaNode(schema: object, schemaPath: string): Record<string, unknown> | undefined {
  let node: unknown = schema;
  for (const raw of schemaPath.replace(/^#\/?/, '').split('/')) {
    if (raw === '') continue;
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}

/** The `x-expected` wording of the schema node an error comes from, if the schema gives one. */
export function expectedWording(schema: object, e: ErrorObject): string | undefined {
  const parent = schemaNode(schema, e.schemaPath.slice(0, e.schemaPath.lastIndexOf('/')));
  const x = parent?.['x-expected'];
  return typeof x === 'string' ? x : undefined;
}

/** `detection.selection.Image|endswith[1]`: a path as people write it ('' for the root). */
export function showPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const step of path) out += typeof step === 'number' ? `[${step}]` : out === '' ? step : `.${step}`;
  return out;
}

/** JSON types as messages name them. */
export const TYPE_NAMES: Readonly<Record<string, string>> = {
  object: 'a map',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  null: 'empty',
};
