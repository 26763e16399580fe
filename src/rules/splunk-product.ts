import { defineCheck } from '../engine/check.js';
import { PRODUCTS } from './splunk/contentctl-values.js';
import { enumProblem } from './splunk/enum-value.js';
import { splunkDocOf, valueAt } from './splunk/splunk-doc.js';

export default defineCheck({
  meta: {
    id: 'splunk-product',
    description: 'A Splunk detection\'s `tags.product` is empty or names a product contentctl does not know.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['splunk'],
    docs: `Reports an empty \`tags.product\` list and each entry that is not one of contentctl's product names: ${PRODUCTS.map((p) => `\`${p}\``).join(', ')}, written exactly so.

The products say where the detection runs; contentctl requires at least one and refuses other names. A single product written as a string instead of a list is \`splunk-schema\`'s to report.`,
  },
  check(rule, context) {
    const doc = splunkDocOf(rule);
    const list = doc ? valueAt(doc.data, ['tags', 'product']) : undefined;
    if (!doc || !Array.isArray(list)) return;
    if (list.length === 0) {
      const loc = doc.locateKey(['tags', 'product']);
      if (loc) context.report({ message: 'tags.product is empty: name at least one product (Splunk Enterprise, Splunk Enterprise Security, Splunk Cloud …)', loc });
      return;
    }
    for (const p of doc.tags.product) {
      const problem = enumProblem(p.value, PRODUCTS, 'product');
      if (problem) context.report({ message: problem, loc: p.loc });
    }
  },
});
