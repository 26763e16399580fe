import { asPattern, NUMBER, PATTERN_OPERATORS, termGroups, type TermGroup } from './elastic-terms.js';
import type { ExclusionSnippetWriter } from './types.js';

/** A KQL phrase: only `\` and `"` are escaped inside quotes. */
function phrase(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

/** Kibana's special characters outside quotes (`*` too, when it is meant literally). */
const SPECIAL = /[\\():<>"*{}]/g;
const SPECIAL_BUT_STAR = /[\\():<>"{}]/g;

/**
 * An unquoted KQL value must not contain a keyword where Kibana would read
 * one (`… or …`, `… and …`, `not …`); the whitespace that makes it a keyword
 * becomes `?`, a one-character wildcard, which keeps the pattern matching.
 */
function breakKeywords(text: string): string {
  return text
    .replace(/\s(?=(?:or|and)(?:\s|\(|$))/gi, '?')
    .replace(/(not)\s/gi, '$1?')
    .replace(/\t/g, '\\t')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');
}

function literal(text: string): string {
  return breakKeywords(text.replace(SPECIAL, '\\$&'));
}

function wildcard(text: string): string {
  return breakKeywords(text.replace(SPECIAL_BUT_STAR, '\\$&'));
}

function list(field: string, values: string[]): string {
  return values.length === 1 ? `${field} : ${values[0]}` : `${field} : (${values.join(' or ')})`;
}

/** One group as a KQL clause; undefined for what KQL cannot say (regular expressions). */
function clause(g: TermGroup): string | undefined {
  const { field, operator, values } = g;
  if (PATTERN_OPERATORS.has(operator)) {
    return list(field, values.map((v) => asPattern(operator, v, literal, wildcard)));
  }
  switch (operator) {
    case 'eq':
    case 'match':
    case 'in':
    case 'cidr':
      return list(field, values.map(phrase));
    case 'ne':
      return values.map((v) => `not ${field} : ${phrase(v)}`).join(' or ');
    case 'is_null':
      return `not ${field} : *`;
    case 'is_not_null':
      return `${field} : *`;
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const op = { lt: '<', lte: '<=', gt: '>', gte: '>=' }[operator];
      return values.map((v) => `${field} ${op} ${NUMBER.test(v) ? v : phrase(v)}`).join(' or ');
    }
    default:
      return undefined;
  }
}

/** `and not (field : ("a" or "b") or …)`: to append to the rule's KQL query. */
export const kqlSnippet: ExclusionSnippetWriter = (rule, rows) => {
  const clauses = termGroups(rule, rows).map(clause).filter((c): c is string => c !== undefined);
  if (clauses.length === 0) return '';
  if (clauses.length === 1) return `and not (${clauses[0]})`;
  return `and not (\n  ${clauses.join(' or\n  ')}\n)`;
};
