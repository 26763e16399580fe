import { defineCheck } from '../engine/check.js';

export default defineCheck({
  meta: {
    id: 'splunk-search-syntax',
    description: 'The SPL `search` of a Splunk detection has a syntax error (or is missing).',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['splunk'],
    reportedByParser: true,
    docs: `Reported by the Splunk parser when the detection's \`search\` cannot be parsed: an unclosed quote, parenthesis, bracket or macro backtick, a \`field IN\` without its list, an operator without a value, a \`where\` or \`eval\` expression that does not parse, a macro that expands into itself. The position is the line and column in the YAML file, through any quoting and block folding of the \`search\` string; an error inside a macro's expansion points at the macro call.

The rest of the detection is still linted (techniques, data sources, the part of the search that parsed). A search Splunk would reject never runs, so this is an error.`,
  },
});
