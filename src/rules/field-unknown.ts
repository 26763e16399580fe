import { distance } from 'fastest-levenshtein';
import { defineCheck } from '../engine/check.js';

/** The closest known name, if it is close enough to be a likely typo. */
export function suggestField(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(lower, k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 4)) ? best : undefined;
}

/** Parsers share one list among rules that read the same telemetry; its set is built once. */
const nameSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function membership(names: readonly string[]): (name: string) => boolean {
  let set = nameSets.get(names);
  if (!set) {
    set = new Set(names);
    nameSets.set(names, set);
  }
  const known = set;
  return (name) => known.has(name);
}

export default defineCheck({
  meta: {
    id: 'field-unknown',
    description: 'A field the rule reads that what it reads (its logsource, index or data source) does not have.',
    defaultSeverity: 'warn',
    recommended: true,
    docs: `A field that the rule's telemetry does not carry never matches: the selection is silently always false (or, under a NOT, always true). The usual causes are typos (\`CommandLin\`), a field of another event (\`TargetFilename\` in a process_creation rule) or another vendor's name for it.

The list of valid fields comes from lint-rule's event catalog for the rule's logsource (Sigma), from ECS and Elastic's non-ECS schema (Elastic) and from the declared data sources (Splunk). Rules whose telemetry has no known field list are not checked. The message offers the closest known name.`,
  },
  check(rule, context) {
    const known = rule.knownFields?.();
    if (!known || known.names.length === 0) return;
    const has = known.has ?? membership(known.names);
    const seen = new Set<string>();
    for (const p of rule.predicates) {
      const field = p.fieldAsWritten;
      if (field === '' || seen.has(field)) continue;
      seen.add(field);
      if (has(field)) continue;
      const caseTwin = known.names.find((k) => k.toLowerCase() === field.toLowerCase());
      const hint = caseTwin ? `; it differs only by case from "${caseTwin}"` : (() => {
        const s = suggestField(field, known.names);
        return s ? `; did you mean "${s}"?` : '';
      })();
      context.report({ message: `"${field}" is not a field of ${known.source}${hint}`, loc: p.fieldLoc ?? p.loc });
    }
  },
});
