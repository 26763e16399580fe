import { readYamlFast } from './fast-reader.js';
import { toPlain } from './nodes.js';
import type { YDocument } from './nodes.js';
import { yamlPackage } from './package.js';
import { repeatsKey } from './unique-keys.js';

/**
 * `yaml.parse(text)` with the package's defaults — the same value, and the
 * same exception for bad YAML or a repeated key — but read by the fast reader
 * when the text is one document in its subset.
 */
export function parseYamlValue(text: string): unknown {
  const docs = readYamlFast(text);
  if (docs && docs.length === 1) {
    const root = (docs[0] as YDocument).contents;
    if (!repeatsKey(root)) return toPlain(root);
  }
  return yamlPackage().parse(text);
}
