import { defineCheck } from '../engine/check.js';
import { splunkDocOf } from './splunk/splunk-doc.js';

export default defineCheck({
  meta: {
    id: 'splunk-version-invalid',
    description: 'A Splunk detection\'s `version` is not a whole number of at least 1.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['splunk'],
    docs: `Reports a \`version\` that is not a whole number of at least 1: \`0\`, \`-1\`, \`1.5\`, \`'2'\` (quoted), \`v2\`.

The version is the detection's revision: security_content starts at 1 and raises it with every change, contentctl writes it into the app (\`detection_version\`) and Enterprise Security uses it to tell an updated detection from the installed one. contentctl rejects a value that is not an integer; lint-rule also rejects 0, which no revision has, and a quoted number, which only Python's lenient parsing turns into one.`,
  },
  check(rule, context) {
    const doc = splunkDocOf(rule);
    const v = doc?.data.version;
    const loc = doc?.locate(['version']);
    // A missing version, or a map or list, is splunk-schema's to report.
    if (!loc || (typeof v !== 'number' && typeof v !== 'string' && typeof v !== 'boolean')) return;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1) return;
    const shown = typeof v === 'string' ? `'${v}'` : String(v);
    const why = typeof v === 'string' ? (/^\d+$/.test(v.trim()) ? 'is quoted: write it as a number' : 'is not a number')
      : typeof v === 'boolean' ? 'is not a number' : Number.isInteger(v) ? 'must be at least 1' : 'is not a whole number';
    context.report({ message: `version ${shown} ${why}`, loc });
  },
});
