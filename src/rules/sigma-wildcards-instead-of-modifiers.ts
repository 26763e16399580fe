import { defineCheck, type Fix } from '../engine/check.js';
import type { Location, SourceText } from '../model/location.js';
import type { SigmaDetectionItem, SigmaValue } from '../parse/sigma/document-types.js';
import { isStringValue, selectionsOf, sigmaDocOf } from './sigma/pysigma-doc.js';
import { hasWildcardIn, sigmaTokens, STAR } from './sigma/pysigma-string.js';

type Shape = 'contains' | 'endswith' | 'startswith';

/** Which modifier every value of an item could use instead of its wildcards, if one could. */
function replaceableBy(values: readonly SigmaValue[]): Shape | undefined {
  if (values.length === 0) return undefined;
  let contains = true;
  let endswith = true;
  let startswith = true;
  for (const v of values) {
    if (!isStringValue(v)) return undefined;
    const t = sigmaTokens(v.value);
    const n = t.length;
    // A lone `*` stands for "any value" (pySigma leaves it to the exists modifier).
    if (n < 2) return undefined;
    const first = t[0] === STAR;
    const last = t[n - 1] === STAR;
    contains &&= first && last && !hasWildcardIn(t, 1, n - 1);
    endswith &&= first && !hasWildcardIn(t, 1, n);
    startswith &&= last && !hasWildcardIn(t, 0, n - 1);
    if (!contains && !endswith && !startswith) return undefined;
  }
  return contains ? 'contains' : endswith ? 'endswith' : 'startswith';
}

const WHAT: Record<Shape, string> = {
  contains: "begin and end with '*'",
  endswith: "begin with '*'",
  startswith: "end with '*'",
};

/**
 * The edits that move an item's wildcards into a modifier: `|<shape>` after
 * the field in its key, and the leading/trailing `*` out of each value, in
 * place (quotes, comments and layout stay). Undefined when a value's text in
 * the file is not a plain quoted string the edit can be sure of.
 */
function wildcardFix(source: SourceText, item: SigmaDetectionItem, shape: Shape): Fix[] | undefined {
  const fieldEnd = item.keySpan.start + (item.field ?? '').length;
  const keyText = source.text.slice(item.keySpan.start, item.keySpan.end);
  const quoted = keyText.startsWith("'") || keyText.startsWith('"');
  const edits: Fix[] = [{ range: [fieldEnd + (quoted ? 1 : 0), fieldEnd + (quoted ? 1 : 0)], text: `|${shape}` }];
  for (const v of item.values) {
    const raw = source.text.slice(v.span.start, v.span.end);
    const q = raw[0];
    if ((q !== "'" && q !== '"') || raw[raw.length - 1] !== q || raw.length < 3) return undefined;
    const inner = raw.slice(1, -1);
    if (shape !== 'startswith') {
      if (!inner.startsWith('*')) return undefined;
      edits.push({ range: [v.span.start + 1, v.span.start + 2], text: '' });
    }
    if (shape !== 'endswith') {
      if (!inner.endsWith('*') || inner.endsWith('\\*')) return undefined;
      edits.push({ range: [v.span.end - 2, v.span.end - 1], text: '' });
    }
  }
  return edits;
}

export default defineCheck({
  meta: {
    id: 'sigma-wildcards-instead-of-modifiers',
    description: 'Values that all begin and/or end with `*` where `contains`, `endswith` or `startswith` says the same (pySigma wildcards_instead_of_modifiers).',
    defaultSeverity: 'warn',
    fixable: true,
    recommended: false,
    vendors: ['sigma'],
    docs: `Reports a detection item (or a keyword list) whose values all begin and end with \`*\` and have no other wildcard, when the item has no \`contains\` modifier; likewise values that all begin with \`*\` without \`endswith\`, or all end with \`*\` without \`startswith\`.

\`Image|endswith: '\\cmd.exe'\` says what \`Image: '*\\cmd.exe'\` says, but backends turn the modifier into their native operator (\`endswith\`, \`LIKE '%…'\`, a suffix query), while a leading wildcard often becomes a slow wildcard or regex query. The modifier form is also what reviewers and lint-rule's corpus comparisons expect. Remove the wildcards and add the modifier the message names.

A lone \`*\` (any value) is not reported. pySigma identifier: \`wildcards_instead_of_modifiers\`.`,
  },
  check(rule, context) {
    const doc = sigmaDocOf(rule);
    const selections = doc && selectionsOf(doc);
    if (!selections) return;
    const report = (shape: Shape, subject: string, suggestion: string, loc: Location, fix?: Fix[]): void => {
      context.report({ message: `${subject}: all values ${WHAT[shape]}; use ${suggestion} and drop the wildcards`, loc, ...(fix ? { fix } : {}) });
    };
    for (const selection of selections.values()) {
      for (const group of selection.groups) {
        for (const item of group) {
          const shape = replaceableBy(item.values);
          if (!shape || item.modifiers.some((m) => m.name === shape)) continue;
          const key = item.field === null ? `'|${shape}'` : `'${[item.field, shape, ...item.modifiers.map((m) => m.name)].join('|')}'`;
          report(shape, `'${item.key}'`, key, item.keyLoc, item.field === null ? undefined : wildcardFix(rule.source, item, shape));
        }
      }
      const shape = replaceableBy(selection.keywords);
      if (shape) report(shape, `keywords of '${selection.name}'`, `a '|${shape}' item`, selection.loc);
    }
  },
});
