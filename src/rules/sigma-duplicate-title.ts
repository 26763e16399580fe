import { defineCheck } from '../engine/check.js';
import { sigmaDocOf } from './sigma/pysigma-doc.js';
import { placeList, reportDuplicates } from './sigma/pysigma-project.js';

export default defineCheck({
  meta: {
    id: 'sigma-duplicate-title',
    description: 'Two rules of the linted set share a title (pySigma duplicate_title).',
    defaultSeverity: 'warn',
    recommended: true,
    vendors: ['sigma'],
    docs: `Reports each rule whose \`title\` is exactly the title of another rule of the same run, naming the other file and line.

The title is what an analyst sees in an alert. Two rules with one title produce alerts that cannot be told apart and are easily mistaken for one rule when tuning. Make each title say what distinguishes its rule (the log source, the tool, the variant). pySigma identifier: \`duplicate_title\`.`,
  },
  collect(rule) {
    const title = sigmaDocOf(rule)?.title;
    return title ? [{ key: title.value, loc: title.loc }] : undefined;
  },
  checkProject(context) {
    reportDuplicates(context, (_e, others) => `this title is also used by ${placeList(others)}`);
  },
});
