import { describe, expect, it } from 'vitest';
import { and, not, or, type Logic, type LogicCompare } from '../../src/model/logic.js';
import { predicatesFromLogic } from '../../src/model/predicates.js';
import type { Predicate } from '../../src/model/rule.js';

const cmp = (field: string, value: string): LogicCompare => ({ kind: 'cmp', field, operator: 'eq', value, span: { start: 0, end: 1 } });
const roles = (logic: Logic): Record<string, string> => {
  const out: Record<string, string> = {};
  predicatesFromLogic(logic, (c, role, ctx): Predicate => {
    out[c.field] = ctx.negated ? `${role}/negated` : role;
    return { field: c.field, fieldAsWritten: c.field, operator: c.operator, value: c.value, role, loc: { line: 1, column: 1, endLine: 1, endColumn: 1 } };
  });
  return out;
};

describe('predicatesFromLogic', () => {
  it('marks what sits under a top-level NOT as exclusions: sel and not filter', () => {
    expect(roles(and([cmp('a', 'x'), not(cmp('f', 'y'))]))).toEqual({ a: 'indicator', f: 'exclusion' });
  });

  it('handles not (f1 or (f2 and f3)) groups', () => {
    expect(roles(and([cmp('a', 'x'), not(or([cmp('f1', '1'), and([cmp('f2', '2'), cmp('f3', '3')])]))]))).toEqual({ a: 'indicator', f1: 'exclusion', f2: 'exclusion', f3: 'exclusion' });
  });

  it('treats a NOT inside an OR as a negation, not an exclusion', () => {
    expect(roles(or([cmp('a', 'x'), not(cmp('b', 'y'))]))).toEqual({ a: 'indicator', b: 'indicator/negated' });
  });

  it('treats a lone NOT at the root as an exclusion (not 1 of filter_*)', () => {
    expect(roles(not(or([cmp('f1', '1'), cmp('f2', '2')])))).toEqual({ f1: 'exclusion', f2: 'exclusion' });
  });
});
