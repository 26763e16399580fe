import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Check } from '../../engine/check.js';
import type { LintMessage } from '../../engine/linter.js';
import { packageVersion } from '../../engine/paths.js';
import { SourceText } from '../../model/location.js';
import type { Formatter } from './types.js';

/** Where the project lives; SARIF viewers link the tool name here. */
export const PROJECT_URL = 'https://github.com/lint-rule/lint-rule';

/** Docs pages of the checks (docs/rules/<id>.md) as published on the repository. */
export const RULE_DOCS_BASE_URL = `${PROJECT_URL}/blob/main/docs/rules`;

export function ruleDocsUrl(id: string): string {
  return `${RULE_DOCS_BASE_URL}/${encodeURIComponent(id)}.md`;
}

const SARIF_SCHEMA_URI = 'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json';

/** The key of our partial fingerprint; bump the version if the recipe changes, so old alerts are not matched wrongly. */
export const FINGERPRINT_KEY = 'lintRule/v1';

/** Results are located relative to this base, which code scanning maps to the repository root. */
export const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning';

interface ReportingDescriptor {
  id: string;
  name?: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: Level };
  properties?: { tags: string[] };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: { text: string };
  locations: [{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Region } }];
  partialFingerprints: Record<string, string>;
}

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** Messages without a check id (never expected, but the type allows it) are filed under this rule. */
const UNNAMED_RULE = 'lint-rule';

/**
 * SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it:
 * every check as a rule of the driver, each problem as a result with a
 * repository-relative location and a partial fingerprint that survives the
 * problem's line moving (it hashes the check, the file, the text of the
 * reported line and the message, not the line number).
 */
export const sarif: Formatter = (results, ctx) => {
  const rules: ReportingDescriptor[] = ctx.checks.map(describeCheck);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const sarifResults: SarifResult[] = [];

  for (const r of results) {
    if (r.messages.length === 0) continue;
    const artifact = artifactLocation(r.filePath, ctx.repoRoot);
    const lines = r.source === undefined ? undefined : lineTexts(r.source, r.messages);
    const seen = new Map<string, number>();
    for (const m of r.messages) {
      const ruleId = m.ruleId ?? UNNAMED_RULE;
      let index = ruleIndex.get(ruleId);
      if (index === undefined) {
        // Parsers report problems under ids that are not registered checks; SARIF needs a rule for each.
        index = rules.push(describeUnregistered(ruleId, m)) - 1;
        ruleIndex.set(ruleId, index);
      }
      const hash = fingerprint(ruleId, artifact.uri, lines?.get(m.line) ?? '', m.message);
      const occurrence = (seen.get(hash) ?? 0) + 1;
      seen.set(hash, occurrence);
      sarifResults.push({
        ruleId,
        ruleIndex: index,
        level: level(m),
        message: { text: m.message },
        locations: [{ physicalLocation: { artifactLocation: artifact, region: region(m) } }],
        partialFingerprints: { [FINGERPRINT_KEY]: `${hash}:${occurrence}` },
      });
    }
  }

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'lint-rule',
            version: packageVersion(),
            semanticVersion: packageVersion(),
            informationUri: PROJECT_URL,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  // Not indented: SARIF is read by tools, and a corpus-wide run's log would be several times larger.
  return `${JSON.stringify(log)}\n`;
};

/**
 * The text of the lines the messages point at. Only those lines are looked
 * up, scanning no further than the last one, because a whole-file line index
 * per file dominates a corpus-wide run. Text with lone CR line breaks takes
 * the exact route (SourceText counts those as breaks, as the linter does).
 */
function lineTexts(source: string, messages: readonly LintMessage[]): Map<number, string> {
  const wanted = new Set(messages.map((m) => m.line));
  const out = new Map<number, string>();
  if (source.includes('\r') && /\r(?!\n)/.test(source)) {
    const text = new SourceText(source);
    for (const line of wanted) out.set(line, text.lineText(line));
    return out;
  }
  const last = Math.max(...wanted);
  let start = 0;
  for (let line = 1; line <= last && start <= source.length; line++) {
    const nl = source.indexOf('\n', start);
    const end = nl === -1 ? source.length : nl;
    if (wanted.has(line)) out.set(line, source.slice(start, end).replace(/\r$/, ''));
    if (nl === -1) break;
    start = nl + 1;
  }
  return out;
}

function describeCheck(check: Check): ReportingDescriptor {
  const m = check.meta;
  const docs = m.docs.trim();
  return {
    id: m.id,
    name: pascalCase(m.id),
    shortDescription: { text: m.description },
    fullDescription: { text: firstParagraph(docs) || m.description },
    help: { text: docs, markdown: docs },
    helpUri: ruleDocsUrl(m.id),
    defaultConfiguration: { level: m.defaultSeverity === 'error' ? 'error' : 'warning' },
    properties: { tags: m.vendors ? [...m.vendors] : ['sigma', 'elastic', 'splunk'] },
  };
}

function describeUnregistered(id: string, m: LintMessage): ReportingDescriptor {
  return {
    id,
    shortDescription: { text: `Problems lint-rule reports as ${id}.` },
    defaultConfiguration: { level: level(m) },
  };
}

function level(m: LintMessage): Level {
  return m.severity === 2 ? 'error' : 'warning';
}

/** SARIF regions must not run backwards; a zero-width range stays zero-width. */
function region(m: LintMessage): Region {
  const startLine = wholeAtLeast1(m.line);
  const startColumn = wholeAtLeast1(m.column);
  const endLine = Math.max(startLine, wholeAtLeast1(m.endLine));
  let endColumn = wholeAtLeast1(m.endColumn);
  if (endLine === startLine && endColumn < startColumn) endColumn = startColumn;
  return { startLine, startColumn, endLine, endColumn };
}

function wholeAtLeast1(n: number): number {
  return Number.isFinite(n) ? Math.max(1, Math.trunc(n)) : 1;
}

/**
 * The file as a URI relative to the repository root: forward slashes, each
 * segment percent-encoded (spaces, `#`, `%`, non-ASCII). A file on another
 * Windows drive cannot be relative and becomes a file: URI.
 */
export function artifactLocation(file: string, repoRoot: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(repoRoot, file);
  if (path.isAbsolute(rel)) {
    const posix = rel.split(path.sep).join('/');
    return { uri: `file:///${posix.replace(/^\/+/, '').split('/').map(encodeSegment).join('/')}` };
  }
  const segments = rel.split(path.sep).filter((s) => s !== '');
  return { uri: segments.map(encodeSegment).join('/'), uriBaseId: SRCROOT };
}

function encodeSegment(segment: string): string {
  // A drive letter's colon stays; elsewhere encodeURIComponent's output is a valid path segment.
  return /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment);
}

function fingerprint(ruleId: string, uri: string, lineText: string, message: string): string {
  return createHash('sha256').update(`${ruleId}\0${uri}\0${lineText.trim()}\0${message}`).digest('hex').slice(0, 32);
}

function firstParagraph(markdown: string): string {
  const end = markdown.search(/\n\s*\n/);
  return (end === -1 ? markdown : markdown.slice(0, end)).replace(/\s*\n\s*/g, ' ').trim();
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((p) => p !== '')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}
