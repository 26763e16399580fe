import { defineCheck } from '../engine/check.js';

export default defineCheck({
  meta: {
    id: 'elastic-query-syntax',
    description: 'The query of an Elastic rule (KQL, EQL or ES|QL) has a syntax error.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['elastic'],
    reportedByParser: true,
    docs: `An Elastic rule whose query does not parse cannot be loaded into Kibana, and lint-rule cannot read its predicates: the corpus checks and \`field-unknown\` see nothing of its logic. The message names the language and what the parser expected, at the line and column in the TOML file (positions inside multi-line \`'''\` and \`"""\` strings map back to the file).

The rule still gets its techniques and the events its metadata names, so the ATT&CK checks still run.

Lucene queries are not parsed and never reported.`,
  },
});
