import type { AttackData } from '../attack/index.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { SourceText } from '../model/location.js';
import type { ParsedFile, ParseProblem, RuleModel } from '../model/rule.js';
import { detectVendor, vendorParser, type ParseSettings } from '../parse/index.js';
import { ReadAhead } from '../parse/read-ahead.js';
import { readRuleFile, type ReadResult } from '../parse/read-file.js';
import type { Check, CheckContext, CollectedFact, Fix, ProblemReport, ProjectContext, ProjectFact, Suggestion } from './check.js';
import { configForFile, type Config, type RuleEntry } from './config.js';
import { LARGE_RUN_FILES } from './large-run.js';
import { takeChunk } from './parallel.js';
import type { ResultCache } from './result-cache.js';
import { isSuppressed, parseDirectives, type Directive } from './suppressions.js';
import { timing, type Timing } from './timing.js';

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
  /** The file's text, kept for formatters that quote it, for --fix and for suppressions of cross-file messages. */
  source?: string;
}

/** Lazily opened shared resources; a run opens each at most once. */
export interface Resources {
  attack(): AttackData;
  index(): CorpusIndex | undefined;
}

/** A fact as collected, with the check and severity it is for. */
export interface FactRecord {
  checkId: string;
  severity: 'warn' | 'error';
  fact: CollectedFact;
}

/** What linting files gives before the cross-file pass: per-file results and the facts for that pass. */
export interface FileBatch {
  results: LintResult[];
  facts: FactRecord[];
  internalErrors: string[];
}

/**
 * Runs the checks the config turns on over files. Each file is parsed and
 * checked on its own and then let go; cross-file checks work on the facts
 * the rules contributed (see ProjectFact), in one pass at the end. A check
 * that throws becomes one message on the file it was checking, so one bug
 * never stops a run.
 */
export class Linter {
  readonly internalErrors: string[] = [];
  /** Time spent per check and per phase, kept only when LINT_RULE_TIMING is set. */
  readonly timing: Timing | undefined = timing();
  private readonly byId: Map<string, Check>;
  /** The files of the batch being linted, read ahead in a worker (a large batch only). */
  private readAhead: ReadAhead | undefined;

  constructor(
    readonly config: Config,
    private readonly checks: readonly Check[],
    readonly resources: Resources,
  ) {
    this.byId = new Map(checks.map((c) => [c.meta.id, c]));
  }

  async lintFiles(files: readonly string[], cache?: ResultCache): Promise<LintResult[]> {
    const batch = await this.lintBatch(files, cache);
    cache?.save();
    return this.finish(batch);
  }

  /** Lints text as if it were the file `file` (stdin, tests, editors, --fix passes). */
  async lintText(text: string, file: string): Promise<LintResult> {
    const facts: FactRecord[] = [];
    const result = await this.lintOne(file, text, facts);
    return this.finish({ results: [result], facts, internalErrors: [] })[0] as LintResult;
  }

  /**
   * Per-file linting without the cross-file pass: what a worker thread does
   * with its share of the files. With a result cache, a file whose text is
   * unchanged keeps its earlier messages and facts without being parsed.
   */
  async lintBatch(files: readonly string[], cache?: ResultCache): Promise<FileBatch> {
    this.readAhead = files.length >= LARGE_RUN_FILES ? ReadAhead.start(files, this.config.maxFileSize) : undefined;
    try {
      return await this.lintInOrder(files, cache);
    } finally {
      this.readAhead?.close();
      this.readAhead = undefined;
    }
  }

  private async lintInOrder(files: readonly string[], cache: ResultCache | undefined): Promise<FileBatch> {
    const facts: FactRecord[] = [];
    const results: LintResult[] = [];
    for (const file of files) {
      if (!cache) {
        results.push(await this.lintOne(file, undefined, facts));
        continue;
      }
      const read = readRuleFile(file, this.config.maxFileSize, this.readAhead);
      const text = read.ok ? read.source.text : undefined;
      const hash = text === undefined ? undefined : cache.contentHash(text);
      const hit = hash === undefined ? undefined : cache.get(file, hash);
      if (hit) {
        results.push(summarize(file, hit.messages.map((m) => ({ ...m })), text));
        facts.push(...hit.facts);
        continue;
      }
      const own: FactRecord[] = [];
      const result = await this.lintOne(file, text, own, read.ok ? undefined : read);
      results.push(result);
      facts.push(...own);
      if (hash !== undefined && !result.messages.some((m) => m.fatal && m.ruleId !== 'parse-error')) cache.set(file, hash, result.messages, own);
    }
    return { results, facts, internalErrors: this.internalErrors };
  }

  /** Per-file linting of the files this thread takes, chunk by chunk, from a cursor shared with other threads. */
  async lintTaken(files: readonly string[], cursor: Int32Array): Promise<FileBatch> {
    const facts: FactRecord[] = [];
    const results: LintResult[] = [];
    for (let [start, end] = takeChunk(cursor, files.length); start < end; [start, end] = takeChunk(cursor, files.length)) {
      for (let i = start; i < end; i++) results.push(await this.lintOne(files[i] as string, undefined, facts));
    }
    return { results, facts, internalErrors: this.internalErrors };
  }

  /** Runs the cross-file checks over the facts of every batch and adds their messages to the results. */
  finish(batch: FileBatch): LintResult[] {
    const byFile = new Map(batch.results.map((r) => [r.filePath, r]));
    const directives = new Map<string, Directive[]>();
    const directivesOf = (r: LintResult): Directive[] => {
      let d = directives.get(r.filePath);
      if (!d) {
        d = parseDirectives(new SourceText(r.source ?? ''));
        directives.set(r.filePath, d);
      }
      return d;
    };
    const added = new Set<LintResult>();
    for (const check of this.checks) {
      if (!check.checkProject) continue;
      const id = check.meta.id;
      const records = batch.facts.filter((f) => f.checkId === id);
      if (records.length === 0) continue;
      const severityOf = new Map(records.map((r) => [r.fact, r.severity] as const));
      const context: ProjectContext = {
        // Options come from the base config: a comparison across files needs one set of them.
        options: this.config.rules.get(id)?.options ?? {},
        facts: records.map((r) => r.fact),
        settings: this.config.settings,
        report: (fact, problem) => {
          const result = byFile.get(fact.file);
          const severity = severityOf.get(fact);
          if (!result || !severity) return;
          const loc = problem.loc ?? fact.loc;
          if (isSuppressed(directivesOf(result), id, loc.line)) return;
          result.messages.push({ ruleId: id, severity: severity === 'error' ? 2 : 1, message: problem.message, ...loc });
          added.add(result);
        },
        attack: () => this.resources.attack(),
        index: () => this.resources.index(),
      };
      const started = this.timing?.start();
      try {
        check.checkProject(context);
      } catch (err) {
        this.internalErrors.push(`check ${id}: ${(err as Error).stack ?? String(err)}`);
      }
      if (started !== undefined) this.timing?.add(id, started);
    }
    for (const e of batch.internalErrors) if (!this.internalErrors.includes(e)) this.internalErrors.push(e);
    return batch.results.map((r) => (added.has(r) ? summarize(r.filePath, r.messages, r.source) : r));
  }

  private async lintOne(file: string, text: string | undefined, facts: FactRecord[], unreadable?: ReadResult): Promise<LintResult> {
    const fileConfig = configForFile(this.config, file);
    const started = this.timing?.start();
    const parsed = unreadable && !unreadable.ok
      ? { file, vendor: undefined, source: unreadable.source, rules: [], problems: [unreadable.problem] }
      : await this.parse(file, text, fileConfig.vendor);
    if (started !== undefined) this.timing?.add('(read and parse)', started);
    const state: FileState = { file, source: parsed.source, rules: fileConfig.rules, messages: [], directives: undefined };
    for (const p of parsed.problems) this.addParseProblem(state, p);
    if (!parsed.problems.some((p) => p.fatal)) {
      for (const rule of parsed.rules) this.runRuleChecks(state, rule, facts);
    }
    return summarize(file, state.messages, state.source.text);
  }

  private async parse(file: string, text: string | undefined, forced: ParsedFile['vendor']): Promise<ParsedFile> {
    let source: SourceText;
    if (text === undefined) {
      const read = readRuleFile(file, this.config.maxFileSize, this.readAhead);
      if (!read.ok) return { file, vendor: undefined, source: read.source, rules: [], problems: [read.problem] };
      source = read.source;
    } else {
      source = new SourceText(text);
    }
    const vendor = forced ?? detectVendor(file, source.text);
    if (!vendor) {
      return { file, vendor, source, rules: [], problems: [fatal('not a rule file lint-rule knows (expected Sigma or Splunk YAML, or Elastic TOML)')] };
    }
    try {
      const parser = await vendorParser(vendor);
      return parser.parse(file, source, this.parseSettings());
    } catch (err) {
      this.internalErrors.push(`${file}: ${(err as Error).stack ?? String(err)}`);
      return { file, vendor, source, rules: [], problems: [fatal(`internal error while parsing: ${(err as Error).message}`)] };
    }
  }

  private parseSettings(): ParseSettings {
    const splunk = this.config.settings.splunk;
    const elastic = this.config.settings.elastic;
    const out: ParseSettings = {};
    if (typeof splunk?.macros === 'string') out.splunkMacros = splunk.macros;
    if (typeof elastic?.ecsSchema === 'string') out.elasticEcsSchema = elastic.ecsSchema;
    return out;
  }

  private addParseProblem(state: FileState, p: ParseProblem): void {
    let severity: 1 | 2;
    if (p.fatal) severity = 2;
    else {
      const entry = state.rules.get(p.checkId);
      const sev = entry ? entry.severity : p.severity;
      if (sev === 'off') return;
      severity = sev === 'error' ? 2 : 1;
      if (isSuppressed(directivesOf(state), p.checkId, p.loc.line)) return;
    }
    state.messages.push({ ruleId: p.checkId, severity, message: p.message, ...p.loc, ...(p.fatal ? { fatal: true } : {}) });
  }

  private runRuleChecks(state: FileState, rule: RuleModel, facts: FactRecord[]): void {
    // Overrides by rule id (SigmaHQ's per-rule exclusions) need the rule's id, known only now.
    const rules = rule.id && this.config.overrides.some((o) => o.ids.length > 0) ? configForFile(this.config, state.file, rule.id).rules : state.rules;
    const active = this.activeChecks(rules, rule.vendor);
    for (let i = 0; i < active.length; i++) {
      const { check, id, entry, severity } = active[i] as ActiveCheck;
      const context = new RuleCheckContext(this, state, id, entry, rule);
      const started = this.timing?.start();
      try {
        if (check.check) check.check(rule, context);
        const collected = check.collect ? check.collect(rule, context) : undefined;
        if (collected) for (const f of collected) facts.push({ checkId: id, severity, fact: collectedFact(f, state.file, rule) });
      } catch (err) {
        this.internalErrors.push(`${state.file}: check ${id}: ${(err as Error).stack ?? String(err)}`);
        state.messages.push({ ruleId: id, severity: 2, message: `internal error in check ${id}: ${(err as Error).message}`, ...rule.detectionLoc, fatal: true });
      }
      if (started !== undefined) this.timing?.add(id, started);
    }
  }

  private readonly active = new WeakMap<Map<string, RuleEntry>, Map<string, ActiveCheck[]>>();

  /** The checks a rule table turns on for a vendor, worked out once per table (most files share one). */
  private activeChecks(rules: Map<string, RuleEntry>, vendor: RuleModel['vendor']): ActiveCheck[] {
    let byVendor = this.active.get(rules);
    if (!byVendor) {
      byVendor = new Map();
      this.active.set(rules, byVendor);
    }
    let list = byVendor.get(vendor);
    if (!list) {
      list = [];
      for (const [id, entry] of rules) {
        const check = this.byId.get(id);
        if (entry.severity === 'off' || !check || check.meta.reportedByParser || (!check.check && !check.collect)) continue;
        if (check.meta.vendors && !check.meta.vendors.includes(vendor)) continue;
        list.push({ check, id, entry, severity: entry.severity === 'error' ? 'error' : 'warn' });
      }
      byVendor.set(vendor, list);
    }
    return list;
  }

  /** @internal for RuleCheckContext */
  addReport(state: FileState, id: string, entry: RuleEntry, problem: ProblemReport): void {
    if (isSuppressed(directivesOf(state), id, problem.loc.line)) return;
    const message: LintMessage = { ruleId: id, severity: entry.severity === 'error' ? 2 : 1, message: problem.message, ...problem.loc };
    if (problem.fix) message.fix = Array.isArray(problem.fix) ? problem.fix : [problem.fix];
    if (problem.suggestions?.length) message.suggestions = problem.suggestions;
    state.messages.push(message);
  }
}

/**
 * What one check sees of one rule. A class rather than an object literal:
 * a run makes one per check and rule (over 200,000 for the Sigma corpus),
 * and methods on the prototype cost no closures.
 */
class RuleCheckContext implements CheckContext {
  readonly options: Record<string, unknown>;
  readonly settings: Readonly<Record<string, unknown>>;

  constructor(
    private readonly linter: Linter,
    private readonly state: FileState,
    private readonly id: string,
    private readonly entry: RuleEntry,
    readonly rule: RuleModel,
  ) {
    this.options = entry.options;
    this.settings = linter.config.settings;
  }

  report(problem: ProblemReport): void {
    this.linter.addReport(this.state, this.id, this.entry, problem);
  }

  attack(): AttackData {
    return this.linter.resources.attack();
  }

  index(): CorpusIndex | undefined {
    return this.linter.resources.index();
  }
}

/** A check a rule table turns on, with what running it needs, in one shape for every check. */
interface ActiveCheck {
  check: Check;
  id: string;
  entry: RuleEntry;
  severity: FactRecord['severity'];
}

interface FileState {
  file: string;
  source: SourceText;
  rules: Map<string, RuleEntry>;
  messages: LintMessage[];
  directives: Directive[] | undefined;
}

function directivesOf(state: FileState): Directive[] {
  state.directives ??= parseDirectives(state.source);
  return state.directives;
}

/**
 * A fact with its rule's file, vendor, title and id. Built field by field, not
 * spread: objects of one shape whatever the check returned keep the cross-file
 * pass monomorphic, and a spread of objects of several shapes is slow.
 */
function collectedFact(f: ProjectFact, file: string, rule: RuleModel): CollectedFact {
  const fact: CollectedFact = { key: f.key, loc: f.loc, file, vendor: rule.vendor };
  if (f.data !== undefined) fact.data = f.data;
  if (rule.title !== undefined) fact.title = rule.title;
  if (rule.id !== undefined) fact.ruleId = rule.id;
  return fact;
}

function fatal(message: string): ParseProblem {
  return { checkId: 'parse-error', message, loc: { line: 1, column: 1, endLine: 1, endColumn: 1 }, severity: 'error', fatal: true };
}

/** Sorts, dedupes and counts a file's messages. */
export function summarize(filePath: string, all: LintMessage[], source: string | undefined): LintResult {
  const messages = dedupe(all).sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
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
  const result: LintResult = { filePath, messages, errorCount, warningCount, fatalErrorCount, fixableErrorCount, fixableWarningCount };
  if (source !== undefined) result.source = source;
  return result;
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
