import { defineCheck } from '../engine/check.js';
import { sigmaDocOf } from './sigma/pysigma-doc.js';
import { validateSigmaDocument } from './sigma/pysigma-schema.js';

export default defineCheck({
  meta: {
    id: 'sigma-schema',
    description: 'A Sigma rule, correlation or filter that does not follow the JSON schema of the Sigma specification v2.1.0.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['sigma'],
    docs: `Validates each Sigma document against the JSON schema of its kind, shipped in \`rules-schema/\`: \`sigma-rule.schema.json\` (detection rules), \`sigma-correlation.schema.json\` (correlation rules) and \`sigma-filter.schema.json\` (global filters), written after the Sigma specification v2.1.0. \`condition\` may be a string or a list of strings; keys outside the specification are custom attributes and allowed.

Each error is reported at the node it concerns: a missing required key at the key of the map that lacks it (\`detection: missing required key 'condition'\`), a wrong value at the value, an unknown key at that key. Tools that read Sigma (pySigma, SIEM importers, the SigmaHQ site) reject or silently misread documents of another shape.

To keep one message per problem, errors that another check reports at the same node are left to it: bad \`status\`, \`level\`, \`id\`, \`date\`, \`modified\` values and over-long titles (the \`sigma-*-invalid\` and \`sigma-title-length\` checks), tag format and repeated tags or references, and the condition and detection-item structure the parser reports.`,
  },
  check(rule, context) {
    const doc = sigmaDocOf(rule);
    if (!doc) return;
    for (const p of validateSigmaDocument(doc)) context.report({ message: p.message, loc: p.loc });
  },
});
