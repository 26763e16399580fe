import { defineCheck } from '../engine/check.js';

const TRADEMARKS = ['MITRE ATT&CK', 'ATT&CK'];

export default defineCheck({
  meta: {
    id: 'sigmahq-trademark',
    description: 'The "ATT&CK" trademark written in a rule.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    docs: `MITRE's trademark terms ask that "ATT&CK" be used with its ® mark and attribution; SigmaHQ keeps it out of rule files altogether (write "MITRE ATTACK", or use a tag). Every occurrence in the file is reported, as SigmaHQ's \`test_legal_trademark_violations\` reads the whole file; the \`sigmahq_trademark\` validator checks the title only.`,
  },
  check(rule, context) {
    // The whole file is scanned for each of its rules; the linter drops the repeated messages.
    if (rule.vendor !== 'sigma') return;
    const text = rule.source.text;
    let from = 0;
    for (;;) {
      const at = text.indexOf('ATT&CK', from);
      if (at < 0) return;
      const start = text.startsWith('MITRE ', at - 6) ? at - 6 : at;
      context.report({ message: `trademark '${TRADEMARKS.find((t) => text.startsWith(t, start)) ?? 'ATT&CK'}' in the rule: write 'ATTACK' or use an attack.* tag`, loc: rule.source.location({ start, end: at + 6 }) });
      from = at + 6;
    }
  },
});

