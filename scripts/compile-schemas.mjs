// Compiles the JSON schemas in rules-schema/ into standalone ajv validators
// (dist/schemas/<name>.cjs), so that validating a config or a rule does not
// pay ajv's compile time (50–100 ms) on every start of the CLI.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'rules-schema');
const out = path.join(root, 'dist', 'schemas');
mkdirSync(out, { recursive: true });
// Options must match src/engine/schema-validator.ts so both paths validate alike.
const options = { allErrors: true, strict: false, allowUnionTypes: true, code: { source: true } };
// SARIF's schema is only used by tests.
const skip = new Set(['sarif-2.1.0.schema.json']);
for (const name of readdirSync(src).filter((n) => n.endsWith('.schema.json') && !skip.has(n)).sort()) {
  const ajv = new Ajv(options);
  const validate = ajv.compile(JSON.parse(readFileSync(path.join(src, name), 'utf8')));
  writeFileSync(path.join(out, name.replace(/\.json$/, '.cjs')), standaloneCode.default(ajv, validate));
}
