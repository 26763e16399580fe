import type { EqlEventFilter, EqlExpr, EqlLiteral } from './ast.js';

/** Binding strength, loosest first; a child that binds looser than its slot is parenthesised. */
const PRECEDENCE: Record<EqlExpr['kind'], number> = {
  or: 1,
  and: 2,
  not: 3,
  relationship: 3,
  compare: 4,
  arith: 5,
  negate: 7,
  match: 8,
  in: 8,
  call: 9,
  field: 9,
  string: 9,
  number: 9,
  boolean: 9,
  null: 9,
};

/**
 * Prints an expression back as EQL, in one line with normalised spacing.
 * Used to describe the parts of a query that do not lower to comparisons.
 */
export function formatEqlExpr(e: EqlExpr): string {
  switch (e.kind) {
    case 'or':
    case 'and':
      return e.items.map((it) => wrap(it, PRECEDENCE[e.kind] + 1)).join(` ${e.kind} `);
    case 'not':
      return `not ${wrap(e.operand, PRECEDENCE.not)}`;
    case 'relationship':
      return `${e.relation} of [${formatEqlEvent(e.event)}]`;
    case 'compare':
      return `${wrap(e.left, PRECEDENCE.arith)} ${e.operator} ${wrap(e.right, PRECEDENCE.arith)}`;
    case 'arith': {
      const p = e.operator === '+' || e.operator === '-' ? 5 : 6;
      return `${wrap(e.left, p)} ${e.operator} ${wrap(e.right, p + 1)}`;
    }
    case 'negate':
      return `-${wrap(e.operand, PRECEDENCE.negate)}`;
    case 'match': {
      const values = e.values.map(formatLiteral).join(', ');
      return `${wrap(e.left, PRECEDENCE.call)} ${e.operator} ${e.list ? `(${values})` : values}`;
    }
    case 'in':
      return `${wrap(e.left, PRECEDENCE.call)} ${e.negated ? 'not ' : ''}${e.operator} (${e.values.map(formatEqlExpr).join(', ')})`;
    case 'call':
      return `${e.name}${e.caseInsensitive ? '~' : ''}(${e.args.map(formatEqlExpr).join(', ')})`;
    case 'field':
      return (e.optional ? '?' : '') + formatFieldName(e.name);
    default:
      return formatLiteral(e);
  }
}

export function formatEqlEvent(f: EqlEventFilter): string {
  const category = f.category.quoted ? JSON.stringify(f.category.name) : f.category.name;
  return `${category} where ${formatEqlExpr(f.where)}`;
}

function wrap(e: EqlExpr, min: number): string {
  const s = formatEqlExpr(e);
  return PRECEDENCE[e.kind] < min ? `(${s})` : s;
}

function formatLiteral(e: EqlLiteral): string {
  switch (e.kind) {
    case 'string':
      return e.style === 'triple' || e.style === 'raw' ? `"""${e.value}"""` : quoteString(e.value);
    case 'number':
      return String(e.value);
    case 'boolean':
      return String(e.value);
    case 'null':
      return 'null';
  }
}

function quoteString(value: string): string {
  let out = '"';
  for (const ch of value) {
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else out += ch;
  }
  return out + '"';
}

/** Backquotes the path segments that are not plain identifiers. */
function formatFieldName(name: string): string {
  if (/^[A-Za-z_@][A-Za-z0-9_]*(\.[A-Za-z0-9_]+|\[[0-9]+\])*$/.test(name)) return name;
  return '`' + name.replace(/`/g, '``') + '`';
}
