import { defineCheck } from '../engine/check.js';
import { DRILLDOWN_TIME_TOKENS } from './splunk/contentctl-values.js';
import { fieldPresence } from './splunk/field-presence.js';
import { splunkDocOf } from './splunk/splunk-doc.js';
import { textAt, tokensIn } from './splunk/yaml-text.js';

export default defineCheck({
  meta: {
    id: 'splunk-drilldown-field',
    description: 'A Splunk detection\'s drilldown names a `$field$` its search\'s results do not have.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['splunk'],
    docs: `A drilldown's \`name\` and \`search\` are filled in from the notable they are run from: \`$dest$\` becomes the \`dest\` value of the detection's result. A token naming a field the results do not have is never filled in — the drilldown searches for the literal text \`$dest$\` and finds nothing, or its link reads "View the detection results for $dest$" — usually because the search renamed the field (\`Processes.dest\` kept its prefix, \`host\` was not renamed to \`dest\`) or the drilldown was copied from another detection.

lint-rule follows the search's pipeline to the fields of its results: those of the last \`tstats\`, \`stats\` or \`table\`/\`fields\`, with what \`rename\`, \`eval\`, \`lookup\`, \`rex\`, \`join\` and similar commands change or add after it, macros expanded (\`drop_dm_object_name\` removes the data model prefix). Where it cannot list them (the search ends on raw events, or on a command whose output it does not know) it falls back to asking that the name appear in the search. \`$info_min_time$\` and \`$info_max_time$\` are Splunk's own tokens and always there.

lint-rule's own check: contentctl does not look inside drilldowns beyond their placeholder.`,
  },
  check(rule, context) {
    const doc = splunkDocOf(rule);
    if (!doc || doc.drilldownSearches.length === 0) return;
    const presence = fieldPresence(rule);
    if (!presence) return;
    doc.drilldownSearches.forEach((d, i) => {
      const texts = [textAt(doc, ['drilldown_searches', i, 'name']), d.search];
      const reported = new Set<string>();
      for (const text of texts) {
        if (!text) continue;
        for (const token of tokensIn(text)) {
          if (DRILLDOWN_TIME_TOKENS.has(token.name) || reported.has(token.name) || presence.exists(token.name)) continue;
          reported.add(token.name);
          context.report({ message: `drilldown token $${token.name}$ names no field of the detection's results: ${presence.why(token.name)}`, loc: token.loc });
        }
      }
    });
  },
});
