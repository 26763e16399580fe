// Writes docs/rules/<id>.md for every check from its metadata (run after `npm run build`).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_CHECKS } from '../dist/rules/index.js';
import { renderRuleDoc } from '../dist/report/rule-docs.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'rules');
mkdirSync(dir, { recursive: true });
const wanted = new Set(ALL_CHECKS.map((c) => `${c.meta.id}.md`));
for (const name of readdirSync(dir)) if (name.endsWith('.md') && !wanted.has(name)) rmSync(path.join(dir, name));
for (const check of ALL_CHECKS) writeFileSync(path.join(dir, `${check.meta.id}.md`), renderRuleDoc(check));
console.log(`wrote ${ALL_CHECKS.length} pages to docs/rules/`);
