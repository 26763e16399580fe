import type { Span } from '../../model/location.js';
import type { SearchExpr, SplCommand, SplPipeline, SplQuery, TstatsCommand } from './spl-ast.js';
import { splFacts, type SplFieldRef } from './spl-facts.js';
import { isAggregation } from './spl-lower.js';

/** A field compared in a tstats `where` clause over a data model. */
export interface TstatsWhereField {
  name: string;
  span: Span;
  command: TstatsCommand;
}

/** Fields compared in the `where` clause of every datamodel tstats, subsearches included. */
export function tstatsWhereFields(q: SplQuery): TstatsWhereField[] {
  const out: TstatsWhereField[] = [];
  visitPipeline(q.pipeline, out);
  return out;
}

function visitPipeline(p: SplPipeline, out: TstatsWhereField[]): void {
  for (const cmd of p.commands) visitCommand(cmd, out);
}

function visitCommand(cmd: SplCommand, out: TstatsWhereField[]): void {
  switch (cmd.kind) {
    case 'tstats':
      if (cmd.datamodel && cmd.where) collectSearch(cmd.where, cmd, out);
      break;
    case 'join':
    case 'append':
      if (cmd.subsearch) visitPipeline(cmd.subsearch, out);
      break;
    default:
      break;
  }
}

function collectSearch(e: SearchExpr, command: TstatsCommand, out: TstatsWhereField[]): void {
  switch (e.kind) {
    case 'and':
    case 'or':
      for (const i of e.items) collectSearch(i, command, out);
      break;
    case 'not':
      collectSearch(e.item, command, out);
      break;
    case 'compare':
    case 'in':
      if (!e.field.macro) out.push({ name: e.field.text, span: e.field.span, command });
      break;
    case 'subsearch':
      visitPipeline(e.pipeline, out);
      break;
    default:
      break;
  }
}

/**
 * The fields a search reads from its events: every field referenced up to
 * and including the first aggregation (its filters, `by` fields and
 * aggregated fields), less the fields the search created before that point.
 * After the aggregation, fields are the aggregation's results, not the data's.
 */
export function fieldsReadFromEvents(q: SplQuery): SplFieldRef[] {
  const commands: SplCommand[] = [];
  for (const cmd of q.pipeline.commands) {
    commands.push(cmd);
    if (isAggregation(cmd)) break;
  }
  const facts = splFacts({ pipeline: { commands, span: q.pipeline.span }, text: q.text });
  const created = new Set(facts.createdFields.map((c) => c.name));
  return facts.fieldRefs.filter((r) => !created.has(r.name) && !r.name.includes('*'));
}

