import path from 'node:path';
import { DEFAULT_SHARED } from '../engine/paths.js';
import type { RuleModel } from '../model/rule.js';
import type { SigmaDetectionItem, SigmaDocument, SigmaSelection } from '../parse/sigma/document-types.js';

/**
 * What the SigmaHQ checks share: the Sigma document behind a rule model, a
 * walk over its detection items, and the settings that point at SigmaHQ's
 * own CI files.
 */

/** The Sigma detection rule behind a model; undefined for other vendors and for correlations. */
export function sigmaRuleDoc(rule: RuleModel): SigmaDocument | undefined {
  if (rule.vendor !== 'sigma') return undefined;
  const doc = rule.doc as SigmaDocument;
  return doc.kind === 'rule' ? doc : undefined;
}

/** A detection item with the selection it sits in. */
export interface PlacedItem {
  item: SigmaDetectionItem;
  selection: SigmaSelection;
}

const itemLists = new WeakMap<SigmaDocument, readonly PlacedItem[]>();

/**
 * Every detection item of a rule with the selection it sits in, in the order
 * written. Listed once per document: a run walks them in several checks.
 */
export function detectionItems(doc: SigmaDocument): readonly PlacedItem[] {
  let list = itemLists.get(doc);
  if (!list) {
    const out: PlacedItem[] = [];
    const selections = doc.detection?.selections;
    if (selections) {
      for (const selection of selections.values()) {
        for (const group of selection.groups) for (const item of group) out.push({ item, selection });
      }
    }
    list = out;
    itemLists.set(doc, list);
  }
  return list;
}

export interface SigmaLogsourceKey {
  product?: string;
  category?: string;
  service?: string;
}

/** The three fields of a logsource that identify it (definition and custom keys left out). */
export function logsourceKey(doc: SigmaDocument): SigmaLogsourceKey {
  const ls = doc.logsource;
  const out: SigmaLogsourceKey = {};
  if (ls?.product) out.product = ls.product.value;
  if (ls?.category) out.category = ls.category.value;
  if (ls?.service) out.service = ls.service.value;
  return out;
}

export function describeLogsource(ls: SigmaLogsourceKey): string {
  return [`product: ${ls.product ?? '-'}`, `category: ${ls.category ?? '-'}`, `service: ${ls.service ?? '-'}`].join(', ');
}

/** The modifiers of an item by name. */
export function modifierNames(item: SigmaDetectionItem): string[] {
  return item.modifiers.map((m) => m.name);
}

/** `settings.sigma` of the config, as a plain record. */
export function sigmaSettings(settings: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const s = settings.sigma;
  return s !== null && typeof s === 'object' && !Array.isArray(s) ? (s as Record<string, unknown>) : {};
}

/** SigmaHQ's CI files sit in the corpus's `tests/` folder. */
const DEFAULT_SIGMAHQ_TESTS = path.join(DEFAULT_SHARED, 'corpus', 'sigma', 'tests');

/** `settings.sigma.logsourceJson`, else SigmaHQ's `tests/logsource.json` next to the default corpus. */
export function logsourceJsonPath(settings: Readonly<Record<string, unknown>>): string {
  const p = sigmaSettings(settings).logsourceJson;
  return typeof p === 'string' && p !== '' ? path.resolve(p) : path.join(DEFAULT_SIGMAHQ_TESTS, 'logsource.json');
}

/** `settings.sigma.cliConfig`, else SigmaHQ's `tests/sigma_cli_conf.yml` next to the default corpus. */
export function cliConfigPath(settings: Readonly<Record<string, unknown>> | undefined, baseDir?: string): string {
  const p = settings ? sigmaSettings(settings).cliConfig : undefined;
  if (typeof p === 'string' && p !== '') return baseDir ? path.resolve(baseDir, p) : path.resolve(p);
  return path.join(DEFAULT_SIGMAHQ_TESTS, 'sigma_cli_conf.yml');
}
