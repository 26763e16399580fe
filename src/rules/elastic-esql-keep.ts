import { defineCheck } from '../engine/check.js';
import { elasticDocOf } from './elastic/elastic-doc.js';
import { esqlTree } from '../parse/elastic/query-trees.js';

/** A KEEP anywhere, for queries whose commands the parser nests (FORK branches). */
const KEEP_TEXT = /\|\s*keep\b/i;

export default defineCheck({
  meta: {
    id: 'elastic-esql-keep',
    description: 'An ES|QL rule whose query has no KEEP command.',
    defaultSeverity: 'warn',
    recommended: false,
    vendors: ['elastic'],
    docs: `Every column an ES|QL rule returns is copied into its alerts. Without a \`KEEP\`, a query over \`logs-*\` returns every field of every matching document, and the alerts are as large and as hard to read. detection-rules' schema refuses ES|QL rules without a \`| KEEP …\` command (\`validates_esql_data\`).

The message is placed on the last command of the query, where the \`KEEP\` usually goes.

**Fix:** end the query with \`| KEEP\` and the fields an analyst needs (with \`_id\`, \`_version\`, \`_index\` for non-aggregating rules).`,
  },
  check(rule, context) {
    const doc = elasticDocOf(rule);
    const q = doc?.rule.query;
    const tree = doc ? esqlTree(doc) : undefined;
    const last = tree?.commands[tree.commands.length - 1];
    if (!q || !tree || !last) return;
    if (tree.commands.some((c) => c.kind === 'keep')) return;
    if (tree.commands.some((c) => c.kind === 'fork') && KEEP_TEXT.test(q.embedded.text)) return;
    context.report({ message: 'an ES|QL rule should end with a KEEP of the fields its alerts need', loc: q.embedded.locate(last.nameSpan) });
  },
});
