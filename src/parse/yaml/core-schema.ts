/**
 * Resolution of plain scalars under the YAML 1.2 core schema, matching the
 * `yaml` package's default so both readers give the same values.
 */

const INT_OCT_RE = /^0o[0-7]+$/;
const INT_DEC_RE = /^[-+]?[0-9]+$/;
const INT_HEX_RE = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

export function resolvePlain(raw: string): string | number | boolean | null {
  if (raw.length === 0) return null;
  const c = raw.charCodeAt(0);
  // Only these first characters can start a non-string: digits + - . ~ n N t T f F.
  // The letters and ~ can only start a null or a boolean: many keys and words
  // start with them (title, tags, TargetFilename …), and exact comparisons
  // spare them eight regular expressions.
  if (c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70) {
    switch (raw) {
      case '~': case 'null': case 'Null': case 'NULL':
        return null;
      case 'true': case 'True': case 'TRUE':
        return true;
      case 'false': case 'False': case 'FALSE':
        return false;
      default:
        return raw;
    }
  }
  const maybe = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
  if (!maybe) return raw;
  if (INT_OCT_RE.test(raw)) return parseInt(raw.slice(2), 8);
  if (INT_DEC_RE.test(raw)) return parseInt(raw, 10);
  if (INT_HEX_RE.test(raw)) return parseInt(raw.slice(2), 16);
  if (FLOAT_NAN_RE.test(raw)) return raw.endsWith('nan') || raw.endsWith('NaN') || raw.endsWith('NAN') ? NaN : raw.startsWith('-') ? -Infinity : Infinity;
  if (FLOAT_EXP_RE.test(raw) || FLOAT_RE.test(raw)) return parseFloat(raw);
  return raw;
}
