import type { Location, Span } from '../../model/location.js';
import type { RuleModel } from '../../model/rule.js';
import type { EmbeddedText } from '../embedded.js';
import type { SplunkDetectionDocument } from './document.js';
import type { SplCommand, SplDatamodelRef, SplQuery } from './spl-ast.js';
import type { SplFacts } from './spl-facts.js';
import type { SplunkSearchParse } from './spl-search.js';

// Types and the per-rule accessor only: checks and snippet writers import this without loading the SPL parser.

/**
 * Everything the model builder and the Splunk checks need from a detection's
 * search, computed once per rule: the macro expansion, the tree and the
 * facts (fields read and created, data models).
 */
export interface SplunkSearchAnalysis {
  /** The search as decoded from the YAML, mapped to the file. */
  search: EmbeddedText;
  parse: SplunkSearchParse;
  /** The tree, in the coordinates of the expanded text (`parse.expansion.text`); null when nothing parsed. */
  ast: SplQuery | null;
  /** Facts in the coordinates of the expanded text; map spans with `locate`. */
  facts: SplFacts | null;
  /** The first tstats (or `from`) data model of the top-level pipeline. */
  datamodel?: SplDatamodelRef & { command: SplCommand };
  /** `Model.Dataset` (or `Model`) of that data model, as the curated tables key it. */
  datamodelName?: string;
  /** File location of a span of the expanded text (text from a macro maps to the macro call). */
  locate(span: Span): Location;
  /** Whether a span of the expanded text came out of a macro definition. */
  fromMacro(span: Span): boolean;
}

const analyses = new WeakMap<SplunkDetectionDocument, SplunkSearchAnalysis>();

export function rememberAnalysis(doc: SplunkDetectionDocument, analysis: SplunkSearchAnalysis): void {
  analyses.set(doc, analysis);
}

/** The search analysis of a Splunk rule built by the Splunk parser; undefined for other vendors or a rule without search. */
export function splunkSearchOf(rule: RuleModel): SplunkSearchAnalysis | undefined {
  if (rule.vendor !== 'splunk') return undefined;
  return analyses.get(rule.doc as SplunkDetectionDocument);
}
