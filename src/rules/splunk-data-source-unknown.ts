import { defineCheck } from '../engine/check.js';
import { contentFoldersOf } from '../parse/splunk/content-folders.js';
import { loadDataSources } from '../parse/splunk/data-sources.js';
import { splunkDocOf } from './splunk/splunk-doc.js';

export default defineCheck({
  meta: {
    id: 'splunk-data-source-unknown',
    description: 'A Splunk detection\'s `data_source` names a data source the data_sources folder does not define.',
    defaultSeverity: 'warn',
    recommended: true,
    vendors: ['splunk'],
    docs: `Each entry of \`data_source\` names a security_content data source object (\`data_sources/*.yml\`): \`Sysmon EventID 1\`, \`Windows Event Log Security 4688\`, \`CrowdStrike ProcessRollup2\`. An entry may join several with \` AND \` (a detection that joins two sources). contentctl maps each name to its object — which supplies the source, sourcetype, add-on and fields the detection's tests and documentation use — and warns about names it cannot find, usually a typo or a data source not yet written.

lint-rule reads the \`data_sources/\` folder beside the \`detections/\` folder the detection is filed under; without one nothing is reported. Names are compared ignoring case, as lint-rule's data source lookup does. A warning, as in contentctl.`,
  },
  check(rule, context) {
    const doc = splunkDocOf(rule);
    if (!doc || doc.dataSource.length === 0) return;
    const dir = contentFoldersOf(rule.file).dataSources;
    if (!dir) return;
    const table = loadDataSources(dir);
    for (const entry of doc.dataSource) {
      const missing = entry.value.split(' AND ').map((s) => s.trim()).filter((s) => s !== '' && !table.get(s));
      if (missing.length === 0) continue;
      context.report({ message: `no data source named ${missing.map((m) => `'${m}'`).join(' or ')} in data_sources/`, loc: entry.loc });
    }
  },
});
