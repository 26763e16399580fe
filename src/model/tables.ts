import { readFileSync } from 'node:fs';

const cache = new Map<string, unknown>();

/**
 * Loads a curated table compiled from `data/<name>.yml` by `npm run build`.
 * Both src/model and dist/model sit two levels under the project root, so one
 * relative URL serves the sources (tests) and the build.
 */
export function loadTable<T>(name: string): T {
  let value = cache.get(name);
  if (value === undefined) {
    const url = new URL(`../../dist/data/${name}.json`, import.meta.url);
    try {
      value = JSON.parse(readFileSync(url, 'utf8')) as unknown;
    } catch (err) {
      throw new Error(`lint-rule's table "${name}" is missing: run \`npm run build\` (${(err as Error).message})`);
    }
    cache.set(name, value);
  }
  return value as T;
}
