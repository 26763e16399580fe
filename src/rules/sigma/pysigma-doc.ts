import type { Location } from '../../model/location.js';
import type { RuleModel } from '../../model/rule.js';
import type { SigmaDetectionItem, SigmaDocument, SigmaSelection, SigmaValue } from '../../parse/sigma/document-types.js';
import { resolvePlain } from '../../parse/yaml/core-schema.js';

/** The Sigma document behind a rule model, or undefined for other vendors. */
export function sigmaDocOf(rule: RuleModel): SigmaDocument | undefined {
  return rule.vendor === 'sigma' ? (rule.doc as SigmaDocument) : undefined;
}

/** The search identifiers of a rule's detection, or of a filter document's `filter`. */
export function selectionsOf(doc: SigmaDocument): Map<string, SigmaSelection> | undefined {
  return doc.detection?.selections ?? doc.filter?.selections;
}

/** Calls `fn` for every field (or `|modifier` keyword) item of every selection. */
export function forEachItem(doc: SigmaDocument, fn: (item: SigmaDetectionItem, selection: SigmaSelection) => void): void {
  const selections = selectionsOf(doc);
  if (!selections) return;
  for (const selection of selections.values()) {
    for (const group of selection.groups) for (const item of group) fn(item, selection);
  }
}

/**
 * Modifiers after which pySigma no longer holds the value as a plain Sigma
 * string (a regex, a CIDR, a number comparison, an encoded or expanded
 * value): its string-value validators skip such items, and so do ours.
 */
const NOT_A_STRING_MATCH: ReadonlySet<string> = new Set([
  're', 'cidr', 'exists', 'fieldref', 'lt', 'lte', 'gt', 'gte', 'minute', 'hour', 'day', 'week', 'month', 'year',
  'base64', 'base64offset', 'utf16le', 'utf16be', 'utf16', 'wide', 'windash',
]);

/** Whether an item has a modifier after which its values are no plain Sigma strings. */
function convertsValues(item: SigmaDetectionItem): boolean {
  for (const m of item.modifiers) if (NOT_A_STRING_MATCH.has(m.name)) return true;
  return false;
}

/**
 * Whether a value is a string in pySigma's eyes. YAML 1.2 keeps `0x1F` or
 * `010` as text here, but PyYAML reads them as numbers, so plain values that
 * resolve to a number are not strings.
 */
export function isStringValue(v: SigmaValue): v is SigmaValue & { value: string } {
  if (typeof v.value !== 'string') return false;
  return v.quoted || typeof resolvePlain(v.value) !== 'number';
}

/** A string value pySigma's string validators see, with where it sits. */
export interface StringValue {
  text: string;
  value: SigmaValue;
  /** The item the value belongs to; undefined for keyword lists. */
  item?: SigmaDetectionItem;
}

/** Every string value the pySigma string validators look at: field values without converting modifiers, and keywords. */
export function forEachStringValue(doc: SigmaDocument, fn: (v: StringValue) => void): void {
  const selections = selectionsOf(doc);
  if (!selections) return;
  for (const selection of selections.values()) {
    for (const group of selection.groups) {
      for (const item of group) {
        if (convertsValues(item)) continue;
        for (const value of item.values) if (isStringValue(value)) fn({ text: value.value, value, item });
      }
    }
    for (const value of selection.keywords) if (isStringValue(value)) fn({ text: value.value, value });
  }
}

/** A zero-width location at the start of a location (for problems about a whole document or file). */
export function startOf(loc: Location): Location {
  return { line: loc.line, column: loc.column, endLine: loc.line, endColumn: loc.column };
}

/** Where a problem about the file itself (its name) is reported: line 1, once per file however many documents it holds. */
export const FILE_LOCATION: Readonly<Location> = Object.freeze({ line: 1, column: 1, endLine: 1, endColumn: 1 });

/** The base name of a path, for either separator. */
export function baseName(file: string): string {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return i < 0 ? file : file.slice(i + 1);
}
