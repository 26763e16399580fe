import type { AttackData } from '../../attack/index.js';
import type { CorpusIndex, FieldRow, RuleSummary, ValueRow } from '../../index/corpus-index.js';
import { catalogEvent } from '../../model/events.js';
import type { Vendor } from '../../model/rule.js';

/** Everything the catalog page of one technique shows, in the order it shows it. */
export interface CatalogPage {
  attackVersion: string;
  technique: {
    id: string;
    name: string;
    /** ATT&CK's description (first paragraph), when the caller had the bundle read. */
    description?: string;
    url: string;
    tactics: { shortname: string; name: string }[];
    parent?: { id: string; name: string };
    subtechniques: { id: string; name: string; rules: number }[];
    status: string;
    replacement?: { id: string; name: string };
  };
  ruleCount: number;
  events: { key: string; provider: string; label: string; title: string | null; rules: number }[];
  fields: FieldRow[];
  indicators: ValueRow[];
  exclusions: ValueRow[];
  rulesByVendor: Partial<Record<Vendor, RuleSummary[]>>;
}

export const VENDOR_NAMES: Record<Vendor, string> = { sigma: 'Sigma', elastic: 'Elastic', splunk: 'Splunk' };

/** Builds a technique's page from ATT&CK and the corpus index (undefined when ATT&CK does not know the id). */
export function buildCatalogPage(id: string, attack: AttackData, index: CorpusIndex | undefined, descriptions?: ReadonlyMap<string, string>): CatalogPage | undefined {
  const res = attack.resolve(id);
  const tech = res.technique;
  if (!tech) return undefined;
  const canonical = attack.canonicalTechniqueId(tech.id);
  const agg = index?.aggregate(canonical);
  const counts = index?.techniques();
  const parent = tech.parentId ? attack.technique(tech.parentId) : undefined;
  const rulesByVendor: CatalogPage['rulesByVendor'] = {};
  for (const r of [...(agg?.rules ?? [])].sort((a, b) => a.title.localeCompare(b.title))) (rulesByVendor[r.vendor] ??= []).push(r);
  return {
    attackVersion: attack.version,
    technique: {
      id: tech.id,
      // ATT&CK names sub-techniques "Parent: Sub" wherever it shows them alone.
      name: parent ? `${parent.name}: ${tech.name}` : tech.name,
      ...(descriptions?.get(tech.id) ? { description: descriptions.get(tech.id) as string } : {}),
      url: tech.url,
      tactics: tech.tactics.map((s) => ({ shortname: s, name: attack.tactic(s)?.name ?? s })),
      ...(parent ? { parent: { id: parent.id, name: parent.name } } : {}),
      subtechniques: tech.isSubtechnique ? [] : attack.subtechniques(tech.id).map((s) => ({ id: s.id, name: s.name, rules: counts?.get(s.id) ?? 0 })),
      status: res.status,
      ...(res.replacement ? { replacement: { id: res.replacement.id, name: res.replacement.name } } : {}),
    },
    ruleCount: agg?.ruleCount ?? 0,
    events: (agg?.events ?? []).map((e) => {
      const ev = catalogEvent(e.key);
      return { key: e.key, provider: ev?.provider ?? e.key.split(':')[0] ?? e.key, label: ev?.label ?? e.key, title: ev?.title ?? null, rules: e.rules };
    }),
    fields: agg?.fields ?? [],
    indicators: agg?.indicators ?? [],
    exclusions: agg?.exclusions ?? [],
    rulesByVendor,
  };
}
