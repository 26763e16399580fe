import { fieldOfKey, parseKey } from '../model/normalize.js';
import type { Operator, Vendor } from '../model/rule.js';
import type { EventRow, Exclude, FieldRow, IndexedPredicate, IndexedRule, RowExample, RuleSummary, TechniqueAggregate, TechniqueEventAggregate, ValueRow } from './corpus-index.js';

/** Rules and per-vendor examples collected for one row. */
class RowCollector {
  private readonly rows = new Map<string, { refs: number[]; examples: Partial<Record<Vendor, RowExample>> }>();

  add(rule: IndexedRule, p: IndexedPredicate): void {
    let row = this.rows.get(p.key);
    if (!row) {
      row = { refs: [], examples: {} };
      this.rows.set(p.key, row);
    }
    if (row.refs[row.refs.length - 1] !== rule.ref) row.refs.push(rule.ref);
    row.examples[rule.vendor] ??= { field: p.field, written: p.written, operator: p.operator, value: p.value };
  }

  /** Reach is looked up only when asked for: it may read many index shards. */
  toRows(reach?: (key: string) => number): ValueRow[] {
    const rows = [...this.rows].map(([key, r]): ValueRow => {
      const n = parseKey(key);
      const row: ValueRow = { key, field: n.field, operator: n.operator, value: n.value, rules: r.refs.length, refs: r.refs, examples: r.examples };
      if (reach) row.reach = reach(key);
      return row;
    });
    return sortRows(rows, (r) => r.rules, (r) => r.key);
  }
}

const MAX_SAMPLES = 5;

/**
 * The catalog page's sections for one technique, from its rules. Every row
 * counts each rule at most once, however often the rule repeats the field or
 * value (the catalog's rule).
 */
export function aggregateTechnique(technique: string, rules: readonly IndexedRule[], reach: (key: string) => number, exclude?: Exclude): TechniqueAggregate {
  const kept = exclude && exclude.size > 0 ? rules.filter((r) => !exclude.has(r.ref)) : rules;
  const events = new Map<string, number>();
  const fields = new Map<string, { rules: number; operators: Map<Operator, number>; samples: Set<string> }>();
  const indicators = new RowCollector();
  const exclusions = new RowCollector();
  for (const r of kept) {
    for (const e of r.events) events.set(e, (events.get(e) ?? 0) + 1);
    const fieldSeen = new Set<string>();
    const opSeen = new Set<string>();
    for (const p of r.predicates) {
      if (p.negated) continue;
      // A row is keyed by the normalised field; when normalisation moved the
      // predicate to another field (Image|endswith '\\x.exe' → process.name = x.exe)
      // its operator and value are shown as normalised too, so the row reads true.
      const normalField = fieldOfKey(p.key);
      const moved = normalField !== p.field;
      const norm = moved ? parseKey(p.key) : undefined;
      const operator = norm ? norm.operator : p.operator;
      const sample = norm ? norm.value : p.value;
      let row = fields.get(normalField);
      if (!row) {
        row = { rules: 0, operators: new Map(), samples: new Set() };
        fields.set(normalField, row);
      }
      if (!fieldSeen.has(normalField)) {
        fieldSeen.add(normalField);
        row.rules++;
      }
      const opId = `${normalField}\u0000${operator}`;
      if (!opSeen.has(opId)) {
        opSeen.add(opId);
        row.operators.set(operator, (row.operators.get(operator) ?? 0) + 1);
      }
      if (row.samples.size < MAX_SAMPLES && sample !== '' && p.role !== 'exclusion') row.samples.add(sample);
      (p.role === 'exclusion' ? exclusions : indicators).add(r, p);
    }
  }
  return {
    technique,
    ruleCount: kept.length,
    rules: kept.map(summary),
    events: sortRows([...events].map(([key, n]): EventRow => ({ key, rules: n })), (e) => e.rules, (e) => e.key),
    fields: sortRows(
      [...fields].map(([field, f]): FieldRow => ({ field, rules: f.rules, operators: Object.fromEntries(f.operators) as FieldRow['operators'], samples: [...f.samples] })),
      (f) => f.rules,
      (f) => f.field,
    ),
    indicators: indicators.toRows(reach),
    exclusions: exclusions.toRows(reach),
  };
}

/** Exclusions shared by the technique's rules that read one event. */
export function aggregateTechniqueEvent(technique: string, event: string, rules: readonly IndexedRule[], exclude?: Exclude): TechniqueEventAggregate {
  const onEvent = rules.filter((r) => r.events.includes(event) && !exclude?.has(r.ref));
  const exclusions = new RowCollector();
  for (const r of onEvent) {
    for (const p of r.predicates) if (p.role === 'exclusion') exclusions.add(r, p);
  }
  return { technique, event, ruleCount: onEvent.length, refs: onEvent.map((r) => r.ref), exclusions: exclusions.toRows() };
}

/**
 * The same aggregate without some rules (the linted rule's own entries),
 * derived from the full one: every row keeps the refs of the rules behind it,
 * so leaving rules out is a subtraction, not a recount.
 */
export function withoutRules(agg: TechniqueEventAggregate, exclude: Exclude | undefined): TechniqueEventAggregate {
  if (!exclude || exclude.size === 0 || !agg.refs.some((r) => exclude.has(r))) return agg;
  const exclusions = agg.exclusions
    .map((row) => {
      const refs = row.refs.filter((r) => !exclude.has(r));
      return refs.length === row.refs.length ? row : { ...row, refs, rules: refs.length };
    })
    .filter((row) => row.rules > 0);
  const refs = agg.refs.filter((r) => !exclude.has(r));
  return { ...agg, ruleCount: refs.length, refs, exclusions: sortRows(exclusions, (r) => r.rules, (r) => r.key) };
}

function sortRows<T>(rows: T[], count: (r: T) => number, name: (r: T) => string): T[] {
  return rows.sort((a, b) => count(b) - count(a) || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
}

function summary(r: IndexedRule): RuleSummary {
  const s: RuleSummary = { ref: r.ref, vendor: r.vendor, title: r.title, file: r.file, events: r.events };
  if (r.id) s.id = r.id;
  return s;
}

/**
 * The exclusions of a technique/event aggregate shared by at least `minRules`
 * rules and `minShare` of them, leaving some rules out. Rows come sorted by
 * rule count, so the scan stops at the first row too rare to qualify, and
 * only qualifying rows are recounted without the left-out rules. The left-out
 * rules are few (a linted rule's own entries) and the lists long, so each
 * list is searched for them rather than filtered; a row is copied only when
 * it loses some, and the rows are sorted again only then.
 */
export function sharedExclusions(agg: TechniqueEventAggregate, exclude: Exclude | undefined, minRules: number, minShare: number): { ruleCount: number; rows: ValueRow[] } {
  const leaveOut = exclude && exclude.size > 0 ? exclude : undefined;
  const ruleCount = leaveOut ? agg.ruleCount - countIn(agg.refs, leaveOut) : agg.ruleCount;
  const rows: ValueRow[] = [];
  if (ruleCount < minRules) return { ruleCount, rows };
  let changed = false;
  for (const row of agg.exclusions) {
    if (row.rules < minRules) break;
    const rules = leaveOut ? row.rules - countIn(row.refs, leaveOut) : row.rules;
    if (rules < minRules || rules / ruleCount < minShare) continue;
    if (rules === row.rules) rows.push(row);
    else {
      rows.push({ ...row, refs: row.refs.filter((r) => !leaveOut?.has(r)), rules });
      changed = true;
    }
  }
  return { ruleCount, rows: changed ? sortRows(rows, (r) => r.rules, (r) => r.key) : rows };
}

/** How many of the refs are in the set (a list holds each ref once). */
function countIn(refs: readonly number[], set: Exclude): number {
  let n = 0;
  for (const ref of set) if (refs.includes(ref)) n++;
  return n;
}
