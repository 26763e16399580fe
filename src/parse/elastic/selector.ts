import { elasticEvents, type ElasticSelector } from '../../model/events.js';
import type { EventRef, Predicate } from '../../model/rule.js';
import type { QueryStep } from './query.js';

/** The ECS fields whose values say which telemetry a rule reads. */
const SELECTOR_FIELDS = new Set(['event.category', 'event.type', 'event.action', 'event.code', 'host.os.type', 'event.dataset', 'data_stream.dataset']);

/** Operators that name a value the field holds (not a pattern, range or absence). */
const VALUE_OPERATORS = new Set(['eq', 'match', 'in']);

interface StepValues {
  categories: Set<string>;
  types: Set<string>;
  actions: Set<string>;
  codes: Set<string>;
  os: Set<string>;
  datasets: Set<string>;
  fields: Set<string>;
}

function emptyValues(): StepValues {
  return { categories: new Set(), types: new Set(), actions: new Set(), codes: new Set(), os: new Set(), datasets: new Set(), fields: new Set() };
}

/** What the rule wants to see: not an exclusion, not a comparison it wants false. */
function selects(p: Predicate): boolean {
  return p.role !== 'exclusion' && p.negated !== true;
}

function addValue(v: StepValues, p: Predicate): void {
  if (!VALUE_OPERATORS.has(p.operator) || p.value === null || typeof p.value === 'boolean') return;
  const value = String(p.value);
  switch (p.fieldAsWritten) {
    case 'event.category':
      v.categories.add(value.toLowerCase());
      return;
    case 'event.type':
      v.types.add(value.toLowerCase());
      return;
    case 'event.action':
      v.actions.add(value);
      return;
    case 'event.code':
      v.codes.add(value);
      return;
    case 'host.os.type':
      v.os.add(value.toLowerCase());
      return;
    case 'event.dataset':
    case 'data_stream.dataset':
      v.datasets.add(value);
      return;
  }
}

/** `logs-endpoint.events.process-*` → `process`: Elastic Defend writes each event category to its own data stream. */
const DEFEND_INDEX = /^logs-endpoint\.events\.([a-z]+)(?:[-*]|$)/;
const DEFEND_CATEGORIES = new Set(['process', 'network', 'file', 'registry', 'library']);

/** The event categories an Elastic Defend index pattern is limited to. */
function indexCategories(indices: readonly string[]): string[] {
  const out: string[] = [];
  for (const index of indices) {
    const m = DEFEND_INDEX.exec(index);
    if (m && DEFEND_CATEGORIES.has(m[1] as string)) out.push(m[1] as string);
  }
  return out;
}

function describeVia(v: StepValues, step: QueryStep, indices: readonly string[], viaIndex: boolean): string {
  const parts: string[] = [];
  if (step.category !== undefined) parts.push(`${step.category} where`);
  const list = (name: string, values: Set<string>): void => {
    if (values.size > 0) parts.push(`${name}:${[...values].join('|')}`);
  };
  if (!viaIndex) list('event.category', v.categories);
  list('event.type', v.types);
  list('event.action', v.actions);
  list('event.code', v.codes);
  list('dataset', v.datasets);
  list('host.os.type', v.os);
  if ((viaIndex || parts.length === 0) && indices.length > 0) parts.push(`index ${indices.join(', ')}`);
  return parts.join(', ');
}

/**
 * The catalog events an Elastic rule reads. Each EQL step (or the whole
 * KQL/ES|QL query) gives one selector: the EQL category, the values its
 * event.category/type/action/code, host.os.type and dataset predicates select
 * (exclusions and negated comparisons say what the rule does not read), the
 * fields it reads, and the rule's index patterns; data/elastic-events.yml
 * turns selectors into events. Missing-event and `until` steps read events
 * the rule never alerts on, so they add none.
 */
export function elasticRuleEvents(predicates: readonly Predicate[], steps: readonly QueryStep[], indices: readonly string[]): EventRef[] {
  const out = new Map<string, string>();
  const whole = steps.length === 0 ? [{ group: undefined, category: undefined, ignored: false }] : steps;
  const grouped = whole.some((s) => s.group !== undefined);
  const fromIndex = indexCategories(indices);
  for (const step of whole) {
    if (step.ignored) continue;
    const v = emptyValues();
    if (step.category !== undefined) v.categories.add(step.category);
    for (const p of predicates) {
      // Steps of a sequence read their own events; rule-wide predicates (no group) count for every step.
      if (grouped && p.group !== undefined && p.group !== step.group) continue;
      if (!selects(p)) continue;
      if (p.fieldAsWritten !== '') v.fields.add(p.field);
      if (SELECTOR_FIELDS.has(p.fieldAsWritten)) addValue(v, p);
    }
    // A query that names no category (or does not parse) still reads the category its Defend index holds.
    const viaIndex = v.categories.size === 0 && fromIndex.length > 0;
    if (viaIndex) for (const c of fromIndex) v.categories.add(c);
    const base = {
      categories: [...v.categories],
      types: [...v.types],
      actions: [...v.actions],
      codes: [...v.codes],
      datasets: [...v.datasets],
      indices,
      fields: [...v.fields],
    };
    const via = describeVia(v, step, indices, viaIndex);
    const oses = v.os.size > 0 ? [...v.os] : [undefined];
    for (const os of oses) {
      const sel: ElasticSelector = os === undefined ? base : { ...base, os };
      for (const key of elasticEvents(sel)) if (!out.has(key)) out.set(key, via);
    }
  }
  return [...out].map(([key, via]) => ({ key, via }));
}
