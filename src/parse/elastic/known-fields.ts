import { distance } from 'fastest-levenshtein';
import type { KnownFields, Predicate } from '../../model/rule.js';
import { findSchemas, loadEcsSchema, loadNonEcsSchema, nonEcsPatternsFor, type EcsSchema, type NonEcsSchema } from './ecs-schema.js';

/** What decides a rule's valid fields. */
export interface KnownFieldsInput {
  file: string;
  /** `settings.elastic.ecsSchema`, when configured. */
  ecsSchema: string | undefined;
  indices: readonly string[];
  predicates: readonly Predicate[];
}

/** Base lists (ECS + the non-ECS fields of a set of patterns) shared by every rule with the same patterns. */
const baseCache = new Map<string, { list: readonly string[]; set: ReadonlySet<string> }>();

function baseNames(ecs: EcsSchema, nonEcs: NonEcsSchema | undefined, patterns: readonly string[]): { list: readonly string[]; set: ReadonlySet<string> } {
  const key = `${ecs.file}\u0000${nonEcs?.file ?? ''}\u0000${patterns.join('\u0000')}`;
  let base = baseCache.get(key);
  if (!base) {
    const set = new Set(ecs.names);
    for (const p of patterns) for (const f of nonEcs?.byPattern.get(p) ?? []) set.add(f);
    base = { list: Object.freeze([...set]), set };
    baseCache.set(key, base);
  }
  return base;
}

/** A likely typo of an ECS object path (`proces` for `process`, `process.paren` for `process.parent`). */
function nearEcsParent(parent: string, ecs: EcsSchema): boolean {
  const limit = parent.length < 4 ? 0 : parent.length < 10 ? 1 : 2;
  if (limit === 0) return false;
  for (const p of ecs.parents) {
    if (Math.abs(p.length - parent.length) > limit) continue;
    if (distance(p, parent) <= limit) return true;
  }
  return false;
}

const UPPER = /(?:^|\.)[A-Z]/;

/**
 * Whether ECS can tell that a field (in neither schema) does not exist. It
 * can when the field sits beside ECS fields (`process.nmae` beside
 * `process.name`), or in a path one typo away from an ECS one
 * (`proces.name`), or differs from an ECS field only by case. It cannot for
 * fields the query marks optional (`?field`), wildcard names, fields under
 * an ECS object or flattened field (`labels.*`), multi-fields of an ECS field
 * (`process.name.caseless`), vendor extensions (Elastic Defend's capitalised
 * `process.Ext.*`, `Effective_process.*`), and integration namespaces
 * (`aws.cloudtrail.*`, `gen_ai.policy.*`), whose schemas ship with the
 * integration packages rather than with detection-rules.
 */
function judged(field: string, p: Predicate, ecs: EcsSchema): boolean {
  if (p.modifiers?.includes('?')) return false;
  let answers = judgedCache.get(ecs);
  if (!answers) {
    answers = new Map();
    judgedCache.set(ecs, answers);
  }
  let answer = answers.get(field);
  if (answer === undefined) {
    answer = judgedByEcs(field, ecs);
    answers.set(field, answer);
  }
  return answer;
}

/** Rules of one corpus repeat the same few hundred unknown names. */
const judgedCache = new WeakMap<EcsSchema, Map<string, boolean>>();

function judgedByEcs(field: string, ecs: EcsSchema): boolean {
  if (field.includes('*')) return false;
  if (ecs.lowerNames.has(field.toLowerCase())) return true;
  if (UPPER.test(field)) return false;
  for (const prefix of ecs.objectPrefixes) if (field.startsWith(prefix)) return false;
  const dot = field.lastIndexOf('.');
  if (dot < 0) return nearEcsParent(field, ecs);
  const parent = field.slice(0, dot);
  if (ecs.names.has(parent)) return false;
  if (ecs.parents.has(parent)) return true;
  return nearEcsParent(parent, ecs);
}

/**
 * The fields valid for an Elastic rule: ECS plus detection-rules' non-ECS
 * fields for its index patterns; `has` also accepts the fields of the rule
 * that no schema lint-rule reads can judge (see `judged`), so that
 * `field-unknown` reports only names that are in neither schema where a
 * schema applies.
 */
export function elasticKnownFields(input: KnownFieldsInput): KnownFields | undefined {
  const where = findSchemas(input.file, input.ecsSchema);
  if (!where) return undefined;
  const ecs = loadEcsSchema(where.ecs);
  if (!ecs) return undefined;
  const nonEcs = where.nonEcs !== undefined ? loadNonEcsSchema(where.nonEcs) : undefined;
  const patterns = new Set<string>();
  if (nonEcs) for (const index of input.indices) for (const p of nonEcsPatternsFor(nonEcs, index)) patterns.add(p);
  const sorted = [...patterns].sort();
  const base = baseNames(ecs, nonEcs, sorted);
  const extra = new Set<string>();
  for (const p of input.predicates) {
    const field = p.fieldAsWritten;
    if (field === '' || base.set.has(field) || extra.has(field)) continue;
    if (!judged(field, p, ecs)) extra.add(field);
  }
  const nonEcsPart = sorted.length > 0 ? ` or the non-ECS fields of ${sorted.join(', ')}` : '';
  // The list is shared by every rule reading the same patterns (checks may cache what they build from it).
  const has = extra.size === 0 ? (name: string): boolean => base.set.has(name) : (name: string): boolean => base.set.has(name) || extra.has(name);
  return { names: base.list, source: `ECS ${ecs.version}${nonEcsPart}`, has };
}
