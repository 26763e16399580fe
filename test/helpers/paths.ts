import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The project root (the folder holding package.json). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The read-only data folder beside the project. */
export const SHARED = path.resolve(ROOT, '../shared');
export const CORPUS = path.join(SHARED, 'corpus');
export const FIXTURES = path.join(ROOT, 'fixtures');
