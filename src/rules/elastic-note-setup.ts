import { defineCheck } from '../engine/check.js';
import type { Location, Span } from '../model/location.js';
import type { EmbeddedText } from '../parse/embedded.js';
import { elasticDocOf, ruleString } from './elastic/elastic-doc.js';
import { noteHeadings } from './elastic/note-headings.js';

export default defineCheck({
  meta: {
    id: 'elastic-note-setup',
    description: 'An Elastic rule whose note has a misplaced or mis-written Setup section.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['elastic'],
    docs: `Setup instructions (which integration to install, which audit policy to turn on) go in the rule's \`setup\` field, which Kibana shows on its own tab; older rules kept them in the \`note\` under a \`## Setup\` heading, and detection-rules moves that section into \`setup\` when it builds packages. Its schema validation (\`validate_note\`) refuses:

- a Setup heading at a level other than 2 (\`### Setup\`), or written in another case (\`## setup\`, \`## SETUP\`);
- a level-2 heading with "config" in it (\`## Configuration\`): configuration belongs under \`## Setup\`;
- a \`## Setup\` section in the note when the rule also has a \`setup\` field: one of them would be lost.

Headings inside fenced code blocks do not count.

**Fix:** move the setup text into \`setup\` and delete the section from the note.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    const note = doc?.rule.note;
    if (!doc || !note) return;
    const headings = noteHeadings(note.value);
    if (headings.length === 0) return;
    // Aligning a long note with the file is the costly part: done only when there is something to report.
    let embedded: EmbeddedText | undefined;
    const locate = (span: Span): Location => (embedded ??= doc.embedded(['rule', 'note']))?.locate(span) ?? note.loc;
    let setupHeading: Span | undefined;
    for (const h of headings) {
      if (h.text.toLowerCase() === 'setup') {
        if (h.level !== 2) context.report({ message: `the Setup heading must be level 2 (## Setup), not level ${h.level}`, loc: locate(h.span) });
        else if (h.text !== 'Setup') context.report({ message: `the Setup heading must be written "## Setup", not "## ${h.text}"`, loc: locate(h.span) });
        setupHeading ??= h.span;
      } else if (h.level === 2 && h.text.toLowerCase().includes('config')) {
        context.report({ message: `"## ${h.text}": configuration belongs under ## Setup, not in a level-2 heading of its own`, loc: locate(h.span) });
      }
    }
    const setup = ruleString(doc, 'setup');
    if (setupHeading && setup && setup.value !== 'None') {
      context.report({ message: 'the note has a Setup section and the rule has a setup field; keep the setup text in the setup field only', loc: locate(setupHeading) });
    }
  },
});
