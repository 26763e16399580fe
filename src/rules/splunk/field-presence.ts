import type { RuleModel } from '../../model/rule.js';
import { splunkSearchOf } from '../../parse/splunk/search-analysis.js';
import { resultFieldsOf } from './result-fields.js';
import { splunkDocOf } from './splunk-doc.js';

/** Whether a field a detection names (in a risk message, observable, drilldown) is there for it to name. */
export interface FieldPresence {
  /** Whether the search's result fields are known; otherwise presence is contentctl's test (the name appears in the search). */
  known: boolean;
  exists(name: string): boolean;
  /** Why a missing field is missing, for the message. */
  why(name: string): string;
}

const MAX_LISTED = 8;

/**
 * The fields of a detection's results when lint-rule can list them (see
 * ResultFields); otherwise contentctl's own test, which only asks that the
 * name appear somewhere in the search text (case-insensitively).
 */
export function fieldPresence(rule: RuleModel, how: { resultFields: boolean } = { resultFields: true }): FieldPresence | undefined {
  const doc = splunkDocOf(rule);
  const search = doc?.search?.text;
  if (search === undefined) return undefined;
  const analysis = how.resultFields ? splunkSearchOf(rule) : undefined;
  const result = analysis ? resultFieldsOf(analysis) : undefined;
  if (result?.known) {
    const listed = result.names.slice(0, MAX_LISTED).join(', ') + (result.names.length > MAX_LISTED ? ', …' : '');
    return { known: true, exists: (n) => result.has(n), why: () => `the search's results have no such field (they have ${listed})` };
  }
  const lower = search.toLowerCase();
  return { known: false, exists: (n) => lower.includes(n.toLowerCase()), why: () => 'the search never names it' };
}
