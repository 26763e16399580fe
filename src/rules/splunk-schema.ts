import { defineCheck } from '../engine/check.js';
import { splunkSchemaProblems } from './splunk/detection-schema.js';
import { splunkDocOf } from './splunk/splunk-doc.js';

export default defineCheck({
  meta: {
    id: 'splunk-schema',
    description: 'A Splunk detection lacks a key contentctl requires, or has a value of the wrong type or shape.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['splunk'],
    docs: `Validates each detection against \`rules-schema/splunk-detection.schema.json\`, written after contentctl's pydantic models (\`Detection\`, \`DetectionTags\`, \`Observable\`, \`Drilldown\`, \`UnitTest\`, and contentctl 5's \`rba\`): the keys contentctl requires (\`name\`, \`id\`, \`version\`, \`date\`, \`author\`, \`type\`, \`status\`, \`description\`, \`search\`, \`how_to_implement\`, \`known_false_positives\`, \`tags\` with \`analytic_story\`, \`asset_type\`, \`product\`, \`security_domain\`), the type of every value (a list where contentctl wants a list, an integer where it wants one), and the shape of nested entries: each drilldown has \`name\`, \`search\`, \`earliest_offset\` and \`latest_offset\`; each test has \`name\` and \`attack_data\` entries with \`data\`, \`source\` and \`sourcetype\`; \`references\` are http(s) URLs; \`cve\` entries are CVE ids; \`atomic_guid\` entries are GUIDs.

Two formats are accepted, as two contentctl versions accept them. Without an \`rba:\` block (contentctl 4, and the security_content corpus lint-rule ships with), \`tags\` must also carry \`confidence\`, \`impact\`, \`message\` and \`required_fields\`. With an \`rba:\` block (contentctl 5), \`rba\` needs \`message\`, \`risk_objects\` (at least one, each with \`field\`, \`type\` and \`score\`) and \`threat_objects\`, and the old risk keys in \`tags\` are rejected. Keys contentctl does not know are allowed.

Each error is reported at the node it concerns: a missing key at the map that lacks it, a wrong value at the value. Values with a check of their own — \`type\`, \`status\`, \`id\`, \`date\`, \`version\`, the name's length, \`how_to_implement\`, \`known_false_positives\`, \`asset_type\`, \`product\`, \`security_domain\`, observables, risk scores, technique ids, drilldown names, \`enabled_by_default\` — are left to those checks (\`splunk-type-invalid\` …), which say more; so is a missing \`search\`, which the Splunk parser reports as \`splunk-search-syntax\`. contentctl refuses to build an app from a detection with any of these errors.`,
  },
  check(rule, context) {
    const doc = splunkDocOf(rule);
    if (!doc) return;
    for (const p of splunkSchemaProblems(doc)) context.report({ message: p.message, loc: p.loc });
  },
});
