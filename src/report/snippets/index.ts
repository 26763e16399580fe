import type { ValueRow } from '../../index/corpus-index.js';
import type { QueryLanguage, RuleModel } from '../../model/rule.js';
import { eqlSnippet } from './eql.js';
import { esqlSnippet } from './esql.js';
import { kqlSnippet } from './kql.js';
import { sigmaSnippet } from './sigma.js';
import { splSnippet } from './spl.js';
import type { ExclusionSnippetWriter } from './types.js';

const WRITERS: Partial<Record<QueryLanguage, ExclusionSnippetWriter>> = {
  sigma: sigmaSnippet,
  kuery: kqlSnippet,
  eql: eqlSnippet,
  esql: esqlSnippet,
  spl: splSnippet,
};

/** A ready-to-paste filter for the rows in the rule's own language, or undefined when lint-rule cannot write that language. */
export function exclusionSnippet(rule: RuleModel, rows: readonly ValueRow[]): string | undefined {
  const writer = WRITERS[rule.language];
  return writer ? writer(rule, rows) : undefined;
}
