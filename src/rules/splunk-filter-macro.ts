import { defineCheck } from '../engine/check.js';
import { filterMacroUse } from './splunk/filter-macro.js';
import { splunkDocOf } from './splunk/splunk-doc.js';

export default defineCheck({
  meta: {
    id: 'splunk-filter-macro',
    description: 'A Splunk detection\'s search does not call the `<name>_filter` macro contentctl requires.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['splunk'],
    fixable: true,
    docs: `Every security_content detection ends its search with its own filter macro, \`\` \`<file name>_filter\` \`\`: the file name stem derived from the detection's \`name\` (lower case, spaces, \`-\`, \`.\` and \`/\` as \`_\`) followed by \`_filter\`. contentctl generates the macro as \`search *\`, and customers override it to tune out their false positives without editing the detection. contentctl refuses a detection whose search lacks the exact macro, without arguments.

When the search calls another \`*_filter\` macro — usually the old name after the detection was renamed — the problem is reported at that call, and \`--fix\` renames it. Otherwise it is reported at the search. Where the macro stands is \`splunk-filter-macro-position\`'s business.`,
  },
  check(rule, context) {
    const use = filterMacroUse(rule);
    if (!use || use.call) return;
    const stale = use.others.length === 1 ? use.others[0] : undefined;
    if (stale) {
      const span = use.search.fileSpan(stale.span);
      const nameStart = span.start + 1;
      context.report({
        message: `the search calls \`${stale.name}\`, but the detection's name asks for the filter macro \`${use.expected}\``,
        loc: use.search.locate(stale.span),
        // Only the name inside the backticks changes; a call written across escapes is left alone.
        ...(context.rule.source.text.slice(nameStart, nameStart + stale.name.length) === stale.name
          ? { fix: { range: [nameStart, nameStart + stale.name.length] as [number, number], text: use.expected } }
          : {}),
      });
      return;
    }
    const loc = splunkDocOf(rule)?.searchLoc ?? rule.detectionLoc;
    context.report({ message: `the search does not call the filter macro \`${use.expected}\` contentctl requires`, loc });
  },
});
