import { aliasesOf, canonicalFields, nameFieldOf } from '../../model/fields.js';
import type { RuleModel } from '../../model/rule.js';

type Vocabulary = 'sigma' | 'ecs' | 'cim';

/**
 * How the draft should spell a canonical field: the way the draft itself
 * already spells it, else the vocabulary's first alias, else (for pySigma's
 * `winlog.event_data.X` fallback) the bare event-data name.
 */
let pathFields: Map<string, string> | undefined;

/** The path field whose last component a name field is (process.name → process.executable). */
export function pathFieldOf(nameField: string): string | undefined {
  if (!pathFields) {
    pathFields = new Map();
    for (const c of canonicalFields()) {
      const name = nameFieldOf(c);
      if (name && !pathFields.has(name)) pathFields.set(name, c);
    }
  }
  return pathFields.get(nameField);
}

export function fieldFor(rule: RuleModel, canonical: string, vocabulary: Vocabulary): string {
  const own = rule.predicates.find((p) => p.field === canonical && p.fieldAsWritten !== '');
  if (own) return own.fieldAsWritten;
  const alias = aliasesOf(canonical)?.[vocabulary]?.[0];
  if (alias) return alias;
  if (vocabulary !== 'ecs' && canonical.startsWith('winlog.event_data.')) return canonical.slice('winlog.event_data.'.length);
  return canonical;
}
