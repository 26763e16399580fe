import type { Span } from '../../../model/location.js';
import type { EqlCategory, EqlExpr, EqlPipe, EqlQuery, EqlStep, EqlTimeSpan } from './ast.js';

/** One event a query reads: the single event of an event query, or a bracketed step. */
export interface EqlStepOutline {
  /** The lowering's group for the step (`sequence[2]`, `sequence[until]`); undefined for an event query. */
  group: string | undefined;
  /** `process`, `network`, `any`, … with its span. */
  category: EqlCategory;
  /** The step's own join keys, as field names (keys that are not plain fields are left out). */
  by: string[];
  /** `![…]` */
  missing: boolean;
  /** The `until` step of a sequence or join. */
  until: boolean;
  /** `with runs=N`, or 1. */
  runs: number;
  span: Span;
}

/** The shape of a query that later checks look at without walking the tree. */
export interface EqlOutline {
  kind: EqlQuery['kind'];
  /** Every step in order, the `until` step last. */
  steps: EqlStepOutline[];
  /** Join keys shared by all steps (`sequence by host.id`), as field names. */
  by: string[];
  maxspan: EqlTimeSpan | null;
  pipes: EqlPipe[];
}

export function eqlOutline(q: EqlQuery): EqlOutline {
  if (q.kind === 'event') {
    const step: EqlStepOutline = {
      group: undefined,
      category: q.event.category,
      by: [],
      missing: false,
      until: false,
      runs: 1,
      span: q.event.span,
    };
    return { kind: 'event', steps: [step], by: [], maxspan: null, pipes: q.pipes };
  }
  const steps = q.steps.map((s, i) => outlineStep(s, stepGroup(q.kind, i), false));
  const until = q.kind === 'sample' ? null : q.until;
  if (until) steps.push(outlineStep(until, `${q.kind}[until]`, true));
  return {
    kind: q.kind,
    steps,
    by: fieldNames(q.by),
    maxspan: q.kind === 'sequence' ? q.maxspan : null,
    pipes: q.pipes,
  };
}

/** `sequence[1]`: steps are numbered from 1, as people count them. */
export function stepGroup(kind: 'sequence' | 'sample' | 'join', index: number): string {
  return `${kind}[${index + 1}]`;
}

function outlineStep(s: EqlStep, group: string, until: boolean): EqlStepOutline {
  return {
    group,
    category: s.event.category,
    by: fieldNames(s.by),
    missing: s.missing,
    until,
    runs: s.runs?.value ?? 1,
    span: s.span,
  };
}

function fieldNames(keys: EqlExpr[]): string[] {
  const names: string[] = [];
  for (const k of keys) if (k.kind === 'field') names.push(k.name);
  return names;
}
