import path from 'node:path';
import { isScopeField } from '../../model/fields.js';
import { fileStart, type SourceText } from '../../model/location.js';
import { predicatesFromLogic } from '../../model/predicates.js';
import type { KnownFields, ParsedFile, ParseProblem, Predicate, RuleModel, TechniqueRef } from '../../model/rule.js';
import type { ParseSettings, VendorParser } from '../index.js';
import { contentFoldersOf, isDirectory } from './content-folders.js';
import { parseSplunkFile, type SplunkDetectionDocument } from './document.js';
import { splunkCanonicalField } from './field-names.js';
import { splunkKnownFields } from './known-fields.js';
import { createMacroTable, loadMacros, type MacroTable } from './macros.js';
import { splunkRuleEvents } from './rule-events.js';
import { analyzeSearch } from './analyze-search.js';
import { rememberAnalysis, type SplunkSearchAnalysis } from './search-analysis.js';
import { splToLogic } from './spl-lower.js';
import { mapLogicSpans } from './spl-search.js';

export const splunkParser: VendorParser = {
  vendor: 'splunk',
  parse(file: string, source: SourceText, settings: ParseSettings): ParsedFile {
    const { doc, problems } = parseSplunkFile(source);
    if (!doc) return { file, vendor: 'splunk', source, rules: [], problems };
    const rule = splunkRuleModel(file, source, doc, settings, problems);
    return { file, vendor: 'splunk', source, rules: [rule], problems };
  },
};

/** The macros a detection expands with, and how the unknown ones are explained. */
interface MacroSource {
  table: MacroTable;
  /** Why a macro may be missing: where lint-rule looked. */
  where: string;
  /** A configured folder that does not exist. */
  missing?: string;
}

let emptyTable: MacroTable | undefined;

/** Macro folder: `settings.splunkMacros`, else `macros/` beside the `detections/` folder the file is under, else none. */
function macroSourceFor(file: string, settings: ParseSettings): MacroSource {
  if (settings.splunkMacros !== undefined) {
    const dir = path.resolve(settings.splunkMacros);
    if (isDirectory(dir)) return { table: loadMacros(dir), where: `the macro folder ${settings.splunkMacros}` };
    emptyTable ??= createMacroTable([]);
    return { table: emptyTable, where: `the macro folder ${settings.splunkMacros}`, missing: settings.splunkMacros };
  }
  const folders = contentFoldersOf(file);
  if (folders.macros) return { table: loadMacros(folders.macros), where: `${path.relative(process.cwd(), folders.macros) || '.'}/` };
  emptyTable ??= createMacroTable([]);
  return { table: emptyTable, where: 'any macro folder (none beside a detections/ folder; set settings.splunk.macros in the config)' };
}

const EVENT_CODE_FIELD = /^(EventCode|EventID)$/i;

/**
 * One detection as the common rule model. Search problems (syntax errors,
 * unknown macros) are added to `problems`; none of them is fatal, so the
 * rule's techniques, events and what did parse still reach the checks.
 */
export function splunkRuleModel(
  file: string,
  source: SourceText,
  doc: SplunkDetectionDocument,
  settings: ParseSettings,
  problems: ParseProblem[],
): RuleModel<SplunkDetectionDocument> {
  const techniques: TechniqueRef[] = doc.tags.mitreAttackId.map((t) => ({ id: t.value.trim().toUpperCase(), written: t.value, loc: t.loc }));
  const detectionLoc = doc.searchLoc ?? doc.locate(['search']) ?? fileStart();
  let analysis: SplunkSearchAnalysis | undefined;
  if (doc.search) {
    const macros = macroSourceFor(file, settings);
    analysis = analyzeSearch(doc.search, macros.table);
    rememberAnalysis(doc, analysis);
    searchProblems(analysis, macros, detectionLoc, problems);
  } else {
    problems.push({ checkId: 'splunk-search-syntax', message: 'the detection has no `search` string', loc: doc.locateKey(['search']) ?? fileStart(), severity: 'error' });
  }

  const search = doc.search;
  const pending: { p: Predicate; field: string; inDatamodel: boolean }[] = [];
  // Spans of the logic are mapped back through macro expansion to the search as written.
  const logic = analysis?.ast ? mapLogicSpans(splToLogic(analysis.ast), analysis.parse.expansion.toOriginalSpan) : undefined;
  const predicates = predicatesFromLogic(logic, (cmp, role, where) => {
    const p: Predicate = { field: '', fieldAsWritten: cmp.field, operator: cmp.operator, value: cmp.value, role, loc: search ? search.locate(cmp.span) : detectionLoc };
    if (cmp.caseSensitive !== undefined) p.caseSensitive = cmp.caseSensitive;
    if (cmp.modifiers) p.modifiers = cmp.modifiers;
    if (cmp.group) p.group = cmp.group;
    if (where.negated) p.negated = true;
    pending.push({ p, field: cmp.field, inDatamodel: cmp.group === 'tstats' && analysis?.datamodelName !== undefined });
    return p;
  });

  const eventCodes = predicates
    .filter((p) => p.role !== 'exclusion' && !p.negated && EVENT_CODE_FIELD.test(p.fieldAsWritten) && (p.operator === 'match' || p.operator === 'eq' || p.operator === 'in'))
    .map((p) => p.value)
    .filter((v): v is number | string => typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v)));
  const events = splunkRuleEvents({
    dataSources: doc.dataSource,
    macroCalls: analysis?.parse.expansion.calls ?? [],
    eventCodes: [...new Set(eventCodes.map(String))],
    ...(analysis?.datamodelName ? { datamodel: analysis.datamodelName } : {}),
  });

  const ctx = { eventKeys: events.map((e) => e.key), ...(analysis?.datamodelName ? { datamodel: analysis.datamodelName } : {}) };
  for (const { p, field, inDatamodel } of pending) {
    if (field === '') continue;
    p.field = splunkCanonicalField(field, inDatamodel, ctx);
    if (p.role === 'indicator' && isScopeField(p.field)) p.role = 'scope';
  }

  const model: RuleModel<SplunkDetectionDocument> = {
    vendor: 'splunk',
    file,
    source,
    documentIndex: 0,
    language: 'spl',
    techniques,
    tactics: [],
    events,
    predicates,
    detectionLoc,
    titleLoc: doc.name?.loc ?? fileStart(),
    doc,
    // Not memoised: the list is large and wanted once or twice per rule; its shared part is cached per data source set.
    knownFields: (): KnownFields | undefined => splunkKnownFields(contentFoldersOf(file).dataSources, doc.dataSource, analysis),
  };
  if (doc.id) model.id = doc.id.value;
  if (doc.name) model.title = doc.name.value;
  return model;
}

function searchProblems(analysis: SplunkSearchAnalysis, macros: MacroSource, detectionLoc: RuleModel['detectionLoc'], problems: ParseProblem[]): void {
  for (const e of analysis.parse.errors) {
    problems.push({ checkId: 'splunk-search-syntax', message: `search: ${e.message}`, loc: analysis.search.locate(e.span), severity: 'error' });
  }
  if (macros.missing !== undefined && analysis.parse.expansion.calls.some((c) => !c.known)) {
    problems.push({ checkId: 'splunk-macro-unknown', message: `the configured macro folder ${macros.missing} does not exist`, loc: detectionLoc, severity: 'warn' });
    return;
  }
  const seen = new Set<string>();
  for (const u of analysis.parse.expansion.unknown) {
    const key = `${u.name}\u0000${u.span.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({
      checkId: 'splunk-macro-unknown',
      message: `macro \`${u.name}\` is not defined in ${macros.where}: its part of the search is not checked`,
      loc: analysis.search.locate(u.span),
      severity: 'warn',
    });
  }
}
