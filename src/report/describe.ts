import { catalogEvent } from '../model/events.js';

/** `field operator 'value'` as messages and pages show a row. */
export function describeRow(row: { field: string; operator: string; value: string }): string {
  if (row.operator === 'is_null' || row.operator === 'is_not_null') return `${row.field} ${row.operator}`;
  return `${row.field} ${row.operator} '${row.value}'`;
}

/** `Sysmon Event ID 7 (Image loaded)`, or the bare key for events the catalog does not hold. */
export function describeEvent(key: string): string {
  const e = catalogEvent(key);
  if (!e) return key;
  return e.title ? `${e.provider} ${e.label} (${e.title})` : `${e.provider} ${e.label}`;
}
