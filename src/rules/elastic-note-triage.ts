import { defineCheck } from '../engine/check.js';
import { elasticDocOf, isElasticAuthored, keyPlaceOf, ruleTable } from './elastic/elastic-doc.js';

export default defineCheck({
  meta: {
    id: 'elastic-note-triage',
    description: 'A high or critical Elastic rule whose note has no "## Triage and analysis" section.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['elastic'],
    docs: `Alerts of high and critical rules are the ones an analyst must act on first, and Elastic ships them with an investigation guide in \`note\`, under a \`## Triage and analysis\` heading (what the rule found, how to investigate, false positives, response). detection-rules' CI (\`test_note_contains_triage_and_analysis\`) fails on a high or critical rule whose \`author\` includes Elastic and whose note lacks that section. Building block rules and low and medium rules are not checked.

The heading compares case-insensitively.

**Fix:** write the guide under \`## Triage and analysis\`.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    if (!doc || !isElasticAuthored(doc) || ruleTable(doc).building_block_type !== undefined) return;
    const severity = doc.rule.severity?.value;
    if (severity !== 'high' && severity !== 'critical') return;
    const note = doc.rule.note;
    if (note?.value.toLowerCase().includes('## triage and analysis')) return;
    context.report({
      message: `a ${severity} rule needs an investigation guide under "## Triage and analysis" in its note`,
      loc: note ? note.keyLoc : keyPlaceOf(doc, ['rule', 'severity']),
    });
  },
});
