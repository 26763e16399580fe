import type { AttackData } from '../attack/index.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { SourceText } from '../model/location.js';
import type { ParsedFile, ParseProblem, RuleModel } from '../model/rule.js';
import { detectVendor, vendorParser, type ParseSettings } from '../parse/index.js';
import { readRuleFile } from '../parse/read-file.js';
import type { Check, CheckContext, Fix, ProblemReport, ProjectContext, Suggestion } from './check.js';
import { configForFile, type Config, type RuleEntry } from './config.js';
import { isSuppressed, parseDirectives } from './suppressions.js';

/** One message, in ESLint's JSON formatter shape (severity 1 = warning, 2 = error). */
export interface LintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fatal?: boolean;
  fix?: Fix[];
  suggestions?: Suggestion[];
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The file's text, kept for formatters that quote it and for --fix. */
  source?: string;
}

/** Lazily opened shared resources; a run opens each at most once. */
export interface Resources {
  attack(): AttackData;
  index(): CorpusIndex | undefined;
}

interface FileState {
  file: string;
  source: SourceText;
  rules: Map<string, RuleEntry>;
  parsed: ParsedFile;
  messages: LintMessage[];
}

/**
 * Runs the checks the config turns on over files. Parsing and per-rule checks
 * run file by file; project checks (duplicates across files) run once at the
 * end over every rule of the run. A check that throws becomes one message on
 * the file it was checking, so one bug never stops a run.
 */
export class Linter {
  readonly internalErrors: string[] = [];
  private readonly byId: Map<string, Check>;

  constructor(
    private readonly config: Config,
    private readonly checks: readonly Check[],
    private readonly resources: Resources,
  ) {
    this.byId = new Map(checks.map((c) => [c.meta.id, c]));
  }

  async lintFiles(files: readonly string[]): Promise<LintResult[]> {
    const states: FileState[] = [];
    for (const file of files) states.push(await this.lintOne(file, undefined));
    this.runProjectChecks(states);
    return states.map(toResult);
  }

  /** Lints text as if it were the file `file` (stdin, tests, editors). */
  async lintText(text: string, file: string): Promise<LintResult> {
    const state = await this.lintOne(file, text);
    this.runProjectChecks([state]);
    return toResult(state);
  }

  private async lintOne(file: string, text: string | undefined): Promise<FileState> {
    const fileConfig = configForFile(this.config, file);
    const parsed = await this.parse(file, text, fileConfig.vendor);
    const state: FileState = { file, source: parsed.source, rules: fileConfig.rules, parsed, messages: [] };
    for (const p of parsed.problems) this.addParseProblem(state, p);
    if (!parsed.problems.some((p) => p.fatal)) {
      for (const rule of parsed.rules) this.runRuleChecks(state, rule);
    }
    return state;
  }

  private async parse(file: string, text: string | undefined, forced: ParsedFile['vendor']): Promise<ParsedFile> {
    let source: SourceText;
    if (text === undefined) {
      const read = readRuleFile(file, this.config.maxFileSize);
      if (!read.ok) return { file, vendor: undefined, source: read.source, rules: [], problems: [read.problem] };
      source = read.source;
    } else {
      source = new SourceText(text);
    }
    const vendor = forced ?? detectVendor(file, source.text);
    if (!vendor) {
      return {
        file,
        vendor,
        source,
        rules: [],
        problems: [{ checkId: 'parse-error', message: 'not a rule file lint-rule knows (expected Sigma or Splunk YAML, or Elastic TOML)', loc: { line: 1, column: 1, endLine: 1, endColumn: 1 }, severity: 'error', fatal: true }],
      };
    }
    try {
      const parser = await vendorParser(vendor);
      return parser.parse(file, source, this.parseSettings());
    } catch (err) {
      this.internalErrors.push(`${file}: ${(err as Error).stack ?? String(err)}`);
      return {
        file,
        vendor,
        source,
        rules: [],
        problems: [{ checkId: 'parse-error', message: `internal error while parsing: ${(err as Error).message}`, loc: { line: 1, column: 1, endLine: 1, endColumn: 1 }, severity: 'error', fatal: true }],
      };
    }
  }

  private parseSettings(): ParseSettings {
    const splunk = this.config.settings.splunk;
    const macros = typeof splunk?.macros === 'string' ? splunk.macros : undefined;
    const ecsSchema = this.config.settings.elastic?.ecsSchema;
    return {
      ...(macros ? { splunkMacros: macros } : {}),
      ...(typeof ecsSchema === 'string' ? { elasticEcsSchema: ecsSchema } : {}),
    };
  }

  private addParseProblem(state: FileState, p: ParseProblem): void {
    let severity: 1 | 2;
    if (p.fatal) severity = 2;
    else {
      const entry = state.rules.get(p.checkId);
      const sev = entry ? entry.severity : p.severity;
      if (sev === 'off') return;
      severity = sev === 'error' ? 2 : 1;
    }
    if (isSuppressed(this.directives(state), p.checkId, p.loc.line) && !p.fatal) return;
    state.messages.push({ ruleId: p.checkId, severity, message: p.message, ...p.loc, ...(p.fatal ? { fatal: true } : {}) });
  }

  private directiveCache = new WeakMap<SourceText, ReturnType<typeof parseDirectives>>();
  private directives(state: FileState): ReturnType<typeof parseDirectives> {
    let d = this.directiveCache.get(state.source);
    if (!d) {
      d = parseDirectives(state.source);
      this.directiveCache.set(state.source, d);
    }
    return d;
  }

  private runRuleChecks(state: FileState, rule: RuleModel): void {
    // Overrides by rule id (SigmaHQ's per-rule exclusions) need the rule's id, known only now.
    const rules = rule.id && this.config.overrides.some((o) => o.ids.length > 0) ? configForFile(this.config, state.file, rule.id).rules : state.rules;
    for (const [id, entry] of rules) {
      if (entry.severity === 'off') continue;
      const check = this.byId.get(id);
      if (!check?.check || check.meta.reportedByParser) continue;
      if (check.meta.vendors && !check.meta.vendors.includes(rule.vendor)) continue;
      const context: CheckContext = {
        options: entry.options,
        rule,
        settings: this.config.settings,
        report: (problem) => this.addReport(state, id, entry, problem),
        attack: () => this.resources.attack(),
        index: () => this.resources.index(),
      };
      try {
        check.check(rule, context);
      } catch (err) {
        this.internalErrors.push(`${state.file}: check ${id}: ${(err as Error).stack ?? String(err)}`);
        state.messages.push({ ruleId: id, severity: 2, message: `internal error in check ${id}: ${(err as Error).message}`, ...rule.detectionLoc, fatal: true });
      }
    }
  }

  private addReport(state: FileState, id: string, entry: RuleEntry, problem: ProblemReport): void {
    if (isSuppressed(this.directives(state), id, problem.loc.line)) return;
    const message: LintMessage = { ruleId: id, severity: entry.severity === 'error' ? 2 : 1, message: problem.message, ...problem.loc };
    if (problem.fix) message.fix = Array.isArray(problem.fix) ? problem.fix : [problem.fix];
    if (problem.suggestions?.length) message.suggestions = problem.suggestions;
    state.messages.push(message);
  }

  private runProjectChecks(states: readonly FileState[]): void {
    const stateOf = new Map<RuleModel, FileState>();
    for (const s of states) for (const r of s.parsed.rules) stateOf.set(r, s);
    for (const check of this.checks) {
      if (!check.checkProject) continue;
      const id = check.meta.id;
      // A project check runs with the base config's options; per-file overrides decide whether its reports count.
      const base = this.config.rules.get(id);
      if (!base || (base.severity === 'off' && !states.some((s) => s.rules.get(id)?.severity !== 'off'))) continue;
      const rules = states.flatMap((s) => (s.parsed.problems.some((p) => p.fatal) ? [] : s.parsed.rules)).filter((r) => !check.meta.vendors || check.meta.vendors.includes(r.vendor));
      const context: ProjectContext = {
        options: base.options,
        rules,
        settings: this.config.settings,
        report: (rule, problem) => {
          const s = stateOf.get(rule);
          const entry = s && (rule.id ? configForFile(this.config, s.file, rule.id).rules : s.rules).get(id);
          if (s && entry && entry.severity !== 'off') this.addReport(s, id, entry, problem);
        },
        attack: () => this.resources.attack(),
        index: () => this.resources.index(),
      };
      try {
        check.checkProject(context);
      } catch (err) {
        this.internalErrors.push(`check ${id}: ${(err as Error).stack ?? String(err)}`);
      }
    }
  }
}

function toResult(state: FileState): LintResult {
  const messages = dedupe(state.messages).sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
  let errorCount = 0;
  let warningCount = 0;
  let fatalErrorCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const m of messages) {
    if (m.severity === 2) {
      errorCount++;
      if (m.fatal) fatalErrorCount++;
      if (m.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (m.fix) fixableWarningCount++;
    }
  }
  return { filePath: state.file, messages, errorCount, warningCount, fatalErrorCount, fixableErrorCount, fixableWarningCount, source: state.source.text };
}

function dedupe(messages: LintMessage[]): LintMessage[] {
  const seen = new Set<string>();
  return messages.filter((m) => {
    const key = `${m.ruleId}|${m.line}|${m.column}|${m.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
