import { defineCheck } from '../engine/check.js';
import type { Vendor } from '../model/rule.js';

const HOW: Record<Vendor, string> = {
  sigma: 'add a tag such as `attack.t1059.001` (and its tactic, e.g. `attack.execution`)',
  elastic: 'add a [[rule.threat]] block with the technique under its tactic',
  splunk: 'add the technique id to tags.mitre_attack_id',
};

export default defineCheck({
  meta: {
    id: 'technique-missing',
    description: 'The rule names no ATT&CK technique.',
    defaultSeverity: 'warn',
    recommended: true,
    docs: `A rule without a technique cannot be found by technique, is left out of coverage maps (\`lint-rule gaps\`, ATT&CK Navigator layers) and cannot be compared with the corpus rules for the same technique, so the corpus-aware checks stay silent on it.

**Fix:** name the technique the rule detects: a Sigma tag \`attack.t1059.001\`, an Elastic \`[[rule.threat]]\` block, or a Splunk \`tags.mitre_attack_id\` entry.`,
  },
  check(rule, context) {
    if (rule.techniques.length > 0 || rule.meta) return;
    context.report({ message: `no ATT&CK technique: ${HOW[rule.vendor]}`, loc: rule.titleLoc });
  },
});
