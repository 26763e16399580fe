import { defineCheck } from '../engine/check.js';
import { sigmaDocOf } from './sigma/pysigma-doc.js';

const MAX_TITLE = 256;

export default defineCheck({
  meta: {
    id: 'sigma-title-length',
    description: 'A title longer than 256 characters.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['sigma'],
    docs: `Reports a \`title\` longer than 256 characters, the maximum of the Sigma specification.

pySigma refuses to load such a rule (SigmaTitleError). A title that long is usually a description pasted into the wrong key: keep the title to what the rule detects and move the rest to \`description\`.`,
  },
  check(rule, context) {
    const title = sigmaDocOf(rule)?.title;
    if (title && title.value.length > MAX_TITLE) {
      context.report({ message: `the title has ${title.value.length} characters, more than ${MAX_TITLE}`, loc: title.loc });
    }
  },
});
