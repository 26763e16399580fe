import { defineCheck, type ProjectFact } from '../engine/check.js';
import { placeList, reportDuplicates } from './sigma/pysigma-project.js';
import { splunkDocOf } from './splunk/splunk-doc.js';

export default defineCheck({
  meta: {
    id: 'splunk-duplicate',
    description: 'Two Splunk detections of the linted set share a `name` or an `id`.',
    defaultSeverity: 'error',
    recommended: true,
    vendors: ['splunk'],
    docs: `Reports each detection whose \`name\` or \`id\` another detection linted in the same run also has, naming the other file and line. Ids are compared as UUIDs (ignoring case), names exactly.

contentctl keys every piece of content by name and by id and stops the build on a duplicate ("Duplicate name …", "Duplicate id …"): the name becomes the saved search's stanza and the filter macro's name, the id the detection's identity in Enterprise Security. A copied detection needs a new id and a new name (and file name).

Only the files linted together are compared, as contentctl compares the content it builds; run lint-rule over the whole \`detections/\` folder to compare with all of it. (\`corpus-duplicate-id\` and \`corpus-duplicate-title\` compare with the configured corpus instead.)`,
  },
  collect(rule) {
    const doc = splunkDocOf(rule);
    const facts: ProjectFact[] = [];
    // One key space for both: a name and an id never compare equal across kinds.
    if (doc?.name) facts.push({ key: `name ${doc.name.value}`, loc: doc.name.loc });
    if (doc?.id) facts.push({ key: `id ${doc.id.value.toLowerCase()}`, loc: doc.id.loc });
    return facts.length > 0 ? facts : undefined;
  },
  checkProject(context) {
    reportDuplicates(context, (e, others) => {
      const space = e.key.indexOf(' ');
      const kind = e.key.slice(0, space);
      const value = e.key.slice(space + 1);
      return kind === 'name' ? `name '${value}' is also used by ${placeList(others)}` : `id ${value} is also used by ${placeList(others)}`;
    });
  },
});
