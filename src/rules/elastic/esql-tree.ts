// The tree the model builder parsed: the ES|QL checks need not load the parser.
export { esqlTree } from '../../parse/elastic/query-trees.js';
