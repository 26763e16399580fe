import { defineCheck } from '../engine/check.js';

export default defineCheck({
  meta: {
    id: 'sigma-condition-syntax',
    description: 'A Sigma condition that does not parse.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['sigma'],
    reportedByParser: true,
    docs: `The condition is parsed with Sigma's full grammar (\`and\`, \`or\`, \`not\`, parentheses, \`1 of sel*\`, \`all of them\`). A syntax error is reported at its line and column in the file, and the rule's detection logic is left out of the corpus comparisons, since it cannot be read.`,
  },
});
