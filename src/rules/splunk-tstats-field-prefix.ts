import { defineCheck } from '../engine/check.js';
import { datasetPrefixOf } from '../parse/splunk/field-names.js';
import { splunkSearchOf } from '../parse/splunk/search-analysis.js';
import { tstatsWhereFields } from '../parse/splunk/search-fields.js';
import type { TstatsCommand } from '../parse/splunk/spl-ast.js';

/** Fields tstats knows outside any dataset: index-time fields and the dataset selector. */
const UNPREFIXED_OK: ReadonlySet<string> = new Set(['nodename', 'host', 'source', 'sourcetype', 'index', 'splunk_server', 'eventtype', 'tag']);

/** The prefix the command's own qualified fields use most, else its dataset (or model) name. */
function prefixFor(cmd: TstatsCommand): string {
  const counts = new Map<string, number>();
  const words = [...cmd.by, ...cmd.aggregations.flatMap((a) => (a.field ? [a.field] : []))];
  for (const w of words) {
    const p = datasetPrefixOf(w.text);
    if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  let best: string | undefined;
  let n = 0;
  for (const [p, c] of counts) if (c > n) [best, n] = [p, c];
  return best ?? cmd.datamodel?.dataset ?? cmd.datamodel?.model ?? '';
}

export default defineCheck({
  meta: {
    id: 'splunk-tstats-field-prefix',
    description: 'A datamodel field without its dataset prefix in a tstats `where` clause: it matches nothing.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['splunk'],
    fixable: true,
    docs: `In \`| tstats … from datamodel=Endpoint.Processes where …\` every datamodel field is named with its dataset: \`Processes.process_name\`, not \`process_name\`. tstats reads the accelerated summary, whose columns carry the prefix; a bare name is not a column, so the comparison is never true (and under \`NOT\`, always true) and the detection silently finds nothing. The bare names only exist after \`\` | \`drop_dm_object_name(Processes)\` \`\`, which runs after tstats.

The message names the prefixed field; \`--fix\` adds the prefix the command's other fields use (or the dataset's name). Internal fields (\`_time\`), \`nodename\` and index-time fields (\`host\`, \`source\`, \`sourcetype\`, \`index\`) need no prefix. A bare field that comes from a macro is reported at the macro call and not fixed.`,
  },
  check(rule, context) {
    const analysis = splunkSearchOf(rule);
    if (!analysis?.ast) return;
    for (const f of tstatsWhereFields(analysis.ast)) {
      if (f.name.includes('.') || f.name.startsWith('_') || UNPREFIXED_OK.has(f.name.toLowerCase())) continue;
      const prefix = prefixFor(f.command);
      if (prefix === '') continue;
      const model = f.command.datamodel;
      const dm = model ? (model.dataset ? `${model.model}.${model.dataset}` : model.model) : 'the data model';
      const inMacro = analysis.fromMacro(f.span);
      const loc = analysis.locate(f.span);
      const message = `"${f.name}" has no dataset prefix in the tstats where clause over ${dm}: write "${prefix}.${f.name}"${inMacro ? ' (the field comes from a macro)' : ''}`;
      if (inMacro) {
        context.report({ message, loc });
        continue;
      }
      const at = analysis.search.fileOffset(analysis.parse.expansion.toOriginal(f.span.start));
      context.report({ message, loc, fix: { range: [at, at], text: `${prefix}.` } });
    }
  },
});
