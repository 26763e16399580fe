import { defineCheck } from '../engine/check.js';
import { sigmaDocOf } from './sigma/pysigma-doc.js';

const STANDARD = new Set(['product', 'category', 'service', 'definition']);

export default defineCheck({
  meta: {
    id: 'sigma-logsource-custom-attribute',
    description: 'A `logsource` key other than product, category, service and definition (pySigma fieldname_logsource).',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['sigma'],
    docs: `Reports keys under \`logsource\` other than \`product\`, \`category\`, \`service\` and \`definition\`.

Backends and processing pipelines select log data by product, category and service only; any other key is ignored, so a rule relying on it matches more than its author meant. It is also often a typo (\`categroy\`, \`prodcut\`). Move the information into \`definition\` or fix the key. pySigma identifier: \`fieldname_logsource\`.`,
  },
  check(rule, context) {
    const doc = sigmaDocOf(rule);
    const ls = doc?.data.logsource;
    if (!doc || !ls || typeof ls !== 'object' || Array.isArray(ls)) return;
    for (const key of Object.keys(ls)) {
      if (STANDARD.has(key)) continue;
      const loc = doc.locateKey(['logsource', key]);
      if (loc) context.report({ message: `logsource key '${key}' is not product, category, service or definition: backends ignore it`, loc });
    }
  },
});
