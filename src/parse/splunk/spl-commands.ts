import type { Span } from '../../model/location.js';
import type {
  AppendCommand, BinCommand, ConvertCommand, DedupCommand, EvalAssignment, EvalCommand,
  FieldListCommand, FillnullCommand, FromCommand, HeadCommand, InputlookupCommand, JoinCommand,
  LookupCommand, MakemvCommand, MvexpandCommand, RegexCommand, RenameCommand, RexCommand, SearchExpr,
  SortCommand, SpathCommand, SplAggregation, SplCommand, SplDatamodelRef, SplFieldAlias, SplOption,
  SplWord, StatsCommand, TstatsCommand, WhereCommand, SearchCommand,
} from './spl-ast.js';
import { parseEvalExpr } from './spl-eval-expr.js';
import { parseSearchExpr } from './spl-search-expr.js';
import { FIELD_STOP, OPTION_VALUE_STOP, isSpace, isWordChar, stopSet, type SplScanner } from './spl-scanner.js';

/** What the pipeline parser has read before handing a command over. */
export interface CommandHead {
  name: string;
  nameSpan: Span;
  start: number;
}

type CommandParser = (s: SplScanner, head: CommandHead) => SplCommand;

const AGG_ARG_STOP = stopSet('|[](),`');
const REGEX_FIELD_STOP = stopSet('|[](),=`!"');

function base(head: CommandHead, s: SplScanner): { name: string; nameSpan: Span; span: Span } {
  return { name: head.name, nameSpan: head.nameSpan, span: { start: head.start, end: s.pos } };
}

/** After `skipWs`: at the end of the command or at one of the (upper-case) keywords. */
function atStop(s: SplScanner, keywords: readonly string[]): boolean {
  s.skipWs();
  if (s.atCommandEnd()) return true;
  for (const k of keywords) if (s.isKeyword(k)) return true;
  return false;
}

/** Reports the character at the cursor as unexpected and steps over it. */
function unexpected(s: SplScanner, where: string): void {
  const ch = s.text[s.pos] ?? '';
  s.error(`unexpected '${ch}' in ${where}`, s.pos);
  s.pos++;
}

function macroWord(s: SplScanner): SplWord {
  const macro = s.readMacro();
  return { text: s.text.slice(macro.span.start, macro.span.end), span: macro.span, quoted: false, macro };
}

/**
 * A field name, possibly quoted, possibly an unexpanded macro; null (and an
 * error) when none is there. With `balance`, parentheses belong to the name
 * (`predicted(score)` is a field that `fit` creates).
 */
function readField(s: SplScanner, where: string, balance = false): SplWord | null {
  s.skipWs();
  if (s.code() === 96) return macroWord(s);
  if (s.code() === 39) return readSingleQuoted(s);
  const w = s.readWord(FIELD_STOP, balance);
  if (!w) {
    if (s.atCommandEnd()) s.error(`expected a field name in ${where}`, s.pos);
    else unexpected(s, where);
  }
  return w;
}

/** `'field name'`, as eval writes field names. */
function readSingleQuoted(s: SplScanner): SplWord {
  const t = s.text;
  const start = s.pos;
  const close = t.indexOf("'", start + 1);
  const end = close < 0 ? t.length : close + 1;
  if (close < 0) s.error('unclosed single quote', start, t.length);
  s.pos = end;
  return { text: t.slice(start + 1, close < 0 ? t.length : close), span: { start, end }, quoted: true };
}

/** Fields separated by spaces and commas, up to the end of the command or a keyword; `key=value` options go to `options`. */
function readFieldList(s: SplScanner, where: string, keywords: readonly string[], options?: SplOption[]): SplWord[] {
  const fields: SplWord[] = [];
  while (!atStop(s, keywords)) {
    if (s.code() === 44) {
      s.pos++;
      continue;
    }
    if (options) {
      const opt = s.tryOption();
      if (opt) {
        options.push(opt);
        continue;
      }
    }
    const w = readField(s, where, true);
    if (w) fields.push(w);
  }
  return fields;
}

function readOptions(s: SplScanner, into: SplOption[]): void {
  for (;;) {
    s.skipWs();
    if (s.atCommandEnd()) return;
    const opt = s.tryOption();
    if (!opt) return;
    into.push(opt);
  }
}

function readInteger(s: SplScanner): number | undefined {
  s.skipWs();
  const t = s.text;
  let i = s.pos;
  while (i < t.length && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++;
  if (i === s.pos || isWordChar(t.charCodeAt(i)) || t.charCodeAt(i) === 46) return undefined;
  const n = Number(t.slice(s.pos, i));
  s.pos = i;
  return n;
}

function readAs(s: SplScanner, where: string): SplWord | undefined {
  s.skipWs();
  if (!s.eatKeyword('AS')) return undefined;
  s.skipWs();
  // Aliases may hold parentheses: `values(aceFlags) as aceFlags(inheritance)`.
  return readField(s, where, true) ?? undefined;
}

// ---------------------------------------------------------------- search, where, eval

export function parseSearchCommand(s: SplScanner, head: CommandHead, implicit: boolean): SearchCommand {
  const expr = parseSearchExpr(s);
  return { kind: 'search', implicit, expr, ...base(head, s) };
}

const parseWhere: CommandParser = (s, head) => {
  const expr = parseEvalExpr(s);
  if (!expr) s.error("expected an expression after 'where'", head.nameSpan.start, head.nameSpan.end);
  return { kind: 'where', expr, ...base(head, s) } satisfies WhereCommand;
};

const parseEval: CommandParser = (s, head) => {
  const assignments: EvalAssignment[] = [];
  for (;;) {
    s.skipWs();
    if (s.atCommandEnd()) {
      if (assignments.length === 0) s.error("expected 'field=expression' after 'eval'", head.nameSpan.start, head.nameSpan.end);
      break;
    }
    const field = readField(s, 'eval');
    if (!field) break;
    s.skipWs();
    if (s.code() !== 61 || s.code(1) === 61) {
      s.error(`expected '=' after '${field.text}' in eval`, field.span.start, field.span.end);
      s.skipToCommandEnd();
      break;
    }
    const eq = s.pos++;
    const expr = parseEvalExpr(s);
    if (!expr) s.error(`expected an expression after '${field.text}='`, eq, eq + 1);
    assignments.push({ field, expr, span: { start: field.span.start, end: expr ? expr.span.end : eq + 1 } });
    s.skipWs();
    if (s.code() === 44) {
      s.pos++;
      continue;
    }
    break;
  }
  return { kind: 'eval', assignments, ...base(head, s) } satisfies EvalCommand;
};

// ---------------------------------------------------------------- aggregations

/** Reads `fn`, `fn(field)` or `fn(eval(expr))` with an optional `as alias`. */
function readAggregation(s: SplScanner, where: string): SplAggregation | null {
  const t = s.text;
  const start = s.pos;
  let i = start;
  while (i < t.length && isWordChar(t.charCodeAt(i))) i++;
  if (i === start) {
    unexpected(s, where);
    return null;
  }
  const fn = t.slice(start, i).toLowerCase();
  const fnSpan = { start, end: i };
  s.pos = i;
  const agg: SplAggregation = { fn, fnSpan, span: { start, end: i } };
  if (s.code() === 40) {
    const open = s.pos++;
    s.skipWs();
    if (s.isKeyword('EVAL') && nextNonSpace(s, 4) === 40) {
      s.pos += 4;
      s.skipWs();
      const evalOpen = s.pos++;
      const expr = parseEvalExpr(s);
      s.skipWs();
      if (s.code() === 41) s.pos++;
      else s.error("missing ')' for this '('", evalOpen);
      if (expr) agg.evalArg = expr;
      else s.error("expected an expression in 'eval(…)'", evalOpen);
    } else if (s.code() !== 41) {
      const field = s.readWord(AGG_ARG_STOP);
      if (field) agg.field = field;
      // Some functions take more than a field (`percentile(x, 95)`, `dc(a, b)`): keep the first.
      s.skipWs();
      while (s.code() === 44) {
        s.pos++;
        s.skipWs();
        s.readWord(AGG_ARG_STOP);
        s.skipWs();
      }
    }
    s.skipWs();
    if (s.code() === 41) s.pos++;
    else s.error(`missing ')' for '${fn}('`, open, s.pos);
  }
  agg.span = { start, end: s.pos };
  const alias = readAs(s, where);
  if (alias) {
    agg.as = alias;
    agg.span = { start, end: alias.span.end };
  }
  return agg;
}

function nextNonSpace(s: SplScanner, offset: number): number {
  let i = s.pos + offset;
  while (isSpace(s.text.charCodeAt(i))) i++;
  return i < s.text.length ? s.text.charCodeAt(i) : -1;
}

/** Aggregations up to a keyword; options between them are collected. */
function readAggregations(s: SplScanner, where: string, keywords: readonly string[], options: SplOption[]): SplAggregation[] {
  const aggs: SplAggregation[] = [];
  while (!atStop(s, keywords)) {
    const c = s.code();
    if (c === 44) {
      s.pos++;
      continue;
    }
    if (c === 96) {
      // An unexpanded macro among the options (`security_content_summariesonly` without a macro table).
      const value = macroWord(s);
      options.push({ name: '', value, span: value.span });
      continue;
    }
    const opt = s.tryOption();
    if (opt) {
      options.push(opt);
      continue;
    }
    const agg = readAggregation(s, where);
    if (agg) aggs.push(agg);
  }
  return aggs;
}

const parseStats: CommandParser = (s, head) => {
  const options: SplOption[] = [];
  const isChart = head.name === 'chart';
  const aggregations = readAggregations(s, head.name, isChart ? ['BY', 'OVER'] : ['BY'], options);
  if (aggregations.length === 0) s.error(`expected an aggregation after '${head.name}'`, head.nameSpan.start, head.nameSpan.end);
  let over: SplWord | undefined;
  let by: SplWord[] = [];
  for (;;) {
    s.skipWs();
    if (isChart && s.eatKeyword('OVER')) {
      over = readField(s, head.name) ?? undefined;
      continue;
    }
    if (s.eatKeyword('BY')) {
      by = by.concat(readFieldList(s, `${head.name} by`, isChart ? ['OVER'] : [], options));
      continue;
    }
    break;
  }
  const cmd: StatsCommand = { kind: 'stats', options, aggregations, by, ...base(head, s) };
  if (over) cmd.over = over;
  return cmd;
};

function readDatamodel(s: SplScanner): SplDatamodelRef | undefined {
  s.skipWs();
  const c = s.code();
  if (c === 61 || c === 58) s.pos++;
  s.skipWs();
  const w = s.readWord(OPTION_VALUE_STOP);
  if (!w) {
    s.error("expected a data model name after 'datamodel'", s.pos);
    return undefined;
  }
  return datamodelRef(w);
}

function datamodelRef(w: SplWord): SplDatamodelRef {
  const dot = w.text.indexOf('.');
  // Quotes shift the raw offsets; without them the word maps one to one.
  const rawStart = w.quoted ? w.span.start + 1 : w.span.start;
  if (dot < 0) return { model: w.text, modelSpan: { start: rawStart, end: rawStart + w.text.length }, span: w.span };
  return {
    model: w.text.slice(0, dot),
    modelSpan: { start: rawStart, end: rawStart + dot },
    dataset: w.text.slice(dot + 1),
    datasetSpan: { start: rawStart + dot + 1, end: rawStart + w.text.length },
    span: w.span,
  };
}

const parseTstats: CommandParser = (s, head) => {
  const options: SplOption[] = [];
  const aggregations = readAggregations(s, head.name, ['FROM', 'WHERE', 'BY'], options);
  const cmd: TstatsCommand = { kind: 'tstats', options, aggregations, where: null, by: [], ...base(head, s) };
  for (;;) {
    s.skipWs();
    if (s.eatKeyword('FROM')) {
      s.skipWs();
      if (s.isKeyword('DATAMODEL')) {
        s.pos += 9;
        const dm = readDatamodel(s);
        if (dm) cmd.datamodel = dm;
      } else {
        const ns = s.readWord(OPTION_VALUE_STOP);
        if (ns) cmd.fromNamespace = ns;
        else s.error("expected a data model or namespace after 'from'", s.pos);
      }
      continue;
    }
    const whereSpan = s.eatKeyword('WHERE');
    if (whereSpan) {
      const expr = parseSearchExpr(s, { stopKeywords: ['BY'] });
      if (!expr) s.error("expected a search expression after 'where'", whereSpan.start, whereSpan.end);
      cmd.where = cmd.where && expr ? { kind: 'and', items: [cmd.where, expr], span: { start: cmd.where.span.start, end: expr.span.end } } : (expr ?? cmd.where);
      continue;
    }
    if (s.eatKeyword('BY')) {
      cmd.by = cmd.by.concat(readFieldList(s, `${head.name} by`, ['WHERE', 'FROM'], cmd.options));
      continue;
    }
    break;
  }
  if (cmd.datamodel && cmd.datamodel.dataset === undefined && cmd.where) {
    const node = findNodename(cmd.where);
    if (node) {
      cmd.datamodel.dataset = node.text;
      cmd.datamodel.datasetSpan = node.span;
    }
  }
  cmd.span.end = s.pos;
  return cmd;
};

/** The `nodename=Dataset` comparison of a tstats where clause (top level or under AND). */
function findNodename(expr: SearchExpr): SplWord | undefined {
  if (expr.kind === 'compare' && expr.op === '=' && expr.field.text.toLowerCase() === 'nodename') return expr.value;
  if (expr.kind === 'and') {
    for (const item of expr.items) {
      const found = findNodename(item);
      if (found) return found;
    }
  }
  return undefined;
}

const parseFrom: CommandParser = (s, head) => {
  const cmd: FromCommand = { kind: 'from', ...base(head, s) };
  s.skipWs();
  if (s.isKeyword('DATAMODEL')) {
    s.pos += 9;
    const dm = readDatamodel(s);
    if (dm) cmd.datamodel = dm;
  } else {
    const w = s.readWord(OPTION_VALUE_STOP);
    if (w) cmd.dataset = w;
    else s.error("expected a dataset after 'from'", head.nameSpan.start, head.nameSpan.end);
  }
  cmd.span.end = s.pos;
  return cmd;
};

// ---------------------------------------------------------------- field commands

const parseRename: CommandParser = (s, head) => {
  const pairs: RenameCommand['pairs'] = [];
  const errorsBefore = s.errors.length;
  while (!atStop(s, [])) {
    if (s.code() === 44) {
      s.pos++;
      continue;
    }
    const from = readField(s, 'rename');
    if (!from) continue;
    s.skipWs();
    if (!s.eatKeyword('AS')) {
      s.error(`expected 'as' after '${from.text}' in rename`, from.span.start, from.span.end);
      s.skipToCommandEnd();
      break;
    }
    const to = readField(s, 'rename');
    if (!to) break;
    pairs.push({ from, to, span: { start: from.span.start, end: to.span.end } });
  }
  if (pairs.length === 0 && s.errors.length === errorsBefore) s.error("expected 'field as newname' after 'rename'", head.nameSpan.start, head.nameSpan.end);
  return { kind: 'rename', pairs, ...base(head, s) } satisfies RenameCommand;
};

const parseFieldList: CommandParser = (s, head) => {
  s.skipWs();
  let remove = false;
  const c = s.code();
  if ((c === 45 || c === 43) && head.name === 'fields') {
    remove = c === 45;
    s.pos++;
  }
  const fields = readFieldList(s, head.name, []);
  return { kind: 'fields', remove, fields, ...base(head, s) } satisfies FieldListCommand;
};

function readAliases(s: SplScanner, where: string, keywords: readonly string[]): SplFieldAlias[] {
  const out: SplFieldAlias[] = [];
  while (!atStop(s, keywords)) {
    if (s.code() === 44) {
      s.pos++;
      continue;
    }
    const field = readField(s, where);
    if (!field) continue;
    const alias: SplFieldAlias = { field, span: field.span };
    const as = readAs(s, where);
    if (as) {
      alias.as = as;
      alias.span = { start: field.span.start, end: as.span.end };
    }
    out.push(alias);
  }
  return out;
}

const parseLookup: CommandParser = (s, head) => {
  const options: SplOption[] = [];
  readOptions(s, options);
  const cmd: LookupCommand = { kind: 'lookup', options, inputs: [], outputs: [], ...base(head, s) };
  const table = readField(s, 'lookup');
  if (table) cmd.table = table;
  cmd.inputs = readAliases(s, 'lookup', ['OUTPUT', 'OUTPUTNEW']);
  s.skipWs();
  const mode = s.eatKeyword('OUTPUTNEW') ? 'OUTPUTNEW' : s.eatKeyword('OUTPUT') ? 'OUTPUT' : undefined;
  if (mode) {
    cmd.outputMode = mode;
    cmd.outputs = readAliases(s, 'lookup', []);
  }
  cmd.span.end = s.pos;
  return cmd;
};

const parseInputlookup: CommandParser = (s, head) => {
  const options: SplOption[] = [];
  readOptions(s, options);
  const cmd: InputlookupCommand = { kind: 'inputlookup', options, where: null, ...base(head, s) };
  s.skipWs();
  if (!s.atCommandEnd()) {
    const table = readField(s, 'inputlookup');
    if (table) cmd.table = table;
  } else {
    s.error("expected a lookup name after 'inputlookup'", head.nameSpan.start, head.nameSpan.end);
  }
  readOptions(s, options);
  s.skipWs();
  const whereSpan = s.eatKeyword('WHERE');
  if (whereSpan) {
    cmd.where = parseSearchExpr(s);
    if (!cmd.where) s.error("expected a search expression after 'where'", whereSpan.start, whereSpan.end);
  }
  cmd.span.end = s.pos;
  return cmd;
};

const parseDedup: CommandParser = (s, head) => {
  const options: SplOption[] = [];
  const cmd: DedupCommand = { kind: 'dedup', options, fields: [], sortby: [], ...base(head, s) };
  const count = readInteger(s);
  if (count !== undefined) cmd.count = count;
  cmd.fields = readFieldList(s, 'dedup', ['SORTBY'], options);
  s.skipWs();
  if (s.eatKeyword('SORTBY')) {
    cmd.sortby = readSortFields(s, 'dedup sortby').map(({ field, descending }) => ({ field, descending }));
  }
  cmd.span.end = s.pos;
  return cmd;
};

function readSortFields(s: SplScanner, where: string): SortCommand['fields'] {
  const out: SortCommand['fields'] = [];
  while (!atStop(s, [])) {
    const c = s.code();
    if (c === 44) {
      s.pos++;
      continue;
    }
    let descending = false;
    if (c === 45 || c === 43) {
      descending = c === 45;
      s.pos++;
      s.skipWs();
    }
    if (s.isKeyword('DESC') && out.length > 0) {
      s.pos += 4;
      for (const f of out) f.descending = !f.descending;
      continue;
    }
    const w = readField(s, where);
    if (!w) continue;
    s.skipWs();
    if (s.code() === 40) {
      // auto(x), str(x), ip(x), num(x)
      const open = s.pos++;
      const inner = readField(s, where);
      s.skipWs();
      if (s.code() === 41) s.pos++;
      else s.error("missing ')' for this '('", open);
      if (inner) out.push({ field: inner, descending, fn: w.text.toLowerCase() });
      continue;
    }
    out.push({ field: w, descending });
  }
  return out;
}

const parseSort: CommandParser = (s, head) => {
  const cmd: SortCommand = { kind: 'sort', fields: [], ...base(head, s) };
  s.skipWs();
  const opt = s.tryOption();
  if (opt && opt.name === 'limit') cmd.limit = Number(opt.value.text);
  else if (opt) s.error(`unknown option '${opt.name}' for sort`, opt.span.start, opt.span.end);
  const limit = readInteger(s);
  if (limit !== undefined) cmd.limit = limit;
  cmd.fields = readSortFields(s, 'sort');
  cmd.span.end = s.pos;
  return cmd;
};

const parseHead: CommandParser = (s, head) => {
  const options: SplOption[] = [];
  readOptions(s, options);
  const cmd: HeadCommand = { kind: 'head', options, expr: null, ...base(head, s) };
  const limit = readInteger(s);
  if (limit !== undefined) cmd.limit = limit;
  else if (!atStop(s, [])) cmd.expr = parseEvalExpr(s);
  readOptions(s, options);
  cmd.span.end = s.pos;
  return cmd;
};

const parseRex: CommandParser = (s, head) => {
  const options: SplOption[] = [];
  const cmd: RexCommand = { kind: 'rex', options, groups: [], ...base(head, s) };
  while (!atStop(s, [])) {
    if (s.code() === 34) {
      if (cmd.regex) s.error('rex takes one regular expression', s.pos);
      cmd.regex = s.readQuoted();
      continue;
    }
    const opt = s.tryOption();
    if (opt) {
      options.push(opt);
      if (opt.name === 'field') cmd.field = opt.value;
      continue;
    }
    unexpected(s, 'rex');
  }
  if (!cmd.regex) s.error("expected a quoted regular expression after 'rex'", head.nameSpan.start, head.nameSpan.end);
  const sed = options.some((o) => o.name === 'mode' && o.value.text.toLowerCase() === 'sed');
  if (cmd.regex && !sed) cmd.groups = namedGroups(s.text, cmd.regex.span);
  cmd.span.end = s.pos;
  return cmd;
};

/** `(?<name>` and `(?P<name>` groups in the raw text of a regex. */
function namedGroups(text: string, span: Span): { name: string; span: Span }[] {
  const out: { name: string; span: Span }[] = [];
  let i = text.indexOf('(?', span.start);
  while (i >= 0 && i < span.end) {
    let j = i + 2;
    if (text[j] === 'P') j++;
    if (text[j] === '<' && text[j + 1] !== '=' && text[j + 1] !== '!') {
      const close = text.indexOf('>', j + 1);
      if (close > j + 1 && close < span.end) out.push({ name: text.slice(j + 1, close), span: { start: j + 1, end: close } });
    }
    i = text.indexOf('(?', i + 2);
  }
  return out;
}

const parseRegex: CommandParser = (s, head) => {
  const cmd: RegexCommand = { kind: 'regex', negated: false, ...base(head, s) };
  s.skipWs();
  if (s.code() !== 34) {
    const field = s.readWord(REGEX_FIELD_STOP);
    if (field) cmd.field = field;
    s.skipWs();
    if (s.code() === 33 && s.code(1) === 61) {
      cmd.negated = true;
      s.pos += 2;
    } else if (s.code() === 61) {
      s.pos++;
    } else {
      s.error("expected '=' or '!=' after the field in regex", s.pos);
    }
    s.skipWs();
  }
  if (s.code() === 34) cmd.regex = s.readQuoted();
  else {
    const w = s.readWord(OPTION_VALUE_STOP);
    if (w) cmd.regex = w;
    else s.error("expected a regular expression after 'regex'", head.nameSpan.start, head.nameSpan.end);
  }
  cmd.span.end = s.pos;
  return cmd;
};

const parseBin: CommandParser = (s, head) => {
  const options: SplOption[] = [];
  const cmd: BinCommand = { kind: 'bin', options, ...base(head, s) };
  while (!atStop(s, [])) {
    const opt = s.tryOption();
    if (opt) {
      options.push(opt);
      continue;
    }
    if (s.isKeyword('AS') && cmd.field) {
      const as = readAs(s, head.name);
      if (as) cmd.as = as;
      continue;
    }
    const w = readField(s, head.name);
    if (!w) continue;
    if (cmd.field) s.error(`${head.name} takes one field`, w.span.start, w.span.end);
    else cmd.field = w;
  }
  if (!cmd.field) s.error(`expected a field after '${head.name}'`, head.nameSpan.start, head.nameSpan.end);
  cmd.span.end = s.pos;
  return cmd;
};

function readSubsearchArg(s: SplScanner, head: CommandHead, commandsFirst: boolean): AppendCommand['subsearch'] {
  s.skipWs();
  if (s.code() !== 91) {
    s.error(`expected a subsearch '[ … ]' after '${head.name}'`, head.nameSpan.start, head.nameSpan.end);
    return null;
  }
  return s.parseSubsearch(commandsFirst);
}

const parseJoin: CommandParser = (s, head) => {
  const options: SplOption[] = [];
  const cmd: JoinCommand = { kind: 'join', options, fields: [], subsearch: null, ...base(head, s) };
  while (!atStop(s, [])) {
    const c = s.code();
    if (c === 91) {
      cmd.subsearch = s.parseSubsearch(false);
      continue;
    }
    if (c === 44) {
      s.pos++;
      continue;
    }
    const opt = s.tryOption();
    if (opt) {
      options.push(opt);
      continue;
    }
    const w = readField(s, 'join');
    if (w) cmd.fields.push(w);
  }
  if (!cmd.subsearch) s.error("expected a subsearch '[ … ]' in join", head.nameSpan.start, head.nameSpan.end);
  cmd.span.end = s.pos;
  return cmd;
};

const parseAppend: CommandParser = (s, head) => {
  const options: SplOption[] = [];
  readOptions(s, options);
  const subsearch = readSubsearchArg(s, head, head.name === 'appendpipe');
  readOptions(s, options);
  return { kind: 'append', options, subsearch, ...base(head, s) } satisfies AppendCommand;
};

function parseSingleField(kind: 'makemv' | 'mvexpand'): CommandParser {
  return (s, head) => {
    const options: SplOption[] = [];
    let field: SplWord | undefined;
    while (!atStop(s, [])) {
      const opt = s.tryOption();
      if (opt) {
        options.push(opt);
        continue;
      }
      const w = readField(s, head.name);
      if (!w) continue;
      if (field) s.error(`${head.name} takes one field`, w.span.start, w.span.end);
      else field = w;
    }
    if (!field) s.error(`expected a field after '${head.name}'`, head.nameSpan.start, head.nameSpan.end);
    const cmd: MakemvCommand | MvexpandCommand = { kind, options, ...base(head, s) };
    if (field) cmd.field = field;
    return cmd;
  };
}

const parseFillnull: CommandParser = (s, head) => {
  const options: SplOption[] = [];
  const fields = readFieldList(s, 'fillnull', [], options);
  return { kind: 'fillnull', options, fields, ...base(head, s) } satisfies FillnullCommand;
};

const parseConvert: CommandParser = (s, head) => {
  const options: SplOption[] = [];
  const conversions: ConvertCommand['conversions'] = [];
  while (!atStop(s, [])) {
    if (s.code() === 44) {
      s.pos++;
      continue;
    }
    const opt = s.tryOption();
    if (opt) {
      options.push(opt);
      continue;
    }
    const fn = readField(s, 'convert');
    if (!fn) continue;
    s.skipWs();
    if (s.code() !== 40) {
      s.error(`expected '(' after '${fn.text}' in convert`, fn.span.start, fn.span.end);
      continue;
    }
    const open = s.pos++;
    const field = readField(s, 'convert');
    s.skipWs();
    if (s.code() === 41) s.pos++;
    else s.error("missing ')' for this '('", open);
    if (!field) continue;
    const conv: ConvertCommand['conversions'][number] = { fn: fn.text.toLowerCase(), field, span: { start: fn.span.start, end: s.pos } };
    const as = readAs(s, 'convert');
    if (as) {
      conv.as = as;
      conv.span.end = as.span.end;
    }
    conversions.push(conv);
  }
  if (conversions.length === 0) s.error("expected a conversion such as 'ctime(field)' after 'convert'", head.nameSpan.start, head.nameSpan.end);
  return { kind: 'convert', options, conversions, ...base(head, s) } satisfies ConvertCommand;
};

const parseSpath: CommandParser = (s, head) => {
  const options: SplOption[] = [];
  const cmd: SpathCommand = { kind: 'spath', options, ...base(head, s) };
  while (!atStop(s, [])) {
    const opt = s.tryOption();
    if (opt) {
      options.push(opt);
      if (opt.name === 'path') cmd.path = opt.value;
      continue;
    }
    const w = readField(s, 'spath');
    if (!w) continue;
    if (cmd.path) s.error('spath takes one path', w.span.start, w.span.end);
    else cmd.path = w;
  }
  cmd.span.end = s.pos;
  return cmd;
};

/** Commands parsed in full; all others are skipped to the next `|`. */
export const COMMAND_PARSERS: ReadonlyMap<string, CommandParser> = new Map<string, CommandParser>([
  ['where', parseWhere],
  ['eval', parseEval],
  ['stats', parseStats],
  ['eventstats', parseStats],
  ['streamstats', parseStats],
  ['chart', parseStats],
  ['timechart', parseStats],
  ['sistats', parseStats],
  ['tstats', parseTstats],
  ['mstats', parseTstats],
  ['from', parseFrom],
  ['rename', parseRename],
  ['table', parseFieldList],
  ['fields', parseFieldList],
  ['lookup', parseLookup],
  ['inputlookup', parseInputlookup],
  ['dedup', parseDedup],
  ['sort', parseSort],
  ['head', parseHead],
  ['rex', parseRex],
  ['regex', parseRegex],
  ['bin', parseBin],
  ['bucket', parseBin],
  ['join', parseJoin],
  ['append', parseAppend],
  ['appendcols', parseAppend],
  ['appendpipe', parseAppend],
  ['makemv', parseSingleField('makemv')],
  ['mvexpand', parseSingleField('mvexpand')],
  ['fillnull', parseFillnull],
  ['convert', parseConvert],
  ['spath', parseSpath],
]);

/** Commands that may start a pipeline (or a subsearch) without a leading `|`. */
export const GENERATING_COMMANDS: ReadonlySet<string> = new Set([
  'tstats', 'mstats', 'inputlookup', 'from', 'makeresults', 'rest', 'metadata', 'datamodel',
  'loadjob', 'savedsearch', 'multisearch', 'union', 'dbinspect', 'eventcount',
]);

