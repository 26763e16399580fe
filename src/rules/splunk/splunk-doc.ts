import type { RuleModel } from '../../model/rule.js';
import type { SplunkDetectionDocument } from '../../parse/splunk/document.js';

/** The detection document of a Splunk rule; undefined for other vendors. */
export function splunkDocOf(rule: RuleModel): SplunkDetectionDocument | undefined {
  return rule.vendor === 'splunk' ? (rule.doc as SplunkDetectionDocument) : undefined;
}

/** `tags` keys that carry risk data in the format before contentctl 5 (which moved it to `rba:`). */
export const LEGACY_RISK_TAGS: readonly string[] = ['confidence', 'impact', 'message', 'observable', 'risk_score', 'required_fields'];

/**
 * Which detection format a file is written in: `rba` when it has an `rba:`
 * block (contentctl 5), `legacy` otherwise (risk data in `tags`, contentctl 4
 * and the corpus lint-rule ships with). Checks that only one contentctl
 * version enforces read this.
 */
export function detectionFormat(doc: SplunkDetectionDocument): 'rba' | 'legacy' {
  const rba = doc.data.rba;
  return rba !== undefined && rba !== null ? 'rba' : 'legacy';
}

/** contentctl's file name stem for a content name: spaces, `-`, `.` and `/` become `_`, lower case. */
export function contentFileStem(name: string): string {
  return name.replace(/[ \-./]/g, '_').toLowerCase();
}

/** The filter macro contentctl requires in a detection's search. */
export function filterMacroName(name: string): string {
  return `${contentFileStem(name)}_filter`;
}

export function statusOf(doc: SplunkDetectionDocument): string | undefined {
  return doc.status?.value;
}

export function typeOf(doc: SplunkDetectionDocument): string | undefined {
  return doc.type?.value;
}

/** The value at a path of the plain document. */
export function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let node = data;
  for (const step of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node;
}
