import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyFixes } from '../engine/fix.js';
import { nodeCrypto } from '../engine/lazy.js';
import { readBuildStamp } from '../engine/paths.js';
import { ResultCache } from '../engine/result-cache.js';
import { loadConfig, severityName, type Config, type LoadConfigOptions } from '../engine/config.js';
import type { RuleSetting } from '../engine/config-file.js';
import { configForFile, enabledAnywhere, isIgnored } from '../engine/config.js';
import { listFiles } from '../engine/file-list.js';
import { Linter, type LintResult } from '../engine/linter.js';
import { lintInThreads, threadCount } from '../engine/parallel.js';
import { LARGE_RUN_FILES, tuneForLargeRun } from '../engine/large-run.js';
import { loadFormatter, formatterNames } from '../report/formatters/index.js';
import { ALL_CHECKS } from '../rules/index.js';
import { intOption, UsageError, type CliValues } from './args.js';
import { emit, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, useColor, type CliIO } from './main.js';
import { RunResources } from './resources.js';

/** The config options the command line sets (plain data: worker threads rebuild the config from it). */
export function loadOptionsFromCli(values: CliValues, io: CliIO): Omit<LoadConfigOptions, 'checks'> {
  const ruleOverrides: Record<string, RuleSetting> = {};
  for (const spec of values.rule ?? []) {
    const m = /^([^:]+):(off|warn|error|0|1|2)$/.exec(spec);
    if (!m) throw new UsageError(`--rule expects <check-id>:<off|warn|error>, got "${spec}"`);
    const sev = m[2] as string;
    ruleOverrides[m[1] as string] = severityName(/^\d$/.test(sev) ? (Number(sev) as 0 | 1 | 2) : (sev as 'off' | 'warn' | 'error'));
  }
  return {
    cwd: io.cwd,
    ...(values.config ? { configPath: values.config } : {}),
    ...(values['no-config-lookup'] ? { noLookup: true } : {}),
    ...(values.preset ? { preset: values.preset } : {}),
    ...(values['no-corpus'] ? { corpus: [] } : values.corpus ? { corpus: values.corpus } : {}),
    ...(values.attack ? { attack: values.attack } : {}),
    ...(Object.keys(ruleOverrides).length ? { ruleOverrides } : {}),
  };
}

/** Loads the config a command runs with, from the command line's options. */
export function configFromCli(values: CliValues, io: CliIO): Config {
  const config = loadConfig({ ...loadOptionsFromCli(values, io), checks: ALL_CHECKS });
  if (values['cache-dir']) config.cacheDir = path.resolve(io.cwd, values['cache-dir']);
  return config;
}

export async function lintCommand(args: string[], values: CliValues, io: CliIO): Promise<number> {
  const format = values.format ?? 'stylish';
  const formatter = await loadFormatter(format);
  if (!formatter) throw new UsageError(`unknown format "${format}"; formats: ${formatterNames().join(', ')}`);
  const maxWarnings = intOption(values, 'max-warnings') ?? -1;
  const config = configFromCli(values, io);

  const printFor = values['print-config'];
  if (printFor !== undefined) {
    emit(JSON.stringify(describeConfig(config, path.resolve(io.cwd, printFor)), null, 2), values, io);
    return EXIT_OK;
  }
  const stdinName = values['stdin-filename'];
  if (args.length === 0 && !values.stdin) throw new UsageError('no files given: lint-rule <files|folders|globs...>');
  const files = values.stdin ? [] : listFiles(args, io.cwd).filter((f) => !isIgnored(config, f));

  if (io.ownProcess && files.length >= LARGE_RUN_FILES) tuneForLargeRun();

  const resources = new RunResources(config);
  const usesCorpus = ALL_CHECKS.some((c) => c.meta.usesCorpus && enabledAnywhere(config, c.meta.id));
  const threads = threadCount(files.length);
  // The corpus is checked for changes while the files are linted, not before: a stale index (rare,
  // and then its rebuild dominates) costs a second lint; a fresh one costs nothing on this thread.
  const background = !values['rebuild-index'];
  if (usesCorpus) await resources.openIndex({ ...(values['rebuild-index'] ? { rebuild: true } : {}), ...(background ? { verifyInBackground: true } : {}) });

  const stdinText = values.stdin ? await readStdinText(io) : undefined;
  const lintAll = async (linter: Linter): Promise<LintResult[]> => {
    if (stdinText !== undefined) return [await linter.lintText(stdinText, path.resolve(io.cwd, stdinName ?? 'stdin.yml'))];
    if (threads <= 1) return linter.lintFiles(files);
    const { batch, notices } = await lintInThreads(linter, files, threads, { loadOptions: loadOptionsFromCli(values, io), cacheDir: config.cacheDir, indexDir: resources.index()?.location });
    resources.notices.push(...notices.filter((n) => !resources.notices.includes(n)));
    return linter.finish(batch);
  };
  const cache = values.cache && stdinText === undefined && threads <= 1 && !values.fix && !values['fix-dry-run'] ? openResultCache(config, resources, values, io) : undefined;
  let linter = new Linter(config, ALL_CHECKS, resources);
  let results = cache ? await linter.lintFiles(files, cache) : await lintAll(linter);
  if (resources.verified && !(await resources.verified)) {
    // The corpus changed since the index was built: build it again and lint with the fresh one.
    await resources.openIndex();
    linter = new Linter(config, ALL_CHECKS, resources);
    results = await lintAll(linter);
  }
  if (values.fix || values['fix-dry-run']) results = await fixResults(linter, results, Boolean(values['fix-dry-run']), io);
  if (values.quiet) results = results.map(errorsOnly);

  for (const n of resources.notices) io.stderr(`lint-rule: ${n}\n`);
  if (linter.timing) io.stderr(linter.timing.table());
  const text = formatter(results, { cwd: io.cwd, repoRoot: repositoryRoot(io.cwd), checks: ALL_CHECKS, color: useColor(values, io) && !values['output-file'], maxWarnings });
  emit(text, values, io);

  if (linter.internalErrors.length > 0) {
    io.stderr(`lint-rule: ${linter.internalErrors.length} internal error(s); set LINT_RULE_DEBUG=1 for details\n`);
    if (process.env.LINT_RULE_DEBUG) for (const e of linter.internalErrors) io.stderr(`${e}\n`);
    return EXIT_USAGE;
  }
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return EXIT_PROBLEMS;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr(`lint-rule found too many warnings (maximum: ${maxWarnings}).\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

const MAX_FIX_PASSES = 10;

/**
 * Applies fixes file by file, re-linting the fixed text until nothing more
 * is fixable (a fix may uncover or unblock another), then writes the file —
 * or, for a dry run, prints the diff. Returns the results of the fixed text.
 */
async function fixResults(linter: Linter, results: LintResult[], dryRun: boolean, io: CliIO): Promise<LintResult[]> {
  const { createTwoFilesPatch } = await import('diff');
  const out: LintResult[] = [];
  for (const result of results) {
    const original = result.source;
    if (original === undefined || result.fatalErrorCount > 0) {
      out.push(result);
      continue;
    }
    let current = result;
    let text = original;
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const { output, fixed } = applyFixes(text, current.messages);
      if (fixed.length === 0 || output === text) break;
      text = output;
      current = await linter.lintText(text, result.filePath);
    }
    if (text !== original) {
      const rel = path.relative(io.cwd, result.filePath) || result.filePath;
      if (dryRun) io.stdout(createTwoFilesPatch(`a/${rel}`, `b/${rel}`, original, text));
      else writeFileSync(result.filePath, text);
    }
    out.push(current);
  }
  return out;
}

/** The git work tree holding `dir` (SARIF paths are relative to it), else `dir` itself. */
function repositoryRoot(dir: string): string {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return path.resolve(dir);
  }
}

/** The config in force for one file, as `--print-config` shows it. */
function describeConfig(config: Config, file: string): Record<string, unknown> {
  const forFile = configForFile(config, file);
  const rules: Record<string, unknown> = {};
  for (const [id, e] of forFile.rules) {
    if (e.severity === 'off') continue;
    rules[id] = Object.keys(e.options).length > 0 ? [e.severity, e.options] : e.severity;
  }
  return {
    file,
    configFile: config.file ?? null,
    ignored: isIgnored(config, file),
    ...(forFile.vendor ? { vendor: forFile.vendor } : {}),
    corpus: config.corpus,
    attack: config.attack,
    cacheDir: config.cacheDir,
    maxFileSize: config.maxFileSize,
    settings: config.settings,
    rules,
  };
}

/**
 * The result cache of this run (--cache). Its key covers everything a file's
 * messages depend on besides its own text: lint-rule's build, the checks,
 * options, overrides and settings in force, the corpus index and the ATT&CK inputs.
 */
function openResultCache(config: Config, resources: RunResources, values: CliValues, io: CliIO): ResultCache {
  const { createHash } = nodeCrypto();
  const h = createHash('sha256');
  h.update(readBuildStamp() ?? 'unbuilt');
  h.update(JSON.stringify([...config.rules].sort(([a], [b]) => (a < b ? -1 : 1))));
  h.update(JSON.stringify(config.overrides.map((o) => ({ ...o, rules: [...o.rules] }))));
  h.update(JSON.stringify([config.settings, config.maxFileSize, config.corpus, resources.index()?.location ?? null]));
  for (const f of [config.attack.bundle, ...config.attack.overlays, ...config.attack.crosswalks]) {
    try {
      const s = statSync(f);
      h.update(`${f}:${s.size}:${s.mtimeMs}`);
    } catch {
      h.update(`${f}:missing`);
    }
  }
  const location = values['cache-location']
    ? path.resolve(io.cwd, values['cache-location'])
    : path.join(config.cacheDir, 'results', `${createHash('sha256').update(io.cwd).digest('hex').slice(0, 16)}.json`);
  return ResultCache.open(location, h.digest('hex'));
}

async function readStdinText(io: CliIO): Promise<string> {
  if (!io.readStdin) throw new UsageError('--stdin is not available here');
  return io.readStdin();
}

function errorsOnly(r: LintResult): LintResult {
  const messages = r.messages.filter((m) => m.severity === 2);
  return { ...r, messages, warningCount: 0, fixableWarningCount: 0 };
}
