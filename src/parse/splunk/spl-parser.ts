import { tooDeepError, type QueryParseResult } from '../query-error.js';
import type { OtherCommand, SplCommand, SplPipeline, SplQuery } from './spl-ast.js';
import { COMMAND_PARSERS, GENERATING_COMMANDS, parseSearchCommand, type CommandHead } from './spl-commands.js';
import { isSpace, isWordChar, SplScanner } from './spl-scanner.js';

/**
 * Parses an SPL search (macros already expanded, or left as backtick calls)
 * into a pipeline of commands. Never throws: syntax errors come back with
 * spans, next to as much of the tree as could be read.
 */
export function parseSpl(text: string): QueryParseResult<SplQuery> {
  const s = new SplScanner(text);
  try {
    const parser = new PipelineParser(s);
    s.parseSubsearch = (commandsFirst) => parser.parseSubsearch(commandsFirst === true);
    const pipeline = parser.parsePipeline(false);
    if (pipeline.commands.length === 0) s.error('empty search', 0, text.length);
    return { ast: { pipeline, text }, errors: s.errors };
  } catch (err) {
    if (err instanceof RangeError) return { ast: null, errors: [...s.errors, tooDeepError(text)] };
    // A parser defect must not stop the other files from being linted.
    const message = err instanceof Error ? err.message : String(err);
    return { ast: null, errors: [...s.errors, { message: `internal SPL parser error: ${message}`, span: { start: 0, end: text.length } }] };
  }
}

class PipelineParser {
  constructor(private readonly s: SplScanner) {}

  /** At `[`: reads the subsearch up to its `]`. */
  parseSubsearch(commandsFirst: boolean): SplPipeline | null {
    const s = this.s;
    const open = s.pos;
    s.pos++;
    s.depth++;
    const pipeline = this.parsePipeline(commandsFirst);
    s.depth--;
    s.skipWs();
    if (s.code() === 93) s.pos++;
    else s.error("missing ']' for this subsearch", open);
    pipeline.span = { start: open, end: s.pos };
    return pipeline;
  }

  parsePipeline(commandsFirst: boolean): SplPipeline {
    const s = this.s;
    s.skipWs();
    const start = s.pos;
    const commands: SplCommand[] = [];
    let first = true;
    for (;;) {
      s.skipWs();
      const c = s.code();
      if (c === -1) break;
      if (c === 93) {
        if (s.depth > 0) break;
        s.error("unexpected ']'", s.pos);
        s.pos++;
        continue;
      }
      let cmd: SplCommand | null;
      if (c === 124) {
        const pipe = s.pos++;
        s.skipWs();
        if (s.atCommandEnd()) {
          s.error("expected a command after '|'", pipe);
          continue;
        }
        cmd = this.parseCommand();
      } else if (first) {
        cmd = commandsFirst ? this.parseCommand() : this.parseFirst();
      } else {
        // Only reached when a command parser stopped early; the check below already reported it.
        s.skipToCommandEnd();
        continue;
      }
      first = false;
      if (!cmd) continue;
      this.finishCommand(cmd);
      commands.push(cmd);
    }
    let end = s.pos;
    while (end > start && isSpace(s.text.charCodeAt(end - 1))) end--;
    return { commands, span: { start, end } };
  }

  /** Reports text a command parser left unread, skips it, and trims the command's span. */
  private finishCommand(cmd: SplCommand): void {
    const s = this.s;
    s.skipWs();
    if (!s.atCommandEnd() && !(s.code() === 93 && s.depth === 0)) {
      const from = s.pos;
      s.skipToCommandEnd();
      let to = s.pos;
      while (to > from && isSpace(s.text.charCodeAt(to - 1))) to--;
      const shown = s.text.slice(from, Math.min(to, from + 40));
      s.error(`unexpected '${shown}${to - from > 40 ? '…' : ''}' in ${cmd.name === '' ? 'search' : cmd.name}`, from, to);
    }
    let end = Math.max(cmd.span.end, s.pos);
    while (end > cmd.span.start && isSpace(s.text.charCodeAt(end - 1))) end--;
    cmd.span = { start: cmd.span.start, end };
  }

  /** The first command: an implicit search unless it names a generating command or `search`. */
  private parseFirst(): SplCommand | null {
    const s = this.s;
    const start = s.pos;
    const name = this.peekName();
    if (name && (name.name === 'search' || GENERATING_COMMANDS.has(name.name))) return this.parseCommand();
    return parseSearchCommand(s, { name: 'search', nameSpan: { start, end: start }, start }, true);
  }

  private peekName(): { name: string; end: number } | null {
    const s = this.s;
    const t = s.text;
    let i = s.pos;
    while (i < t.length && (isWordChar(t.charCodeAt(i)) || t.charCodeAt(i) === 45)) i++;
    if (i === s.pos) return null;
    // `search=x` or `tstats.field=y` are terms, not commands.
    const next = t.charCodeAt(i);
    if (next === 61 || next === 46 || next === 40 || next === 33 || next === 60 || next === 62) return null;
    return { name: t.slice(s.pos, i).toLowerCase(), end: i };
  }

  private parseCommand(): SplCommand | null {
    const s = this.s;
    const start = s.pos;
    if (s.code() === 96 && !s.text.startsWith('```', s.pos)) {
      const macro = s.readMacro();
      return { kind: 'macro', name: macro.name.toLowerCase(), nameSpan: macro.span, macro, span: macro.span };
    }
    const name = this.peekName();
    if (!name) {
      s.error(`expected a command name, found '${s.text[s.pos] ?? ''}'`, s.pos);
      s.skipToCommandEnd();
      return null;
    }
    s.pos = name.end;
    const head: CommandHead = { name: name.name, nameSpan: { start, end: name.end }, start };
    if (name.name === 'search') return parseSearchCommand(s, head, false);
    const parser = COMMAND_PARSERS.get(name.name);
    if (parser) return parser(s, head);
    s.skipWs();
    const argsStart = s.pos;
    s.skipToCommandEnd();
    let argsEnd = s.pos;
    while (argsEnd > argsStart && isSpace(s.text.charCodeAt(argsEnd - 1))) argsEnd--;
    const other: OtherCommand = {
      kind: 'other',
      name: name.name,
      nameSpan: head.nameSpan,
      args: s.text.slice(argsStart, argsEnd),
      argsSpan: { start: argsStart, end: argsEnd },
      span: { start, end: argsEnd },
    };
    return other;
  }
}
