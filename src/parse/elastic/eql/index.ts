export type * from './ast.js';
export { parseEql } from './parser.js';
export { eqlToLogic } from './lower.js';
export { eqlOutline, type EqlOutline, type EqlStepOutline } from './outline.js';
export { formatEqlExpr, formatEqlEvent } from './format.js';
