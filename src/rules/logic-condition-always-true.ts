import { defineCheck } from '../engine/check.js';
import { alwaysTrue, ruleLogic } from './logic-analysis.js';

export default defineCheck({
  meta: {
    id: 'logic-condition-always-true',
    description: 'A detection condition that is true for every event.',
    defaultSeverity: 'error',
    recommended: true,
    docs: `A condition such as \`selection or not selection\`, \`Image: null or Image|exists: true\`, or a keyword that every record contains (\`'*'\`, an empty string) matches every event: the rule fires on all of its telemetry. It is usually an inverted filter (\`or not\` where \`and not\` was meant).

Only certain tautologies are reported: an OR holding a part and its negation, a field both null and not null, an AND of tautologies, and the negation of a contradiction (see \`logic-selection-never-matches\`). With a list of conditions, each is checked on its own.`,
  },
  check(rule, context) {
    const logic = ruleLogic(rule);
    if (!logic) return;
    if (alwaysTrue(logic)) context.report({ message: 'the condition is always true: the rule matches every event of its logsource', loc: rule.detectionLoc });
  },
});
