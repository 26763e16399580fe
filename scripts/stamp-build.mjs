// Writes dist/build-stamp.txt: a hash of the compiled code and tables. The
// corpus index cache key includes it, so an index built by other parser code
// is never reused, even within one package version.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const h = createHash('sha256');
const files = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.(js|cjs|json)$/.test(e.name))
  .map((e) => path.join(e.parentPath, e.name))
  .sort();
for (const f of files) h.update(path.relative(dist, f)).update(readFileSync(f));
writeFileSync(path.join(dist, 'build-stamp.txt'), `${h.digest('hex')}\n`);
