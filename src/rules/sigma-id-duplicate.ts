import { defineCheck } from '../engine/check.js';
import { sigmaDocOf } from './sigma/pysigma-doc.js';
import { placeList, reportDuplicates } from './sigma/pysigma-project.js';

export default defineCheck({
  meta: {
    id: 'sigma-id-duplicate',
    description: 'Two rules of the linted set share an `id` (pySigma identifier_uniqueness).',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['sigma'],
    docs: `Reports each rule whose \`id\` another rule of the same run also uses, and names the other file and line. Ids are compared case-insensitively, as UUIDs.

Tools key rules by id: a duplicate makes one rule replace the other in a converted rule set, breaks \`related\` links and correlations, and makes per-rule exclusions apply to the wrong rule. A copied rule needs a new id (and a \`related\` entry of type \`derived\` pointing at the original).

The check compares the files linted together, as \`sigma check\` does with the files it is given. pySigma identifier: \`identifier_uniqueness\`.`,
  },
  collect(rule) {
    const id = sigmaDocOf(rule)?.id;
    return id ? [{ key: id.value.toLowerCase(), loc: id.loc }] : undefined;
  },
  checkProject(context) {
    reportDuplicates(context, (e, others) => `id ${e.key} is also used by ${placeList(others)}`);
  },
});
