import { defineCheck } from '../engine/check.js';
import { filterMacroUse } from './splunk/filter-macro.js';

export default defineCheck({
  meta: {
    id: 'splunk-filter-macro-position',
    description: 'A Splunk detection\'s `<name>_filter` macro is not the last command of its search.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['splunk'],
    docs: `Reports a detection whose filter macro (\`\` \`<file name>_filter\` \`\`, see \`splunk-filter-macro\`) is followed by more of the search.

The macro is where a customer tunes out false positives: they write \`search NOT user=svc_backup\` into it, expecting to filter the detection's results as the alert shows them. Commands after it change those results — a \`stats\` regroups them, a \`where\` or \`search\` drops some, an \`eval\` or \`rename\` changes the fields — so the filter has to be written against intermediate fields the customer never sees, and a field it names may no longer exist where it runs. security_content puts the macro last; contentctl only checks that it is there, so this check is lint-rule's own.`,
  },
  check(rule, context) {
    const use = filterMacroUse(rule);
    if (!use?.call) return;
    const after = use.search.text.slice(use.call.end);
    if (after.trim() === '') return;
    const next = after.trim().replace(/\s+/g, ' ');
    const shown = next.length > 40 ? `${next.slice(0, 40)}…` : next;
    context.report({ message: `the filter macro \`${use.expected}\` is not the last command of the search: '${shown}' follows it`, loc: use.search.locate(use.call) });
  },
});
