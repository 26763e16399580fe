import type { SourceText, Location } from '../model/location.js';

/**
 * Inline suppression comments, as in ESLint, written as YAML/TOML comments:
 *   # lint-rule-disable-next-line <id>[, <id>…]   the next line
 *   # lint-rule-disable-line <id>                  this line (trailing comment)
 *   # lint-rule-disable <id>                       from here to the end, or to …
 *   # lint-rule-enable <id>
 * Without ids they apply to every check. Text after ` -- ` is a reason.
 */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  ids: readonly string[] | 'all';
  line: number;
  loc: Location;
}

const PATTERN = /#\s*lint-rule-(disable-next-line|disable-line|disable|enable)\b([^\n\r]*)/g;

export function parseDirectives(source: SourceText): Directive[] {
  const text = source.text;
  if (!text.includes('lint-rule-')) return [];
  const out: Directive[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const start = m.index;
    const loc = source.location({ start, end: start + m[0].length });
    const body = (m[2] ?? '').split(' -- ')[0]?.trim() ?? '';
    const ids = body === '' ? 'all' : body.split(/[\s,]+/).filter(Boolean);
    out.push({ kind: m[1] as Directive['kind'], ids, line: loc.line, loc });
  }
  return out;
}

function covers(ids: Directive['ids'], checkId: string): boolean {
  return ids === 'all' || ids.includes(checkId);
}

/** Whether a problem of `checkId` at `line` is suppressed by the file's directives. */
export function isSuppressed(directives: readonly Directive[], checkId: string, line: number): boolean {
  let disabled = false;
  for (const d of directives) {
    if (!covers(d.ids, checkId)) continue;
    if (d.kind === 'disable-next-line' && d.line + 1 === line) return true;
    if (d.kind === 'disable-line' && d.line === line) return true;
    if (d.line <= line) {
      if (d.kind === 'disable') disabled = true;
      else if (d.kind === 'enable') disabled = false;
    }
  }
  return disabled;
}
