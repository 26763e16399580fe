import { readFileSync } from 'node:fs';
import { describeError, isRecord, records, str, strings, type JsonRecord } from './json-guards.js';
import { compareIds, emptyTable, sortByMatrixOrder, tacticOrder, type AttackTable } from './table.js';
import { canonicalUrl, isTechniqueId, normalizeId, parentOf } from './technique-id.js';
import type { DataComponent, DetectionStrategy, Tactic, Technique } from './types.js';
import { bundleVersion } from './version.js';

export interface TableResult {
  table: AttackTable;
  warnings: string[];
}

const DOMAIN = 'enterprise-attack';

/** Reads an official STIX 2.1 enterprise-attack bundle. Never throws: problems come back as warnings. */
export function loadStixBundle(file: string): TableResult {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return { table: emptyTable(), warnings: [`attack: cannot read bundle ${file}: ${describeError(err)}`] };
  }
  return parseStixBundle(json, file);
}

/** The ATT&CK id and page of an object (its `mitre-attack` external reference). */
function mitreRef(o: JsonRecord): { id: string; url: string } | undefined {
  for (const r of records(o['external_references'])) {
    if (r['source_name'] !== 'mitre-attack') continue;
    const id = str(r['external_id']);
    if (id) return { id, url: str(r['url']) ?? '' };
  }
  return undefined;
}

function inDomain(o: JsonRecord): boolean {
  const domains = o['x_mitre_domains'];
  return !Array.isArray(domains) || domains.includes(DOMAIN);
}

function isRetiredObject(o: JsonRecord): boolean {
  return o['revoked'] === true || o['x_mitre_deprecated'] === true;
}

/** Groups the objects the table needs by type, in one pass. */
interface Collected {
  patterns: JsonRecord[];
  tactics: JsonRecord[];
  matrices: JsonRecord[];
  relationships: JsonRecord[];
  strategies: JsonRecord[];
  analytics: Map<string, JsonRecord>;
  components: JsonRecord[];
  collectionVersion: string | undefined;
  newestModified: string;
}

function collect(objects: readonly JsonRecord[]): Collected {
  const c: Collected = {
    patterns: [], tactics: [], matrices: [], relationships: [], strategies: [],
    analytics: new Map(), components: [], collectionVersion: undefined, newestModified: '',
  };
  for (const o of objects) {
    const modified = str(o['modified']);
    if (modified && modified > c.newestModified) c.newestModified = modified;
    switch (o['type']) {
      case 'attack-pattern': if (inDomain(o)) c.patterns.push(o); break;
      case 'x-mitre-tactic': if (inDomain(o) && !isRetiredObject(o)) c.tactics.push(o); break;
      case 'x-mitre-matrix': if (inDomain(o) && !isRetiredObject(o)) c.matrices.push(o); break;
      case 'relationship': if (!isRetiredObject(o)) c.relationships.push(o); break;
      case 'x-mitre-detection-strategy': if (inDomain(o) && !isRetiredObject(o)) c.strategies.push(o); break;
      case 'x-mitre-analytic': { const id = str(o['id']); if (id) c.analytics.set(id, o); break; }
      case 'x-mitre-data-component': if (inDomain(o) && !isRetiredObject(o)) c.components.push(o); break;
      case 'x-mitre-collection': c.collectionVersion ??= str(o['x_mitre_version']); break;
      default: break;
    }
  }
  return c;
}

function buildTactics(c: Collected, warnings: string[]): Tactic[] {
  const byStixId = new Map<string, Tactic>();
  for (const o of c.tactics) {
    const ref = mitreRef(o);
    const shortname = str(o['x_mitre_shortname']);
    const stixId = str(o['id']);
    if (!ref || !shortname || !stixId) continue;
    byStixId.set(stixId, { id: ref.id, shortname, name: str(o['name']) ?? shortname, order: 0 });
  }
  const matrix = c.matrices.find((m) => mitreRef(m)?.id === DOMAIN) ?? c.matrices[0];
  if (!matrix) warnings.push('attack: the bundle has no x-mitre-matrix; tactics are in bundle order');
  const ordered: Tactic[] = [];
  for (const ref of strings(matrix?.['tactic_refs'])) {
    const t = byStixId.get(ref);
    if (t && !ordered.includes(t)) ordered.push(t);
  }
  for (const t of byStixId.values()) {
    if (ordered.includes(t)) continue;
    if (matrix) warnings.push(`attack: tactic ${t.id} (${t.shortname}) is not in the matrix; put last`);
    ordered.push(t);
  }
  return ordered.map((t, order) => ({ ...t, order }));
}

interface Links {
  parentOf: Map<string, string>;
  revokedBy: Map<string, string>;
  detects: Map<string, string>;
}

function buildLinks(c: Collected): Links {
  const links: Links = { parentOf: new Map(), revokedBy: new Map(), detects: new Map() };
  for (const r of c.relationships) {
    const source = str(r['source_ref']);
    const target = str(r['target_ref']);
    if (!source || !target) continue;
    switch (r['relationship_type']) {
      case 'subtechnique-of': links.parentOf.set(source, target); break;
      case 'revoked-by': links.revokedBy.set(source, target); break;
      case 'detects': links.detects.set(source, target); break;
      default: break;
    }
  }
  return links;
}

/** When one ATT&CK id has several objects, the active one wins, then the newer. */
function preferred(a: JsonRecord, b: JsonRecord): JsonRecord {
  const ra = isRetiredObject(a);
  const rb = isRetiredObject(b);
  if (ra !== rb) return ra ? b : a;
  return (str(b['modified']) ?? '') > (str(a['modified']) ?? '') ? b : a;
}

function buildTechniques(c: Collected, links: Links, tactics: readonly Tactic[], warnings: string[]): {
  techniques: Technique[];
  idOf: Map<string, string>;
} {
  const objectById = new Map<string, JsonRecord>();
  const idOf = new Map<string, string>();
  for (const o of c.patterns) {
    const ref = mitreRef(o);
    const stixId = str(o['id']);
    if (!ref || !stixId) continue;
    const id = normalizeId(ref.id);
    if (!isTechniqueId(id)) {
      warnings.push(`attack: attack-pattern ${stixId} has a malformed ATT&CK id "${ref.id}"; skipped`);
      continue;
    }
    idOf.set(stixId, id);
    const prev = objectById.get(id);
    objectById.set(id, prev ? preferred(prev, o) : o);
  }
  const order = tacticOrder(tactics);
  const techniques: Technique[] = [];
  for (const [id, o] of objectById) {
    const stixId = str(o['id']) ?? '';
    const phases = records(o['kill_chain_phases'])
      .filter((p) => p['kill_chain_name'] === 'mitre-attack')
      .map((p) => str(p['phase_name']))
      .filter((p): p is string => p !== undefined);
    const isSub = o['x_mitre_is_subtechnique'] === true || id.includes('.');
    const parentStix = links.parentOf.get(stixId);
    const parentId = (parentStix && idOf.get(parentStix)) ?? (isSub ? parentOf(id) : undefined);
    const revoked = o['revoked'] === true;
    const revokedByStix = links.revokedBy.get(stixId);
    const revokedBy = revokedByStix ? idOf.get(revokedByStix) : undefined;
    const t: Technique = {
      id,
      name: str(o['name']) ?? id,
      tactics: sortByMatrixOrder(phases, order),
      isSubtechnique: isSub,
      revoked,
      deprecated: o['x_mitre_deprecated'] === true,
      platforms: strings(o['x_mitre_platforms']),
      url: canonicalUrl(mitreRef(o)?.url, id),
    };
    if (parentId) t.parentId = parentId;
    if (revoked && revokedBy) t.revokedBy = revokedBy;
    techniques.push(t);
  }
  techniques.sort((a, b) => compareIds(a.id, b.id));
  return { techniques, idOf };
}

function buildDataComponents(c: Collected): { components: DataComponent[]; idOf: Map<string, string> } {
  const idOf = new Map<string, string>();
  const components: DataComponent[] = [];
  for (const o of c.components) {
    const ref = mitreRef(o);
    const stixId = str(o['id']);
    if (!ref || !stixId) continue;
    idOf.set(stixId, ref.id);
    components.push({ id: ref.id, name: str(o['name']) ?? ref.id });
  }
  components.sort((a, b) => compareIds(a.id, b.id));
  return { components, idOf };
}

function buildDetectionStrategies(
  c: Collected,
  links: Links,
  techniqueIdOf: ReadonlyMap<string, string>,
  componentIdOf: ReadonlyMap<string, string>,
): DetectionStrategy[] {
  const strategies: DetectionStrategy[] = [];
  for (const o of c.strategies) {
    const ref = mitreRef(o);
    const stixId = str(o['id']);
    const target = stixId ? links.detects.get(stixId) : undefined;
    const techniqueId = target ? techniqueIdOf.get(target) : undefined;
    if (!ref || !techniqueId) continue;
    const componentIds = new Set<string>();
    for (const analyticRef of strings(o['x_mitre_analytic_refs'])) {
      const analytic = c.analytics.get(analyticRef);
      for (const ls of records(analytic?.['x_mitre_log_source_references'])) {
        const dc = componentIdOf.get(str(ls['x_mitre_data_component_ref']) ?? '');
        if (dc) componentIds.add(dc);
      }
    }
    strategies.push({
      id: ref.id,
      techniqueId,
      dataComponentIds: [...componentIds].sort(compareIds),
    });
  }
  strategies.sort((a, b) => compareIds(a.id, b.id));
  return strategies;
}

/** Builds the table from an already parsed bundle; `file` names it in warnings and may carry the version. */
export function parseStixBundle(json: unknown, file: string): TableResult {
  const warnings: string[] = [];
  if (!isRecord(json) || json['type'] !== 'bundle' || !Array.isArray(json['objects'])) {
    return { table: emptyTable(), warnings: [`attack: ${file} is not a STIX bundle (no "type": "bundle" with "objects")`] };
  }
  const c = collect(records(json['objects']));
  const tactics = buildTactics(c, warnings);
  const links = buildLinks(c);
  const { techniques, idOf } = buildTechniques(c, links, tactics, warnings);
  const { components, idOf: componentIdOf } = buildDataComponents(c);
  const { version, source } = bundleVersion(c.collectionVersion, file, c.newestModified);
  if (source === 'unknown') warnings.push(`attack: cannot tell the ATT&CK version of ${file} (no x-mitre-collection)`);
  if (techniques.length === 0) warnings.push(`attack: ${file} holds no enterprise techniques`);
  return {
    table: {
      version,
      versionSource: source,
      domain: DOMAIN,
      tactics,
      retiredTactics: [],
      techniques,
      crosswalk: {},
      detectionStrategies: buildDetectionStrategies(c, links, idOf, componentIdOf),
      dataComponents: components,
    },
    warnings,
  };
}
