// Compiles the curated tables in data/*.yml into dist/data/*.json, so that
// the linter reads JSON (fast) on its hot path while the tables stay
// commentable YAML in the repository.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'data');
const out = path.join(root, 'dist', 'data');
mkdirSync(out, { recursive: true });
for (const name of readdirSync(src).filter((n) => n.endsWith('.yml')).sort()) {
  const value = parse(readFileSync(path.join(src, name), 'utf8'), { uniqueKeys: true });
  writeFileSync(path.join(out, name.replace(/\.yml$/, '.json')), JSON.stringify(value));
}
