import { canonicalField, isScopeField, type FieldContext } from '../../model/fields.js';
import { sigmaLogsourceEvents, sigmaLogsourceFields } from '../../model/events.js';
import { predicatesFromLogic } from '../../model/predicates.js';
import type { Location, SourceText } from '../../model/location.js';
import type { EventRef, KnownFields, Operator, ParsedFile, Predicate, PredicateValue, Role, RuleModel, TacticRef, TechniqueRef } from '../../model/rule.js';
import type { VendorParser } from '../index.js';
import type { SigmaDocument } from './document-types.js';
import { parseSigmaFile } from './parse-file.js';
import { keyText } from '../yaml/nodes.js';
import { sigmaToLogic, type SigmaCompare } from './lower.js';

/**
 * An ATT&CK tag, in one expression (tried in this order): a technique
 * (`attack.t1059.001`); a malformed technique tag, which still names the
 * technique the author meant (`attack.t1059.1`); a tactic (`attack.execution`),
 * but not group/software/campaign ids (attack.g0016, attack.s0002, attack.c0001).
 */
const ATTACK_TAG = /^attack\.(?:(t\d{4}(?:\.\d{3})?)|(t\d[\d.]*)|([a-z][a-z_-]+))$/i;

export const sigmaParser: VendorParser = {
  vendor: 'sigma',
  parse(file: string, source: SourceText): ParsedFile {
    const { documents, problems } = parseSigmaFile(source);
    const sigma = documents.filter(isSigmaLike);
    // A YAML file with no Sigma-shaped document is some other file, not a broken rule.
    if (documents.length > 0 && sigma.length === 0 && !problems.some((p) => p.fatal)) {
      problems.push({
        checkId: 'parse-error',
        message: 'not a Sigma rule: it has none of title, logsource, detection, correlation or filter',
        loc: (documents[0] as SigmaDocument).loc,
        severity: 'error',
        fatal: true,
      });
    }
    const rules = sigma.map((doc) => sigmaRuleModel(file, source, doc));
    return { file, vendor: 'sigma', source, rules, problems };
  },
};

const SIGMA_KEYS = ['title', 'logsource', 'detection', 'correlation', 'filter'];

/** Whether the document has any key only Sigma documents have (read from the YAML nodes: `data` would build the whole plain value). */
function isSigmaLike(doc: SigmaDocument): boolean {
  // One pass over the top-level keys, when the map is at hand, instead of a search for each of five keys.
  if (doc.node) return doc.node.pairs.some((pair) => SIGMA_KEYS.includes(keyText(pair.key)));
  return SIGMA_KEYS.some((k) => doc.spanOf([k]) !== undefined);
}

export function sigmaRuleModel(file: string, source: SourceText, doc: SigmaDocument): RuleModel<SigmaDocument> {
  const techniques: TechniqueRef[] = [];
  const tactics: TacticRef[] = [];
  for (const tag of doc.tags) {
    const m = ATTACK_TAG.exec(tag.value);
    if (!m) continue;
    const technique = m[1] ?? m[2];
    if (technique !== undefined) techniques.push({ id: technique.toUpperCase(), written: tag.value, loc: tag.loc });
    else tactics.push({ shortname: (m[3] as string).toLowerCase().replaceAll('_', '-'), written: tag.value, loc: tag.loc });
  }
  const ls = logsourceOf(doc);
  const ctx: FieldContext = ls;
  const logic = sigmaToLogic(doc);
  const predicates = predicatesFromLogic(logic, (logicCmp, role, where) => {
    // sigmaToLogic makes every comparison a SigmaCompare.
    const cmp = logicCmp as SigmaCompare;
    const field = cmp.field === '' ? '' : canonicalField('sigma', cmp.field, ctx);
    const shown = role === 'indicator' && field !== '' && isScopeField(field) ? 'scope' : role;
    return new SigmaPredicate(field, shown, cmp, where.negated || undefined);
  });
  const events: EventRef[] = [];
  if (doc.kind === 'rule') {
    // EventID in the detection narrows a service logsource (`service: security` + 4688) to its events.
    const eventIds: (number | string)[] = [];
    for (const p of predicates) {
      if (p.fieldAsWritten === 'EventID' && p.role !== 'exclusion' && !p.negated && p.operator === 'eq' && p.value !== null) eventIds.push(p.value as number | string);
    }
    const keys = sigmaLogsourceEvents(ls, eventIds);
    if (keys.length > 0) {
      const via = `logsource ${logsourceLabel(ls)}`;
      for (const key of keys) events.push({ key, via });
    }
  }
  const model: RuleModel<SigmaDocument> = {
    vendor: 'sigma',
    file,
    source,
    documentIndex: doc.index,
    language: 'sigma',
    techniques,
    tactics,
    events,
    predicates,
    detectionLoc: doc.detection?.condition[0]?.loc ?? doc.detection?.loc ?? doc.filter?.condition[0]?.loc ?? doc.filter?.loc ?? doc.correlation?.loc ?? doc.loc,
    titleLoc: doc.title?.loc ?? doc.loc,
    doc,
    knownFields: (): KnownFields | undefined => {
      const names = sigmaLogsourceFields(ls);
      return names ? { names, source: `the Sigma logsource ${logsourceLabel(ls)}` } : undefined;
    },
  };
  if (logic) model.logic = logic;
  if (doc.kind === 'filter') model.meta = true;
  if (doc.id) model.id = doc.id.value;
  if (doc.title) model.title = doc.title.value;
  return model;
}

/**
 * A Sigma predicate, whose locations are read from the document parts when
 * asked (checks ask where they report, which is seldom). Every optional
 * property is present (undefined when it does not apply): one object shape
 * for all predicates keeps the checks that read them monomorphic.
 */
class SigmaPredicate implements Predicate {
  readonly field: string;
  readonly fieldAsWritten: string;
  readonly operator: Operator;
  readonly value: PredicateValue;
  readonly role: Role;
  readonly caseSensitive: boolean | undefined;
  readonly modifiers: readonly string[] | undefined;
  readonly group: string | undefined;
  readonly negated: boolean | undefined;
  readonly #cmp: SigmaCompare;

  constructor(field: string, role: Role, cmp: SigmaCompare, negated: boolean | undefined) {
    this.field = field;
    this.fieldAsWritten = cmp.field;
    this.operator = cmp.operator;
    this.value = cmp.value;
    this.role = role;
    this.caseSensitive = cmp.caseSensitive;
    this.modifiers = cmp.modifiers;
    this.group = cmp.group || undefined;
    this.negated = negated;
    this.#cmp = cmp;
  }

  /** Where the value sits; for a test of the field's presence, the item's key. */
  get loc(): Location {
    const c = this.#cmp;
    return c.at ? c.at.loc : (c.item as NonNullable<SigmaCompare['item']>).keyLoc;
  }

  get fieldLoc(): Location | undefined {
    const c = this.#cmp;
    return c.fieldSpan && c.item ? c.item.fieldLoc : undefined;
  }
}

/** `windows/process_creation`: the logsource's product, category and service that are set. */
function logsourceLabel(ls: { product?: string; category?: string; service?: string }): string {
  return [ls.product, ls.category, ls.service].filter(Boolean).join('/');
}

function logsourceOf(doc: SigmaDocument): { product?: string; category?: string; service?: string } {
  const out: { product?: string; category?: string; service?: string } = {};
  const ls = doc.logsource;
  if (ls?.product) out.product = ls.product.value;
  if (ls?.category) out.category = ls.category.value;
  if (ls?.service) out.service = ls.service.value;
  return out;
}
