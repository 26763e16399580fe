export { parseEsql } from './parser.js';
export { esqlToLogic, unescapeLike } from './lower.js';
export { createdFields, esqlHasStats, esqlKeepFields, esqlMetadataFields, esqlSources } from './query-info.js';
export type * from './ast.js';
