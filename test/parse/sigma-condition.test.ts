import { describe, expect, it } from 'vitest';
import { parseSigmaCondition } from '../../src/parse/sigma/condition-parser.js';
import { matchesPattern, selectionsMatching } from '../../src/parse/sigma/condition-ast.js';
import type { ConditionNode, ConditionOf } from '../../src/parse/sigma/condition-ast.js';

/** A compact rendering of the tree, to compare shapes without spans. */
function show(n: ConditionNode | null): string {
  if (!n) return 'null';
  switch (n.kind) {
    case 'and':
    case 'or':
      return `${n.kind}(${n.items.map(show).join(', ')})`;
    case 'not':
      return `not(${show(n.item)})`;
    case 'ref':
      return n.name;
    case 'of':
      return `${n.quantifier} of ${n.pattern}`;
    case 'aggregation':
      return `agg[${n.fn}${n.fn !== 'near' ? `(${n.field ?? ''})` : ''}${n.groupBy ? ` by ${n.groupBy}` : ''}${n.operator ? ` ${n.operator} ${n.threshold}` : ''}${n.near ? ` near ${show(n.near)}` : ''}](${show(n.search)})`;
  }
}

function ok(text: string): ConditionNode {
  const r = parseSigmaCondition(text);
  expect(r.errors).toEqual([]);
  expect(r.ast).not.toBeNull();
  return r.ast as ConditionNode;
}

function error(text: string): { message: string; at: string } {
  const r = parseSigmaCondition(text);
  expect(r.ast).toBeNull();
  expect(r.errors).toHaveLength(1);
  const e = r.errors[0] as { message: string; span: { start: number; end: number } };
  return { message: e.message, at: text.slice(e.span.start, e.span.end) };
}

describe('Sigma condition grammar', () => {
  it.each([
    ['selection', 'selection'],
    ['selection and not filter', 'and(selection, not(filter))'],
    ['not 1 of filter_*', 'not(1 of filter_*)'],
    ['selection and not (f1 or f2)', 'and(selection, not(or(f1, f2)))'],
    ['1 of selection_* and not 1 of filter_main_*', 'and(1 of selection_*, not(1 of filter_main_*))'],
    ['all of them', 'all of them'],
    ['1 of them', '1 of them'],
    ['any of sel*', 'any of sel*'],
    ['all of selection_* and not 1 of filter_main_* and not 1 of filter_optional_*', 'and(all of selection_*, not(1 of filter_main_*), not(1 of filter_optional_*))'],
  ])('parses %s', (text, tree) => {
    expect(show(ok(text))).toBe(tree);
  });

  it('binds not tighter than and, and tighter than or', () => {
    expect(show(ok('a or b and not c'))).toBe('or(a, and(b, not(c)))');
    expect(show(ok('not a and b or c'))).toBe('or(and(not(a), b), c)');
    expect(show(ok('not not a'))).toBe('not(not(a))');
    expect(show(ok('(a or b) and c'))).toBe('and(or(a, b), c)');
  });

  it('reads keywords in any case', () => {
    expect(show(ok('Sel AND NOT Filter OR x'))).toBe('or(and(Sel, not(Filter)), x)');
    expect(show(ok('ALL OF Them'))).toBe('all of them');
    expect(show(ok('1 Of sel_*'))).toBe('1 of sel_*');
  });

  it('accepts identifiers with digits, dashes, dots and a selection named like a quantifier', () => {
    expect(show(ok('sel-1 and filter.main and all'))).toBe('and(sel-1, filter.main, all)');
  });

  it('spans every node in the condition text', () => {
    const text = 'selection and not 1 of filter_*';
    const ast = ok(text);
    expect(ast.kind).toBe('and');
    if (ast.kind !== 'and') return;
    const [sel, neg] = ast.items as [ConditionNode, ConditionNode];
    expect(text.slice(sel.span.start, sel.span.end)).toBe('selection');
    expect(text.slice(neg.span.start, neg.span.end)).toBe('not 1 of filter_*');
    if (neg.kind !== 'not') throw new Error('expected not');
    const of = neg.item as ConditionOf;
    expect(text.slice(of.span.start, of.span.end)).toBe('1 of filter_*');
    expect(text.slice(of.patternSpan.start, of.patternSpan.end)).toBe('filter_*');
    expect(text.slice(ast.span.start, ast.span.end)).toBe(text);
  });

  it('parses a condition written over several lines', () => {
    const text = 'selection_parent and\n(\n    1 of selection_generic_*\n    or all of selection_special_*\n)\nand not 1 of filter_main_*\n';
    expect(show(ok(text))).toBe('and(selection_parent, or(1 of selection_generic_*, all of selection_special_*), not(1 of filter_main_*))');
  });

  describe('deprecated aggregations', () => {
    it.each([
      ['selection | count() by clientip > 10', 'agg[count() by clientip > 10](selection)'],
      ['selection | count(dst_port) by src_ip > 10', 'agg[count(dst_port) by src_ip > 10](selection)'],
      ['selection | sum(question_length) by src_ip > 300000', 'agg[sum(question_length) by src_ip > 300000](selection)'],
      ['selection and filter1 and filter2 | count(answer) by src_ip > 3', 'agg[count(answer) by src_ip > 3](and(selection, filter1, filter2))'],
      ['selection | count() > 6', 'agg[count() > 6](selection)'],
      ['selection_proctitle |near selection_syscall', 'agg[near near selection_syscall](selection_proctitle)'],
    ])('recognises %s', (text, tree) => {
      const ast = ok(text);
      expect(show(ast)).toBe(tree);
      if (ast.kind !== 'aggregation') throw new Error('expected an aggregation');
      expect(text.slice(ast.aggregationSpan.start, ast.aggregationSpan.end).startsWith('|')).toBe(true);
    });

    it('rejects an unknown aggregation function at its name', () => {
      expect(error('selection | median(x) > 5')).toEqual({ message: "unknown aggregation 'median' (count, min, max, avg, sum or near)", at: 'median' });
    });
  });

  describe('syntax errors point at the offending text', () => {
    it.each([
      ['selection and', "expected a search identifier after 'and', found the end of the condition", 'and'],
      ['selection and or filter', "expected a search identifier after 'and', found 'or'", 'or'],
      ['(selection or filter', "'(' is never closed", '('],
      ['selection or filter)', "unmatched ')'", ')'],
      ['selection filter', "expected 'and' or 'or' before 'filter'", 'filter'],
      ['selection && filter', "unexpected character '&' after a complete condition", '&'],
      ['2 of selection_*', "only '1 of', 'any of' and 'all of' are allowed, not '2 of'", '2 of'],
      ['1 of', "expected a search identifier pattern or 'them' after '1 of'", 'of'],
      ['1 of and x', "expected a search identifier pattern or 'them' after '1 of'", 'and'],
      ['selection_* and x', "'selection_*' is a pattern: write '1 of selection_*' or 'all of selection_*'", 'selection_*'],
      ['not', "expected a search identifier after 'not', found the end of the condition", 'not'],
      ['a and ()', "empty parentheses '()'", '()'],
      ['', 'condition is empty', ''],
      ['   ', 'condition is empty', '   '],
    ])('%j', (text, message, at) => {
      expect(error(text)).toEqual({ message, at });
    });

    it('does not overflow the stack on absurd nesting', () => {
      const deep = '('.repeat(5000) + 'a' + ')'.repeat(5000);
      expect(error(deep).message).toBe('condition is nested too deeply');
      const nots = 'not '.repeat(5000) + 'a';
      expect(error(nots).message).toBe('condition is nested too deeply');
    });
  });
});

describe('x of pattern matching', () => {
  it('matches whole names with * anywhere', () => {
    expect(matchesPattern('selection_img', 'selection_*')).toBe(true);
    expect(matchesPattern('selection', 'selection*')).toBe(true);
    expect(matchesPattern('selection', 'selection_*')).toBe(false);
    expect(matchesPattern('filter_main_x', '*main*')).toBe(true);
    expect(matchesPattern('a_b_c', 'a*b*c')).toBe(true);
    expect(matchesPattern('a_c', 'a*b*c')).toBe(false);
    expect(matchesPattern('abc', 'a*bc*c')).toBe(false);
    expect(matchesPattern('selection_1', 'selection')).toBe(false);
  });

  it('leaves out names starting with _ unless the pattern asks for them', () => {
    const names = ['selection', '_helper', 'filter_a', '_filter_x'];
    const them = parseSigmaCondition('1 of them').ast as ConditionOf;
    expect(selectionsMatching(them, names)).toEqual(['selection', 'filter_a']);
    const under = parseSigmaCondition('1 of _*').ast as ConditionOf;
    expect(selectionsMatching(under, names)).toEqual(['_helper', '_filter_x']);
    const filt = parseSigmaCondition('all of *filter*').ast as ConditionOf;
    expect(selectionsMatching(filt, names)).toEqual(['filter_a']);
  });
});
