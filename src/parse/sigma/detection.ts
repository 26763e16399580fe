import { distance } from 'fastest-levenshtein';
import type { Span } from '../../model/location.js';
import type { BuildContext } from './build-context.js';
import { selectionsMatching } from './condition-ast.js';
import type { ConditionNode } from './condition-ast.js';
import { parseSigmaCondition } from './condition-parser.js';
import type { SigmaCondition, SigmaDetection, SigmaDetectionItem, SigmaModifier, SigmaSelection, SigmaValue } from './document-types.js';
import { REGEX_FLAG_MODIFIERS, SIGMA_MODIFIERS, splitDetectionKey, suggestModifier } from './modifiers.js';
import { DetectionCondition, DetectionItem, DetectionModifier, DetectionSelection, DetectionValue } from './detection-parts.js';
import { checkSigmaRegex } from './regex.js';
import { findPair, keyText, uniquePairList } from '../yaml/nodes.js';
import type { YMap, YNode, YPair, YPath, YScalar } from '../yaml/nodes.js';

/** Keys of `detection` that are not search identifiers. */
const DETECTION_RESERVED = new Set(['condition', 'timeframe']);

/** Builds `detection`: its search identifiers, its condition(s) and the legacy timeframe. */
export function buildDetection(map: YMap, path: YPath, ctx: BuildContext): SigmaDetection {
  const selections = buildSelections(map, path, DETECTION_RESERVED, ctx);
  const condPair = findPair(map, 'condition');
  const condition = condPair ? buildConditions(condPair, [...path, 'condition'], selections, ctx) : [];
  const tf = findPair(map, 'timeframe');
  const detection: SigmaDetection = { selections, condition, loc: ctx.loc(map) };
  if (tf && tf.value.kind === 'scalar' && tf.value.value !== null) {
    detection.timeframe = {
      value: String(tf.value.value),
      loc: ctx.loc(tf.value),
      span: { start: tf.value.start, end: tf.value.end },
      keyLoc: ctx.loc(tf.key),
    };
  }
  return detection;
}

/** The search identifiers of a detection (or filter) map, skipping its reserved keys. */
export function buildSelections(map: YMap, path: YPath, reserved: ReadonlySet<string>, ctx: BuildContext): Map<string, SigmaSelection> {
  const out = new Map<string, SigmaSelection>();
  for (const pair of uniquePairList(map)) {
    const name = keyText(pair.key);
    if (reserved.has(name)) continue;
    out.set(name, buildSelection(name, pair, [...path, name], ctx));
  }
  return out;
}

function buildSelection(name: string, pair: YPair, path: YPath, ctx: BuildContext): SigmaSelection {
  const value = pair.value;
  const valueNode = value.kind === 'scalar' && value.value === null ? pair.key : value;
  const selection = new DetectionSelection(
    name,
    { start: pair.key.start, end: pair.key.end },
    { start: valueNode.start, end: valueNode.end },
    value.kind === 'map' ? 'map' : 'list',
    path,
    ctx.source,
  );
  if (value.kind === 'map') {
    selection.groups.push(buildItems(value, path, ctx));
  } else if (value.kind === 'seq') {
    value.items.forEach((item, i) => {
      if (item.kind === 'map') selection.groups.push(buildItems(item, [...path, i], ctx));
      else if (item.kind === 'scalar' && item.value !== null) selection.keywords.push(sigmaValue(item, ctx));
      else if (item.kind === 'scalar') ctx.report('sigma-detection-invalid', `empty entry in search identifier '${name}'`, spanOf(item));
      else ctx.report('sigma-detection-invalid', `a list inside the list of '${name}': write its values directly, or use a map`, spanOf(item));
    });
  } else if (value.value === null) {
    ctx.report('sigma-detection-invalid', `search identifier '${name}' is empty`, spanOf(pair.key));
  } else {
    // A single plain value is one keyword.
    selection.keywords.push(sigmaValue(value, ctx));
  }
  return selection;
}

function buildItems(map: YMap, path: YPath, ctx: BuildContext): SigmaDetectionItem[] {
  const items: SigmaDetectionItem[] = [];
  for (const pair of uniquePairList(map)) {
    const key = keyText(pair.key);
    items.push(buildItem(key, pair, [...path, key], ctx));
  }
  return items;
}

function buildItem(key: string, pair: YPair, path: YPath, ctx: BuildContext): SigmaDetectionItem {
  const em = ctx.offsets(pair.key, key);
  const split = splitDetectionKey(key);
  const fieldSpan = split.field ? em.fileSpan(split.field) : { start: em.fileOffset(0), end: em.fileOffset(0) };
  const modifiers: SigmaModifier[] = [];
  for (const part of split.modifiers) {
    // An empty modifier (`a||b`, `a|`) has no columns of its own; point at its `|`.
    const span = part.text === '' ? em.fileSpan({ start: part.start - 1, end: part.start }) : em.fileSpan(part);
    modifiers.push(new DetectionModifier(part.text, span, ctx.source));
    if (!SIGMA_MODIFIERS.has(part.text)) reportUnknownModifier(part.text, span, ctx);
  }
  const item = new DetectionItem(
    split.field ? split.field.text : null,
    key,
    fieldSpan,
    { start: pair.key.start, end: pair.key.end },
    modifiers,
    pair.value.kind === 'seq',
    hasModifier(modifiers, 'all') ? 'and' : 'or',
    Math.max(pair.key.end, pair.value.end),
    path,
    ctx.source,
  );
  const v = pair.value;
  if (v.kind === 'scalar') item.values.push(sigmaValue(v, ctx));
  else if (v.kind === 'seq') {
    for (const el of v.items) {
      if (el.kind === 'scalar') item.values.push(sigmaValue(el, ctx));
      else ctx.report('sigma-detection-invalid', `a value of '${key}' is a ${el.kind === 'map' ? 'map' : 'list'}; values must be strings, numbers, booleans or null`, spanOf(el));
    }
  } else {
    ctx.report('sigma-detection-invalid', `the value of '${key}' is a map; a field takes a value or a list of values`, spanOf(v));
  }
  if (hasModifier(modifiers, 're')) checkRegexValues(item, ctx);
  return item;
}

function hasModifier(modifiers: readonly SigmaModifier[], name: string): boolean {
  for (let i = 0; i < modifiers.length; i++) if ((modifiers[i] as SigmaModifier).name === name) return true;
  return false;
}

function reportUnknownModifier(name: string, span: Span, ctx: BuildContext): void {
  if (name === '') {
    ctx.report('sigma-modifier-unknown', "empty modifier: two '|' in a row or a '|' at the end of the key", span);
    return;
  }
  const hint = suggestModifier(name);
  ctx.report('sigma-modifier-unknown', `unknown modifier '${name}'${hint ? ` (did you mean '${hint}'?)` : ''}`, span);
}

function checkRegexValues(item: SigmaDetectionItem, ctx: BuildContext): void {
  let flags = '';
  for (const m of item.modifiers) flags += REGEX_FLAG_MODIFIERS[m.name] ?? '';
  for (const v of item.values) {
    if (v.value === null) continue;
    const r = checkSigmaRegex(String(v.value), flags);
    if (!r.ok) ctx.report('sigma-regex-invalid', `invalid regular expression: ${r.message}`, v.span);
  }
}

/** A scalar as a detection value. Numbers YAML read from non-canonical text (`0x1F`, `010`, `1.0`) keep the text. */
export function sigmaValue(node: YScalar, ctx: BuildContext): SigmaValue {
  let value = node.value;
  if (typeof value === 'number' && node.style === 'plain') {
    const raw = ctx.source.text.slice(node.start, node.end);
    if (String(value) !== raw) value = raw;
  }
  return new DetectionValue(value, { start: node.start, end: node.end }, node.style !== 'plain', ctx.source);
}

function spanOf(node: YNode): Span {
  return { start: node.start, end: node.end };
}

/** Parses `condition` (a string or a list of strings) and checks what each one references. */
export function buildConditions(pair: YPair, path: YPath, selections: Map<string, SigmaSelection>, ctx: BuildContext): SigmaCondition[] {
  const node = pair.value;
  const out: SigmaCondition[] = [];
  if (node.kind === 'scalar') {
    if (node.value === null) ctx.report('sigma-condition-syntax', 'condition is empty', spanOf(pair.key));
    else out.push(buildCondition(node, path, selections, ctx));
  } else if (node.kind === 'seq') {
    node.items.forEach((item, i) => {
      if (item.kind === 'scalar' && item.value !== null) out.push(buildCondition(item, [...path, i], selections, ctx));
      else ctx.report('sigma-condition-syntax', 'each condition in the list must be a string', spanOf(item));
    });
  } else {
    ctx.report('sigma-condition-syntax', 'condition must be a string or a list of strings', spanOf(node));
  }
  return out;
}

function buildCondition(node: YScalar, path: YPath, selections: Map<string, SigmaSelection>, ctx: BuildContext): SigmaCondition {
  const text = String(node.value);
  const embedded = ctx.embedded(node, text);
  const parsed = conditionParse(text);
  for (const e of parsed.errors) ctx.report('sigma-condition-syntax', e.message, embedded.fileSpan(e.span));
  if (parsed.ast) checkReferences(parsed.ast, selections, (message, span) => ctx.report('sigma-condition-reference', message, embedded.fileSpan(span)));
  if (parsed.ast) reportAggregations(parsed.ast, (message, span) => ctx.report('sigma-condition-aggregation', message, embedded.fileSpan(span), 'warn'));
  return new DetectionCondition(text, parsed.ast, { start: node.start, end: node.end }, embedded, path, ctx.source);
}

/**
 * Parses of condition texts, shared by every rule that writes the same one:
 * a corpus has a few hundred distinct conditions for thousands of rules
 * (`selection`, `selection and not filter` …). The trees and errors are in
 * the text's own offsets, so they hold for any file; nothing changes them.
 */
const conditionParses = new Map<string, ReturnType<typeof parseSigmaCondition>>();
/** Bounds the memory a stream of distinct conditions (a generated corpus) can hold. */
const MAX_CACHED_CONDITIONS = 4096;

function conditionParse(text: string): ReturnType<typeof parseSigmaCondition> {
  let parsed = conditionParses.get(text);
  if (parsed === undefined) {
    parsed = parseSigmaCondition(text);
    if (conditionParses.size >= MAX_CACHED_CONDITIONS) conditionParses.clear();
    conditionParses.set(text, parsed);
  }
  return parsed;
}

type Reporter = (message: string, span: Span) => void;

/** Reports identifiers and patterns of a condition that match no search identifier. */
export function checkReferences(ast: ConditionNode, selections: Map<string, SigmaSelection>, report: Reporter): void {
  switch (ast.kind) {
    case 'and':
    case 'or':
      for (const item of ast.items) checkReferences(item, selections, report);
      return;
    case 'not':
      checkReferences(ast.item, selections, report);
      return;
    case 'aggregation':
      checkReferences(ast.search, selections, report);
      if (ast.near) checkReferences(ast.near, selections, report);
      return;
    case 'ref':
      if (!selections.has(ast.name)) {
        const hint = closestName(ast.name, selections.keys());
        report(`'${ast.name}' is not a search identifier of this detection${hint ? ` (did you mean '${hint}'?)` : ''}`, ast.span);
      }
      return;
    case 'of':
      if (selectionsMatching(ast, selections.keys()).length === 0) {
        const what = ast.them ? 'there are no search identifiers (other than ones starting with _)' : `'${ast.pattern}' matches no search identifier`;
        report(`${ast.quantifier} of ${ast.pattern}: ${what}`, ast.patternSpan);
      }
      return;
  }
}

function reportAggregations(ast: ConditionNode, report: Reporter): void {
  if (ast.kind === 'aggregation') {
    report(`the '| ${ast.fn}' aggregation in a condition is deprecated and not supported by current Sigma tools; use a correlation rule`, ast.aggregationSpan);
  } else if (ast.kind === 'and' || ast.kind === 'or') {
    for (const item of ast.items) reportAggregations(item, report);
  } else if (ast.kind === 'not') {
    reportAggregations(ast.item, report);
  }
}

function closestName(name: string, names: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 4)) + 1;
  for (const n of names) {
    const d = distance(name, n);
    if (d < bestDistance) {
      best = n;
      bestDistance = d;
    }
  }
  return best;
}
