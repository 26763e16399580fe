/**
 * Kibana rule schedules: `interval` is a duration (`5m`), `from` is date
 * math relative to now (`now-6m`). Both defaults are Kibana's.
 */
export const DEFAULT_INTERVAL = '5m';
export const DEFAULT_FROM = 'now-6m';

/** detection-rules' shapes: `from` as `now-<n><unit>`, `interval` as `<n><unit>`. */
export const FROM_PATTERN = /^now-\d+[yMwdhHms]$/;
export const INTERVAL_PATTERN = /^\d+[mshd]$/;

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  H: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  // Calendar units have no fixed length; these are only used to compare windows.
  M: 30 * 86_400_000,
  y: 365 * 86_400_000,
};

const SPAN = /^(\d+)(ms|[smhHdwMy])$/;

/** `90s` → 90000; undefined when the text is not `<digits><unit>`. */
export function durationMs(text: string): number | undefined {
  const m = SPAN.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * (UNIT_MS[m[2] as string] as number);
}

/** `now-6m` → 360000 (how far back it reaches); undefined for other date math. */
export function lookbackMs(from: string): number | undefined {
  const t = from.trim();
  if (!t.startsWith('now-')) return undefined;
  return durationMs(t.slice(4));
}

/** `3600000` → `60m`, `90000` → `1.5m`: a window in the unit rules are written in. */
export function showMinutes(ms: number): string {
  const minutes = ms / 60_000;
  return `${Number.isInteger(minutes) ? minutes : Number(minutes.toFixed(2))}m`;
}
