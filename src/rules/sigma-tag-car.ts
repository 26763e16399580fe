import { tagCheck } from './sigma/pysigma-tags.js';

const CAR_ID = /^\d{4}-\d{2}-\d{3}$/;

export default tagCheck({
  id: 'sigma-tag-car',
  description: 'A `car.` tag that is not a MITRE CAR analytic id such as `car.2016-04-005` (pySigma cartag).',
  docs: `Reports a \`car.\` tag whose name is not a MITRE Cyber Analytics Repository id of the form \`YYYY-MM-NNN\` (\`car.2016-04-005\`).

Tools link CAR tags to the analytic's page by id; anything else (\`car.2016-4-5\`, \`car.credential-dumping\`) links nowhere. pySigma identifier: \`cartag\`.`,
  namespace: 'car',
  problem: (tag, written) => (CAR_ID.test(tag.name) ? undefined : `tag '${written.value}' is not a CAR analytic id (car.YYYY-MM-NNN)`),
});
