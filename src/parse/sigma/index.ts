/** The Sigma parser's public surface. */
export { parseSigmaFile } from './parse-file.js';
export type { SigmaFileParse } from './parse-file.js';
export { parseSigmaCondition } from './condition-parser.js';
export { sigmaToLogic, lowerItem } from './lower.js';
export { matchesPattern, selectionsMatching } from './condition-ast.js';
export type {
  ConditionNode, ConditionAnd, ConditionOr, ConditionNot, ConditionRef, ConditionOf, ConditionAggregation,
} from './condition-ast.js';
export { SIGMA_MODIFIERS } from './modifiers.js';
export { checkSigmaRegex } from './regex.js';
export type * from './document-types.js';
