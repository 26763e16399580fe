import { defineCheck } from '../engine/check.js';
import { splunkDocOf, statusOf, typeOf, valueAt } from './splunk/splunk-doc.js';

export default defineCheck({
  meta: {
    id: 'splunk-tests-missing',
    description: 'A production Splunk detection has no test, and is neither a Correlation nor tagged `manual_test`.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['splunk'],
    docs: `contentctl requires at least one entry under \`tests\` for every production detection, except Correlation detections (which contentctl cannot test) and detections whose \`tags.manual_test\` explains why they are tested by hand. Each test replays \`attack_data\` (a log file with its \`source\` and \`sourcetype\`) into a Splunk instance and expects the detection to fire on it; a production detection without one has never been shown to work.

Add a test with attack data that triggers the detection (Splunk's attack_data repository has many), or set \`tags.manual_test\` with the reason. The shape of each test is \`splunk-schema\`'s to check.`,
  },
  check(rule, context) {
    const doc = splunkDocOf(rule);
    if (!doc || statusOf(doc) !== 'production' || typeOf(doc) === 'Correlation') return;
    const manual = valueAt(doc.data, ['tags', 'manual_test']);
    if (manual !== undefined && manual !== null) return;
    const tests = valueAt(doc.data, ['tests']);
    if (Array.isArray(tests) ? tests.length > 0 : tests !== undefined && tests !== null) return;
    const loc = doc.locateKey(['tests']) ?? rule.titleLoc;
    context.report({ message: 'a production detection needs at least one test (or tags.manual_test saying why it is tested by hand)', loc });
  },
});
