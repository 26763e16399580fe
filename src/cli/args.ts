import { parseArgs } from 'node:util';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Options every command understands, with the lint command's own. */
const OPTIONS = {
  config: { type: 'string', short: 'c' },
  'no-config-lookup': { type: 'boolean' },
  preset: { type: 'string' },
  corpus: { type: 'string', multiple: true },
  'no-corpus': { type: 'boolean' },
  attack: { type: 'string' },
  'cache-dir': { type: 'string' },
  'rebuild-index': { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'print-config': { type: 'string' },
  'stdin-filename': { type: 'string' },
  stdin: { type: 'boolean' },
  repo: { type: 'string', multiple: true },
  top: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export type CliValues = ReturnType<typeof parse>['values'];

function parse(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
}

export interface ParsedCli {
  command: 'lint' | 'explain' | 'index' | 'rules' | 'init' | 'gaps' | 'site';
  positionals: string[];
  values: CliValues;
}

const COMMANDS = new Set(['explain', 'index', 'rules', 'init', 'gaps', 'site']);

export function parseCli(argv: string[]): ParsedCli {
  let parsed;
  try {
    parsed = parse(argv);
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify.*$/s, ''));
  }
  const [first, ...rest] = parsed.positionals;
  // After `--` every argument is a path: `lint-rule -- rules` lints a folder named rules.
  const firstToken = parsed.tokens.find((t) => t.kind === 'positional' || t.kind === 'option-terminator');
  if (first !== undefined && firstToken?.kind === 'positional' && COMMANDS.has(first)) {
    return { command: first as ParsedCli['command'], positionals: rest, values: parsed.values };
  }
  return { command: 'lint', positionals: parsed.positionals, values: parsed.values };
}

export function intOption(values: CliValues, name: 'max-warnings' | 'top'): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < -1) throw new UsageError(`--${name} expects a whole number, got "${raw}"`);
  return n;
}

export const HELP = `lint-rule — lint SIEM detection rules (Sigma, Elastic, Splunk) and compare them with a corpus

Usage:
  lint-rule [options] <files|folders|globs...>   lint rule files
  lint-rule explain <technique-id> [--format text|json|markdown|html]
                                                  the catalog page of a technique
  lint-rule gaps <files|folders|globs...> [--format text|json|markdown|navigator]
                                                  what a repository's rules miss compared with the corpus:
                                                  techniques, events, common exclusions, stale technique tags
  lint-rule site <out-dir> [--repo <paths...>]   the catalog as static HTML pages with an ATT&CK matrix
                                                  heatmap (coloured by the repository's coverage with --repo)
  lint-rule index [--rebuild-index]              build the corpus index now and show its size
  lint-rule rules [--format json]                 list every check, its severity and docs page
  lint-rule init                                  write a commented lint-rule.config.yml here

Options:
  -c, --config <file>       config file (default: nearest lint-rule.config.yml|.yaml|.json)
      --no-config-lookup    ignore config files
      --preset <name>       use this preset instead of the config's "extends":
                            recommended, strict, sigmahq, elastic, splunk
      --corpus <folder>     corpus folder (repeatable); replaces the config's list
      --no-corpus           no corpus: corpus-aware checks stay silent
      --attack <file>       ATT&CK STIX 2.1 bundle (enterprise-attack.json)
      --cache-dir <dir>     where the corpus index and ATT&CK cache live
      --rebuild-index       rebuild the corpus index even if a cached one matches
      --cache               keep each file's results; unchanged files are not linted again
      --cache-location <f>  where --cache keeps them (default: under the cache folder, per working folder)
      --rule <id:severity>  turn a check off/warn/error (repeatable)
  -f, --format <name>       stylish (default), json, compact, sarif, github, junit or markdown
      --fix                 apply safe fixes to the files (formatting and comments kept)
      --fix-dry-run         print the fixes as a diff instead
      --print-config <file> show the config in force for a file
      --stdin               lint standard input (--stdin-filename names it)
      --top <n>             rows per section for explain, gaps (default 20) and site pages (default 50); -1 for all
      --repo <path>         site: the repository whose coverage colours the matrix (repeatable)
  -o, --output-file <file>  write the report to a file
      --max-warnings <n>    exit 1 when there are more than n warnings
  -q, --quiet               report errors only
      --color / --no-color  force colours on or off (NO_COLOR and FORCE_COLOR are honoured)
  -h, --help                this help
  -v, --version             lint-rule's version

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings, 2 usage, config or internal error.
`;
