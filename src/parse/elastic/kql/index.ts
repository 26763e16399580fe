export { parseKql } from './parser.js';
export { kqlToLogic } from './lower.js';
export type * from './ast.js';
