import { defineCheck } from '../engine/check.js';
import type { SigmaDocument } from '../parse/sigma/document-types.js';

/** Words that are no false-positive reason: a rule with none should say "Unknown" or list real causes. */
const BANNED = new Set(['none', 'pentest', 'penetration']);
const TYPOS: Readonly<Record<string, string>> = { unkown: 'Unknown', unknow: 'Unknown', ligitimate: 'Legitimate', legitimeate: 'Legitimate' };

export default defineCheck({
  meta: {
    id: 'sigmahq-falsepositive-wording',
    description: 'A falsepositives entry that starts in lower case, names no reason (None, pentest) or has a common typo.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['sigma'],
    docs: `\`falsepositives\` tells the analyst what benign activity can trigger the rule. SigmaHQ asks that each entry start with a capital letter, that it name a cause ("None" is never true, and a penetration test is the rule working, not a false positive), and catches the usual typos (unkown, ligitimate, legitimeate).

SigmaHQ's \`sigmahq_falsepositives_capital\`, \`sigmahq_falsepositives_banned_word\` and \`sigmahq_falsepositives_typo_word\`.`,
  },
  check(rule, context) {
    if (rule.vendor !== 'sigma') return;
    for (const fp of (rule.doc as SigmaDocument).falsepositives) {
      const text = fp.value;
      const first = text[0];
      if (first !== undefined && first.toUpperCase() !== first) context.report({ message: `false positive '${text}' should start with a capital letter`, loc: fp.loc });
      for (const word of text.split(' ')) {
        const w = word.trim().toLowerCase();
        if (BANNED.has(w)) context.report({ message: `'${word}' is not a false-positive reason${w === 'none' ? ": write 'Unknown' or name the benign activity" : ': a penetration test is a true positive'}`, loc: fp.loc });
        const fix = TYPOS[w];
        if (fix) context.report({ message: `typo '${word}' in false positive (${fix})`, loc: fp.loc });
      }
    }
  },
});
