import { defineCheck } from '../engine/check.js';
import { OBSERVABLE_ROLES, OBSERVABLE_TYPES } from './splunk/contentctl-values.js';
import { enumProblem } from './splunk/enum-value.js';
import { detectionFormat, splunkDocOf, statusOf, typeOf, valueAt } from './splunk/splunk-doc.js';

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

export default defineCheck({
  meta: {
    id: 'splunk-observable',
    description: 'A Splunk detection\'s observable has an empty name, an unknown type or role, or a production TTP/Anomaly detection has no Victim.',
    defaultSeverity: 'error',
    recommended: false,
    vendors: ['splunk'],
    docs: `Checks \`tags.observable\`, where detections written before contentctl 5 declare the entities of their results: each entry needs a \`name\` (the result field), a \`type\` and at least one \`role\`.

- \`type\` must be one of the observable types of contentctl (\`SES_OBSERVABLE_TYPE_MAPPING\`): ${OBSERVABLE_TYPES.map((t) => `\`${t}\``).join(', ')};
- each \`role\` must be one of ${OBSERVABLE_ROLES.map((t) => `\`${t}\``).join(', ')};
- a production detection of type TTP or Anomaly must have at least one observable with the role \`Victim\`: contentctl turns Victim observables into the risk objects the risk events are scored against, so without one the detection raises no risk.

contentctl refuses a detection that breaks any of these. Whether each observable's field is in the search is \`splunk-rba-fields\`'s to check. Detections in the contentctl 5 format declare \`rba.risk_objects\` instead (see \`splunk-schema\`).`,
  },
  check(rule, context) {
    const doc = splunkDocOf(rule);
    if (!doc) return;
    const raw = valueAt(doc.data, ['tags', 'observable']);
    // Anything but a list (or nothing) is splunk-schema's to report.
    if (raw !== undefined && raw !== null && !Array.isArray(raw)) return;
    const list: unknown[] = Array.isArray(raw) ? raw : [];
    let victims = 0;
    list.forEach((item, i) => {
      if (item === null || typeof item !== 'object') return;
      const o = item as Record<string, unknown>;
      const at = (...rest: (string | number)[]) => doc.locate(['tags', 'observable', i, ...rest]);
      if (isScalar(o.name) && String(o.name).trim() === '') {
        const loc = at('name');
        if (loc) context.report({ message: `observable ${i + 1} has an empty name: name the result field it stands for`, loc });
      }
      if (isScalar(o.type)) {
        const problem = enumProblem(String(o.type), OBSERVABLE_TYPES, 'observable type');
        const loc = at('type');
        if (problem && loc) context.report({ message: problem, loc });
      }
      if (!Array.isArray(o.role)) return;
      if (o.role.length === 0) {
        const loc = doc.locateKey(['tags', 'observable', i, 'role']);
        if (loc) context.report({ message: `observable '${String(o.name)}' has no role: give it at least one (Victim, Attacker …)`, loc });
      }
      o.role.forEach((role: unknown, j) => {
        if (!isScalar(role)) return;
        if (role === 'Victim') victims++;
        const problem = enumProblem(String(role), OBSERVABLE_ROLES, 'observable role');
        const loc = at('role', j);
        if (problem && loc) context.report({ message: problem, loc });
      });
    });
    const type = typeOf(doc);
    if (victims === 0 && detectionFormat(doc) === 'legacy' && statusOf(doc) === 'production' && (type === 'TTP' || type === 'Anomaly')) {
      const loc = doc.locateKey(['tags', 'observable']) ?? doc.locateKey(['tags']);
      if (loc) context.report({ message: `a production ${type} detection needs an observable with the role Victim: it becomes the risk object its risk events score`, loc });
    }
  },
});
