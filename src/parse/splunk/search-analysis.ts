import type { Location, Span } from '../../model/location.js';
import type { Logic } from '../../model/logic.js';
import type { RuleModel } from '../../model/rule.js';
import type { EmbeddedText } from '../embedded.js';
import type { SplunkDetectionDocument } from './document.js';
import type { MacroTable } from './macros.js';
import type { SplCommand, SplDatamodelRef, SplQuery } from './spl-ast.js';
import { splFacts, type SplFacts } from './spl-facts.js';
import { splToLogic } from './spl-lower.js';
import { mapLogicSpans, parseSplunkSearch, type SplunkSearchParse } from './spl-search.js';

/**
 * Everything the model builder and the Splunk checks need from a detection's
 * search, computed once per rule: the macro expansion, the tree, the facts
 * (fields read and created, data models) and the filtering logic.
 */
export interface SplunkSearchAnalysis {
  /** The search as decoded from the YAML, mapped to the file. */
  search: EmbeddedText;
  parse: SplunkSearchParse;
  /** The tree, in the coordinates of the expanded text (`parse.expansion.text`); null when nothing parsed. */
  ast: SplQuery | null;
  /** Facts in the coordinates of the expanded text; map spans with `locate`. */
  facts: SplFacts | null;
  /** The filtering logic, spans in the coordinates of the search as written. */
  logic: Logic | undefined;
  /** The first tstats (or `from`) data model of the top-level pipeline. */
  datamodel?: SplDatamodelRef & { command: SplCommand };
  /** `Model.Dataset` (or `Model`) of that data model, as the curated tables key it. */
  datamodelName?: string;
  /** File location of a span of the expanded text (text from a macro maps to the macro call). */
  locate(span: Span): Location;
  /** Whether a span of the expanded text came out of a macro definition. */
  fromMacro(span: Span): boolean;
}

export function analyzeSearch(search: EmbeddedText, macros: MacroTable): SplunkSearchAnalysis {
  const parse = parseSplunkSearch(search.text, macros);
  const ast = parse.result.ast;
  const expansion = parse.expansion;
  const analysis: SplunkSearchAnalysis = {
    search,
    parse,
    ast,
    facts: ast ? splFacts(ast) : null,
    logic: ast ? mapLogicSpans(splToLogic(ast), expansion.toOriginalSpan) : undefined,
    locate: (span) => search.locate(expansion.toOriginalSpan(span)),
    fromMacro: (span) => {
      // Identity text keeps its length when mapped back; macro text collapses onto its call.
      const o = expansion.toOriginalSpan(span);
      return expansion.calls.some((c) => o.start >= c.span.start && o.end <= c.span.end);
    },
  };
  for (const cmd of ast?.pipeline.commands ?? []) {
    if ((cmd.kind === 'tstats' || cmd.kind === 'from') && cmd.datamodel) {
      analysis.datamodel = { ...cmd.datamodel, command: cmd };
      analysis.datamodelName = cmd.datamodel.dataset ? `${cmd.datamodel.model}.${cmd.datamodel.dataset}` : cmd.datamodel.model;
      break;
    }
  }
  return analysis;
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
