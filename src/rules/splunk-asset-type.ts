import { defineCheck } from '../engine/check.js';
import { ASSET_TYPES } from './splunk/contentctl-values.js';
import { enumProblem } from './splunk/enum-value.js';
import { splunkDocOf, valueAt } from './splunk/splunk-doc.js';

export default defineCheck({
  meta: {
    id: 'splunk-asset-type',
    description: 'A Splunk detection\'s `tags.asset_type` is not one of contentctl\'s asset types.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['splunk'],
    docs: `Reports a \`tags.asset_type\` that is not one of the ${ASSET_TYPES.length} asset types of contentctl's \`AssetType\` enum (\`Endpoint\`, \`Network\`, \`AWS Account\`, \`O365 Tenant\`, \`Web Server\`, …), written exactly so. The message names the closest value when there is one.

The asset type says what kind of asset the detection watches; contentctl writes it into the app's metadata and refuses any other value.`,
  },
  check(rule, context) {
    const doc = splunkDocOf(rule);
    // A list here is splunk-schema's to report: asset_type is one value.
    const field = doc && !Array.isArray(valueAt(doc.data, ['tags', 'asset_type'])) ? doc.tags.assetType[0] : undefined;
    if (!field) return;
    const problem = enumProblem(field.value, ASSET_TYPES, 'asset_type');
    if (problem) context.report({ message: problem, loc: field.loc });
  },
});
