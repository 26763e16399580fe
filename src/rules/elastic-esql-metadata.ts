import { defineCheck } from '../engine/check.js';
import { elasticDocOf } from './elastic/elastic-doc.js';
import { esqlTree } from '../parse/elastic/query-trees.js';

const REQUIRED = ['_id', '_version', '_index'] as const;

export default defineCheck({
  meta: {
    id: 'elastic-esql-metadata',
    description: 'A non-aggregating ES|QL rule whose FROM lacks METADATA _id, _version, _index.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['elastic'],
    docs: `An ES|QL rule that returns events (no \`STATS … BY\`) must return their \`_id\`, \`_version\` and \`_index\`: Kibana uses them to tell the events apart, so that a second run over an overlapping window does not raise the same alert again, and to link each alert to its source document. Without them every run re-alerts on the same events. detection-rules refuses such rules (\`validates_esql_data\`):

\`\`\`
FROM logs-endpoint.events.process-* METADATA _id, _version, _index
| WHERE …
\`\`\`

A query that aggregates with \`STATS … BY\` returns groups, not events, and needs no metadata.

**Fix:** add \`METADATA _id, _version, _index\` to the \`FROM\` command.`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    const q = doc?.rule.query;
    const tree = doc ? esqlTree(doc) : undefined;
    const first = tree?.commands[0];
    if (!q || !tree || first?.kind !== 'from') return;
    if (tree.commands.some((c) => c.kind === 'stats' && c.groupings.length > 0)) return;
    const have = new Set(first.metadata.map((f) => f.name.toLowerCase()));
    const missing = REQUIRED.filter((m) => !have.has(m));
    if (missing.length === 0) return;
    const firstField = first.metadata[0];
    const lastField = first.metadata[first.metadata.length - 1];
    const where = firstField && lastField ? { start: firstField.span.start, end: lastField.span.end } : first.nameSpan;
    context.report({
      message: `a non-aggregating ES|QL rule needs FROM … METADATA _id, _version, _index (missing ${missing.join(', ')}), or a STATS … BY`,
      loc: q.embedded.locate(where),
    });
  },
});
