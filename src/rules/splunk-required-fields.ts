import { defineCheck } from '../engine/check.js';
import type { SplunkDetectionDocument } from '../parse/splunk/document.js';
import { datasetPrefixOf } from '../parse/splunk/field-names.js';
import { splunkSearchOf } from '../parse/splunk/search-analysis.js';
import { fieldsReadFromEvents } from '../parse/splunk/search-fields.js';

interface Options {
  unused: boolean;
  missing: boolean;
}

/** Fields every event has: listing them or not says nothing about the detection. */
const DEFAULT_FIELDS: ReadonlySet<string> = new Set(['index', 'source', 'sourcetype', 'host', 'eventtype', 'tag', 'splunk_server', 'linecount', 'punct', 'nodename']);

/** `Processes.process_name` and `process_name` (after drop_dm_object_name) are one field. */
function bare(name: string): string {
  const p = datasetPrefixOf(name);
  return p ? name.slice(p.length + 1) : name;
}

function isImplicit(name: string): boolean {
  // A bare `null` in eval (`if(c, x, null)`) is the idiom for a null value, not a field anyone extracts.
  return name.startsWith('_') || name === 'null' || DEFAULT_FIELDS.has(name);
}

export default defineCheck<Options>({
  meta: {
    id: 'splunk-required-fields',
    description: '`required_fields` lists a field the search never uses, or the search reads a field `required_fields` omits.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['splunk'],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        unused: { type: 'boolean', description: 'Report required fields the search never uses' },
        missing: { type: 'boolean', description: 'Report fields the search reads from its events that required_fields omits' },
      },
    },
    defaultOptions: { unused: true, missing: true },
    docs: `security_content lists under \`required_fields\` (in \`tags:\` in the corpus lint-rule ships with, at the top level in newer drafts) the fields a detection needs from its data: it tells whoever deploys it which fields their add-ons must extract. The list drifts from the search as the search is edited. Two problems are reported:

- a listed field the search never uses, anywhere in the search (macros expanded): at the list entry;
- a field the search reads from its events — in its filters, its \`tstats\`/\`stats\` \`by\` fields and aggregated fields, up to the first aggregation — that the list omits: at its first use. Fields the search creates before that point (\`eval\`, \`rex\`, \`rename\`, lookups), fields that come only from macros, internal fields (\`_time\`) and Splunk's default fields (\`index\`, \`source\`, \`sourcetype\`, \`host\`) are not required.

\`Processes.process_name\` and \`process_name\` count as the same field (the dataset prefix is dropped by \`drop_dm_object_name\`). Detections without \`required_fields\` are not checked. Off in \`recommended\` (the corpus keeps the lists loosely: over 40% of its detections list a field their search does not use, and nearly half omit one it reads); on in \`strict\`.

**Options:** \`unused\` (default true), \`missing\` (default true).`,
  },
  check(rule, context) {
    const analysis = splunkSearchOf(rule);
    const required = (rule.doc as SplunkDetectionDocument).requiredFields;
    if (!analysis?.ast || !analysis.facts || required.length === 0) return;
    if (analysis.parse.expansion.unknown.length > 0 || analysis.parse.errors.length > 0) return;
    const listed = new Set(required.map((r) => bare(r.value)));
    if (context.options.unused) {
      const used = new Set<string>();
      for (const r of analysis.facts.fieldRefs) used.add(bare(r.name));
      for (const o of analysis.facts.outputFields) used.add(bare(o.name));
      for (const r of required) {
        if (isImplicit(r.value) || used.has(bare(r.value))) continue;
        context.report({ message: `required_fields lists "${r.value}", which the search never uses`, loc: r.loc });
      }
    }
    if (context.options.missing) {
      const reported = new Set<string>();
      for (const ref of fieldsReadFromEvents(analysis.ast)) {
        const name = bare(ref.name);
        if (isImplicit(ref.name) || listed.has(name) || reported.has(name) || analysis.fromMacro(ref.span)) continue;
        reported.add(name);
        context.report({ message: `the search reads "${ref.name}" from its events, but required_fields does not list it`, loc: analysis.locate(ref.span) });
      }
    }
  },
});
