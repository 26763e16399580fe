import { defineCheck } from '../engine/check.js';
import { elasticDocOf } from './elastic/elastic-doc.js';

const INVESTIGATING = '### Investigating';

/** Whether some `### Investigating` of the note is followed, after white space, by the name (any case). */
function titledWith(note: string, name: string): boolean {
  const lowerName = name.toLowerCase();
  for (let at = note.indexOf(INVESTIGATING); at >= 0; at = note.indexOf(INVESTIGATING, at + 1)) {
    let i = at + INVESTIGATING.length;
    if (!/\s/.test(note[i] ?? '')) continue;
    while (/\s/.test(note[i] ?? '')) i++;
    if (note.slice(i, i + name.length).toLowerCase() === lowerName) return true;
  }
  return false;
}

export default defineCheck({
  meta: {
    id: 'elastic-note-title',
    description: 'An Elastic investigation guide whose "### Investigating" title is not the rule name.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['elastic'],
    docs: `An investigation guide opens with \`### Investigating <rule name>\`, so an analyst who lands on it from an alert knows it is the right guide. detection-rules' CI (\`test_investigation_guide_uses_rule_name\`) fails on a note with a \`### Investigating\` heading not followed by the rule's \`name\` (compared case-insensitively). The usual cause is a rule renamed without its guide, or a guide copied from another rule.

**Fix:** make the title \`### Investigating\` followed by the current rule name.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    const note = doc?.rule.note;
    const name = doc?.rule.name?.value;
    if (!doc || !note || name === undefined) return;
    const at = note.value.indexOf(INVESTIGATING);
    if (at < 0) return;
    if (titledWith(note.value, name)) return;
    const end = note.value.indexOf('\n', at);
    const line = note.value.slice(at, end < 0 ? note.value.length : end);
    const loc = doc.embedded(['rule', 'note'])?.locate({ start: at, end: at + line.length }) ?? note.loc;
    context.report({ message: `the guide's title "${line.trim()}" should be "${INVESTIGATING} ${name}"`, loc });
  },
});
