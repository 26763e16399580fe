import { defineCheck } from '../engine/check.js';
import type { Logic } from '../model/logic.js';
import type { Atom } from './logic-analysis.js';
import { atomOf, ruleLogic } from './logic-analysis.js';

/** Values compared per OR and field at most: beyond this a list is left alone (quadratic). */
const MAX_ATOMS = 2000;

/** An atom with both spellings of its value precomputed: the pairwise loop must not allocate. */
interface Value {
  atom: Atom;
  raw: string;
  lower: string;
  /** `bigrams` of raw and lower: a value can only cover one whose bigrams include its own. */
  rawBigrams: number;
  lowerBigrams: number;
}

/**
 * The pairs of adjacent characters of a text as a 32-bit set (hashed). A
 * substring, prefix or suffix has no pair its container lacks, so a value
 * whose set is not inside another's cannot cover it: the pairwise scan of
 * long values skips most pairs on one integer test.
 */
function bigrams(text: string): number {
  let set = 0;
  for (let i = 1; i < text.length; i++) set |= 1 << (((text.charCodeAt(i - 1) * 31) ^ text.charCodeAt(i)) & 31);
  return set;
}

/** A necessary condition of `covers(w, n)`, on the texts `covers` compares. */
function mayCover(w: Value, n: Value): boolean {
  return w.atom.cased ? (w.rawBigrams & ~n.rawBigrams) === 0 : (w.lowerBigrams & ~n.lowerBigrams) === 0;
}

export default defineCheck({
  meta: {
    id: 'logic-value-subsumed',
    description: 'A value of an OR that another value of the same OR already matches (`contains: foo` and `contains: foobar`).',
    defaultSeverity: 'warn',
    recommended: false,
    docs: `In an OR (a value list, or alternatives of one field), a value that can only match where another already does adds nothing: with \`CommandLine|contains: ['foo', 'foobar']\` every command line containing \`foobar\` contains \`foo\`. Either the longer value is dead weight, or the shorter one is broader than intended (and the source of false positives). The same holds for \`startswith\` prefixes, \`endswith\` suffixes, and an exact value that a contains/startswith/endswith alternative covers.

Matching is case-insensitive unless \`cased\`; encoded values (base64, utf16, windash), regexes and ranges are not compared. Identical values are \`sigmahq-duplicate-value\`'s.`,
  },
  check(rule, context) {
    const logic = ruleLogic(rule);
    if (!logic) return;
    const seen = new Set<Logic>();
    const reported = new Set<number>();
    const visit = (n: Logic): void => {
      // Only inner nodes (which selections may share) are visited further and need remembering.
      if (n.kind === 'cmp' || n.kind === 'opaque' || seen.has(n)) return;
      seen.add(n);
      if (n.kind === 'not') visit(n.item);
      if (n.kind !== 'and' && n.kind !== 'or') return;
      n.items.forEach(visit);
      if (n.kind !== 'or') return;
      const byField = new Map<string, Value[]>();
      for (const item of n.items) {
        if (item.kind !== 'cmp') continue;
        const a = atomOf(item);
        if (!a || a.op === 'ne' || a.op === 'is_null' || a.op === 'is_not_null') continue;
        const list = byField.get(a.field) ?? [];
        const lower = a.cased ? a.value.toLowerCase() : a.value;
        list.push({ atom: a, raw: a.value, lower, rawBigrams: bigrams(a.value), lowerBigrams: bigrams(lower) });
        byField.set(a.field, list);
      }
      for (const values of byField.values()) {
        if (values.length < 2 || values.length > MAX_ATOMS) continue;
        for (const [narrow, wide] of subsumedPairs(values)) {
          if (reported.has(narrow.atom.cmp.span.start)) continue;
          reported.add(narrow.atom.cmp.span.start);
          const wLoc = rule.source.location(wide.atom.cmp.span);
          context.report({
            message: `'${String(narrow.atom.cmp.value)}' is redundant: '${String(wide.atom.cmp.value)}' (line ${wLoc.line}) already matches everything it matches`,
            loc: rule.source.location(narrow.atom.cmp.span),
          });
        }
      }
    };
    visit(logic);
  },
});

/** Values no longer than this are matched by looking their substrings up, not by comparing pairs. */
const SHORT = 24;

/**
 * Each value covered by another (strictly), with the first value covering it.
 * Long lists of short values (emoji, file names) would make a pairwise scan
 * quadratic, so a short value looks its substrings up among the others.
 */
function* subsumedPairs(values: readonly Value[]): Generator<[Value, Value]> {
  const byText = new Map<string, Value[]>();
  // Only a substring of a length and first character some value has can be looked up with success.
  const lengths = new Set<number>();
  const firsts = new Set<number>();
  for (const v of values) {
    const k = v.atom.cased ? v.raw : v.lower;
    const list = byText.get(k);
    if (list) list.push(v);
    else byText.set(k, [v]);
    lengths.add(k.length);
    firsts.add(k.charCodeAt(0));
  }
  // Shorter values first: only a value no longer than another can cover it.
  const byLength = [...values].sort((x, y) => x.raw.length - y.raw.length);
  for (const narrow of byLength) {
    let wide: Value | undefined;
    const text = narrow.lower;
    if (text.length <= SHORT && !narrow.atom.cased) {
      // The empty value (contains '') covers every other value.
      for (const w of byText.get('') ?? []) if (!wide && w !== narrow && covers(w, narrow) && !covers(narrow, w)) wide = w;
      for (let a = 0; a < text.length && !wide; a++) {
        if (!firsts.has(text.charCodeAt(a))) continue;
        for (let b = a + 1; b <= text.length && !wide; b++) {
          if (!lengths.has(b - a)) continue;
          for (const w of byText.get(text.slice(a, b)) ?? []) {
            if (w !== narrow && covers(w, narrow) && !covers(narrow, w)) {
              wide = w;
              break;
            }
          }
        }
      }
    } else {
      for (const w of byLength) {
        if (w.raw.length > narrow.raw.length) break;
        if (w !== narrow && mayCover(w, narrow) && covers(w, narrow) && !covers(narrow, w)) {
          wide = w;
          break;
        }
      }
    }
    if (wide) yield [narrow, wide];
  }
}

/** Whether every value matching `n` matches `w` (false when unsure); both on one field. */
function covers(w: Value, n: Value): boolean {
  // A case-insensitive value is not covered by a case-sensitive one.
  if (w.atom.cased && !n.atom.cased) return false;
  const wv = w.atom.cased ? w.raw : w.lower;
  const nv = w.atom.cased ? n.raw : n.lower;
  const nop = n.atom.op;
  switch (w.atom.op) {
    case 'contains':
      return nv.includes(wv);
    case 'starts_with':
      return (nop === 'eq' || nop === 'starts_with') && nv.startsWith(wv);
    case 'ends_with':
      return (nop === 'eq' || nop === 'ends_with') && nv.endsWith(wv);
    case 'eq':
      return nop === 'eq' && nv === wv;
    default:
      return false;
  }
}
