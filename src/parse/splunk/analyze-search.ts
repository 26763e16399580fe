import type { EmbeddedText } from '../embedded.js';
import type { MacroTable } from './macros.js';
import type { SplunkSearchAnalysis } from './search-analysis.js';
import { splFacts } from './spl-facts.js';
import { parseSplunkSearch } from './spl-search.js';

/** Expands, parses and lowers a detection's search once, for the model builder and the checks. */
export function analyzeSearch(search: EmbeddedText, macros: MacroTable): SplunkSearchAnalysis {
  const parse = parseSplunkSearch(search.text, macros);
  const ast = parse.result.ast;
  const expansion = parse.expansion;
  const analysis: SplunkSearchAnalysis = {
    search,
    parse,
    ast,
    facts: ast ? splFacts(ast) : null,
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
