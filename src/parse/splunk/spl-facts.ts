import type { Span } from '../../model/location.js';
import type {
  EvalExpr, SearchExpr, SplAggregation, SplCommand, SplDatamodelRef, SplMacroRef, SplPipeline, SplQuery, SplWord,
} from './spl-ast.js';

/** Where a field is referenced. */
export type SplFieldUsage = 'search' | 'where' | 'by' | 'eval' | 'aggregate' | 'rename' | 'lookup' | 'output' | 'sort' | 'other';

export interface SplFieldRef {
  name: string;
  span: Span;
  usage: SplFieldUsage;
  /** The command it appears in (`tstats`, `stats`, `where` …). */
  command: string;
}

export interface SplCreatedField {
  name: string;
  span: Span;
  command: string;
}

export interface SplDatamodelUse extends SplDatamodelRef {
  command: string;
}

export interface SplFacts {
  /** Data models read by tstats / from (`Endpoint.Processes`). */
  datamodels: SplDatamodelUse[];
  /** Fields the search reads, everywhere (subsearches included). */
  fieldRefs: SplFieldRef[];
  /** Fields the search creates: eval targets, rename targets, aggregation `as`, lookup outputs, rex groups, … */
  createdFields: SplCreatedField[];
  /** The fields of the final results, from the last table/fields/stats and the renames and evals after it; empty when unknown. */
  outputFields: { name: string; span: Span }[];
  /** Macro calls left unexpanded in the text. */
  macros: SplMacroRef[];
}

export function splFacts(q: SplQuery): SplFacts {
  const facts: SplFacts = { datamodels: [], fieldRefs: [], createdFields: [], outputFields: [], macros: [] };
  visitPipeline(q.pipeline, facts);
  facts.outputFields = outputFields(q.pipeline);
  return facts;
}

function ref(facts: SplFacts, w: SplWord, usage: SplFieldUsage, command: string): void {
  if (w.macro) {
    facts.macros.push(w.macro);
    return;
  }
  facts.fieldRefs.push({ name: w.text, span: w.span, usage, command });
}

function created(facts: SplFacts, w: SplWord | { text: string; span: Span }, command: string): void {
  facts.createdFields.push({ name: w.text, span: w.span, command });
}

function visitPipeline(p: SplPipeline, facts: SplFacts): void {
  for (const cmd of p.commands) visitCommand(cmd, facts);
}

function visitCommand(cmd: SplCommand, facts: SplFacts): void {
  const name = cmd.name;
  switch (cmd.kind) {
    case 'search':
      if (cmd.expr) visitSearch(cmd.expr, facts, name);
      break;
    case 'tstats':
      if (cmd.datamodel) facts.datamodels.push({ ...cmd.datamodel, command: name });
      visitAggregations(cmd.aggregations, facts, name);
      if (cmd.where) visitSearch(cmd.where, facts, name);
      for (const b of cmd.by) ref(facts, b, 'by', name);
      for (const o of cmd.options) if (o.value.macro) facts.macros.push(o.value.macro);
      break;
    case 'from':
      if (cmd.datamodel) facts.datamodels.push({ ...cmd.datamodel, command: name });
      break;
    case 'where':
      if (cmd.expr) visitEval(cmd.expr, facts, 'where', name);
      break;
    case 'eval':
      for (const a of cmd.assignments) {
        if (a.expr) visitEval(a.expr, facts, 'eval', name);
        created(facts, a.field, name);
      }
      break;
    case 'stats':
      visitAggregations(cmd.aggregations, facts, name);
      if (cmd.over) ref(facts, cmd.over, 'by', name);
      for (const b of cmd.by) ref(facts, b, 'by', name);
      break;
    case 'rename':
      for (const p of cmd.pairs) {
        ref(facts, p.from, 'rename', name);
        created(facts, p.to, name);
      }
      break;
    case 'fields':
      for (const f of cmd.fields) ref(facts, f, 'output', name);
      break;
    case 'lookup':
      for (const i of cmd.inputs) ref(facts, i.as ?? i.field, 'lookup', name);
      for (const o of cmd.outputs) created(facts, o.as ?? o.field, name);
      break;
    case 'inputlookup':
      if (cmd.where) visitSearch(cmd.where, facts, name);
      break;
    case 'dedup':
      for (const f of cmd.fields) ref(facts, f, 'other', name);
      for (const f of cmd.sortby) ref(facts, f.field, 'sort', name);
      break;
    case 'sort':
      for (const f of cmd.fields) ref(facts, f.field, 'sort', name);
      break;
    case 'head':
      if (cmd.expr) visitEval(cmd.expr, facts, 'where', name);
      break;
    case 'rex':
      if (cmd.field) ref(facts, cmd.field, 'other', name);
      for (const g of cmd.groups) created(facts, { text: g.name, span: g.span }, name);
      break;
    case 'regex':
      if (cmd.field) ref(facts, cmd.field, 'where', name);
      break;
    case 'bin':
      if (cmd.field) ref(facts, cmd.field, 'other', name);
      if (cmd.as) created(facts, cmd.as, name);
      break;
    case 'join':
      for (const f of cmd.fields) ref(facts, f, 'other', name);
      if (cmd.subsearch) visitPipeline(cmd.subsearch, facts);
      break;
    case 'append':
      if (cmd.subsearch) visitPipeline(cmd.subsearch, facts);
      break;
    case 'makemv':
    case 'mvexpand':
      if (cmd.field) ref(facts, cmd.field, 'other', name);
      break;
    case 'fillnull':
      for (const f of cmd.fields) ref(facts, f, 'other', name);
      break;
    case 'convert':
      for (const c of cmd.conversions) {
        ref(facts, c.field, 'other', name);
        if (c.as) created(facts, c.as, name);
      }
      break;
    case 'spath': {
      const input = cmd.options.find((o) => o.name === 'input');
      if (input) ref(facts, input.value, 'other', name);
      const output = cmd.options.find((o) => o.name === 'output');
      if (output) created(facts, output.value, name);
      else if (cmd.path) created(facts, cmd.path, name);
      break;
    }
    case 'macro':
      facts.macros.push(cmd.macro);
      break;
    case 'other':
      break;
  }
}

function visitAggregations(aggs: readonly SplAggregation[], facts: SplFacts, command: string): void {
  for (const a of aggs) {
    if (a.field) ref(facts, a.field, 'aggregate', command);
    if (a.evalArg) visitEval(a.evalArg, facts, 'aggregate', command);
    if (a.as) created(facts, a.as, command);
  }
}

function visitSearch(e: SearchExpr, facts: SplFacts, command: string): void {
  switch (e.kind) {
    case 'and':
    case 'or':
      for (const i of e.items) visitSearch(i, facts, command);
      break;
    case 'not':
      visitSearch(e.item, facts, command);
      break;
    case 'compare':
    case 'in':
      ref(facts, e.field, 'search', command);
      if (e.kind === 'compare' && e.value.macro) facts.macros.push(e.value.macro);
      break;
    case 'term':
      break;
    case 'macro':
      facts.macros.push(e.macro);
      break;
    case 'subsearch':
      visitPipeline(e.pipeline, facts);
      break;
  }
}

function visitEval(e: EvalExpr, facts: SplFacts, usage: SplFieldUsage, command: string): void {
  switch (e.kind) {
    case 'binary':
      visitEval(e.left, facts, usage, command);
      visitEval(e.right, facts, usage, command);
      break;
    case 'unary':
      visitEval(e.operand, facts, usage, command);
      break;
    case 'call':
      for (const a of e.args) visitEval(a, facts, usage, command);
      break;
    case 'in':
      visitEval(e.operand, facts, usage, command);
      for (const v of e.values) visitEval(v, facts, usage, command);
      break;
    case 'field':
      facts.fieldRefs.push({ name: e.name, span: e.span, usage, command });
      break;
    case 'macro':
      facts.macros.push(e.macro);
      break;
    case 'subsearch':
      visitPipeline(e.pipeline, facts);
      break;
    default:
      break;
  }
}

// ---------------------------------------------------------------- output fields

interface OutField {
  name: string;
  span: Span;
}

/** Follows the top-level pipeline: the field set is known from the last table/fields/stats on. */
function outputFields(p: SplPipeline): OutField[] {
  let current: OutField[] | null = null;
  for (const cmd of p.commands) {
    switch (cmd.kind) {
      case 'stats':
      case 'tstats': {
        const next: OutField[] = cmd.aggregations.map((a) => ({ name: a.as?.text ?? aggregationName(a), span: a.as?.span ?? a.span }));
        if (cmd.kind === 'stats' && cmd.over) next.push({ name: cmd.over.text, span: cmd.over.span });
        for (const b of cmd.by) next.push({ name: b.text, span: b.span });
        if (cmd.kind === 'stats' && (cmd.name === 'eventstats' || cmd.name === 'streamstats')) {
          if (current) current = current.concat(next.filter((f) => !current?.some((c) => c.name === f.name)));
        } else {
          current = next;
        }
        break;
      }
      case 'fields':
        if (!cmd.remove) current = cmd.fields.map((f) => ({ name: f.text, span: f.span }));
        else if (current) {
          const drop = cmd.fields.map((f) => wildcardMatcher(f.text));
          current = current.filter((c) => !drop.some((m) => m(c.name)));
        }
        break;
      case 'rename':
        if (current) {
          for (const pair of cmd.pairs) current = current.map((c) => renamed(c, pair.from.text, pair.to.text, pair.to.span));
        }
        break;
      case 'eval':
        if (current) for (const a of cmd.assignments) addField(current, { name: a.field.text, span: a.field.span });
        break;
      case 'lookup':
        if (current) for (const o of cmd.outputs) addField(current, { name: (o.as ?? o.field).text, span: (o.as ?? o.field).span });
        break;
      case 'convert':
        if (current) for (const c of cmd.conversions) if (c.as) addField(current, { name: c.as.text, span: c.as.span });
        break;
      default:
        break;
    }
  }
  return current ?? [];
}

function addField(list: OutField[], f: OutField): void {
  if (!list.some((c) => c.name === f.name)) list.push(f);
}

/** Splunk's default name for an unaliased aggregation: `count`, `values(x)`. */
function aggregationName(a: SplAggregation): string {
  if (a.field) return `${a.fn}(${a.field.text})`;
  return a.fn;
}

function wildcardMatcher(pattern: string): (name: string) => boolean {
  const star = pattern.indexOf('*');
  if (star < 0) return (n) => n === pattern;
  const parts = pattern.split('*');
  return (n) => {
    let pos = 0;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as string;
      if (i === 0) {
        if (!n.startsWith(part)) return false;
        pos = part.length;
      } else if (i === parts.length - 1) {
        return n.length - part.length >= pos && n.endsWith(part);
      } else {
        const at = n.indexOf(part, pos);
        if (at < 0) return false;
        pos = at + part.length;
      }
    }
    return true;
  };
}

/** Applies `rename from as to` (one `*` on each side at most, as Splunk allows) to an output field. */
function renamed(f: OutField, from: string, to: string, toSpan: Span): OutField {
  const star = from.indexOf('*');
  if (star < 0) return f.name === from ? { name: to, span: toSpan } : f;
  const prefix = from.slice(0, star);
  const suffix = from.slice(star + 1);
  if (suffix.includes('*') || f.name.length < prefix.length + suffix.length || !f.name.startsWith(prefix) || !f.name.endsWith(suffix)) return f;
  const middle = f.name.slice(prefix.length, f.name.length - suffix.length);
  return { name: to.replace('*', middle), span: f.span };
}
