export const DATE_KEYS = ['creation_date', 'updated_date', 'deprecation_date'] as const;

const DATE = /^(\d{4})\/(\d{2})\/(\d{2})$/;

/** `2024/02/30` → undefined; `2024/02/29` → 20240229: a number that orders as the dates do. */
export function dateValue(text: string): number | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > days) return undefined;
  return y * 10000 + mo * 100 + d;
}

/** Whether the text has the YYYY/MM/DD shape (the date itself may still not exist). */
export function hasDateShape(text: string): boolean {
  return DATE.test(text);
}
