/** contentctl's risk score: round(confidence × impact / 100), rounded half to even as Python's round() does. */
export function contentctlRiskScore(confidence: number, impact: number): number {
  const product = confidence * impact;
  const whole = Math.floor(product / 100);
  const rest = product - whole * 100;
  if (rest > 50) return whole + 1;
  if (rest < 50) return whole;
  return whole % 2 === 0 ? whole : whole + 1;
}

/** A whole number within [min, max]: what contentctl's NonNegativeInt/score fields accept. */
export function isIntIn(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}
