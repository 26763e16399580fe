import type { AttackData } from '../../src/attack/index.js';

/**
 * What the ATT&CK Navigator requires of a layer file of format 4.5
 * (layers/spec/v4.5/layerformat.md): required fields and their types,
 * version strings, technique ids and tactic shortnames it knows, a usable
 * gradient. One rule is lint-rule's own: a multi-tactic technique has an
 * entry per tactic, each naming it. Returns the problems; none means the
 * layer opens as is.
 */
export function navigatorLayerProblems(layer: unknown, attack: AttackData): string[] {
  const problems: string[] = [];
  const fail = (m: string): void => {
    problems.push(m);
  };
  if (typeof layer !== 'object' || layer === null || Array.isArray(layer)) return ['the layer is not a JSON object'];
  const l = layer as Record<string, unknown>;
  if (typeof l.name !== 'string' || l.name === '') fail('name: a non-empty string is required');
  if (l.domain !== 'enterprise-attack') fail(`domain: expected enterprise-attack, got ${String(l.domain)}`);
  const v = l.versions as Record<string, unknown> | undefined;
  if (!v || v.layer !== '4.5') fail('versions.layer must be "4.5"');
  const nav = typeof v?.navigator === 'string' ? v.navigator.split('.').map(Number) : [];
  if (nav.length !== 3 || nav.some((n) => !Number.isInteger(n)) || (nav[0] as number) * 100 + (nav[1] as number) < 409) fail('versions.navigator must be a version of at least 4.9.0');
  if (v?.attack !== attack.version.split('.')[0]) fail(`versions.attack: expected the loaded ATT&CK major version ${attack.version.split('.')[0]}, got ${String(v?.attack)}`);
  const g = l.gradient as Record<string, unknown> | undefined;
  if (!g || !Array.isArray(g.colors) || g.colors.length < 2 || !g.colors.every((c) => typeof c === 'string' && /^#[0-9a-f]{6}$/i.test(c))) fail('gradient.colors: at least two #rrggbb colours');
  if (typeof g?.minValue !== 'number' || typeof g.maxValue !== 'number' || g.maxValue <= g.minValue) fail('gradient: minValue < maxValue, both numbers');
  if (!Array.isArray(l.legendItems) || !l.legendItems.every((i: Record<string, unknown>) => typeof i.label === 'string' && typeof i.color === 'string' && /^#[0-9a-f]{6}$/i.test(i.color))) fail('legendItems: label and #rrggbb color each');
  if (!Array.isArray(l.techniques) || l.techniques.length === 0) return [...problems, 'techniques: a non-empty array is expected'];
  const tactics = new Set(attack.tactics().map((t) => t.shortname));
  const seen = new Set<string>();
  for (const t of l.techniques as Record<string, unknown>[]) {
    const id = t.techniqueID;
    if (typeof id !== 'string' || !/^T\d{4}(\.\d{3})?$/.test(id)) {
      fail(`techniqueID: ${String(id)} is not T#### or T####.###`);
      continue;
    }
    const tech = attack.technique(id);
    if (!tech || tech.revoked || tech.deprecated) fail(`${id}: not an active technique of ATT&CK v${attack.version}`);
    if (t.tactic !== undefined) {
      if (typeof t.tactic !== 'string' || !tactics.has(t.tactic)) fail(`${id}: tactic ${String(t.tactic)} is not a tactic shortname`);
      else if (tech && !tech.tactics.includes(t.tactic)) fail(`${id}: not under tactic ${t.tactic}`);
    } else if (tech && tech.tactics.length > 1) {
      fail(`${id}: a multi-tactic technique without tactic`);
    }
    const key = `${id}/${String(t.tactic ?? '')}`;
    if (seen.has(key)) fail(`${key}: listed twice`);
    seen.add(key);
    if (t.score !== undefined && (typeof t.score !== 'number' || !Number.isFinite(t.score))) fail(`${id}: score is not a number`);
    if (typeof t.score === 'number' && g && typeof g.minValue === 'number' && typeof g.maxValue === 'number' && (t.score < g.minValue || t.score > g.maxValue)) fail(`${id}: score ${t.score} outside the gradient`);
    if (typeof t.comment !== 'string') fail(`${id}: comment is not a string`);
    if (typeof t.enabled !== 'boolean') fail(`${id}: enabled is not a boolean`);
    if (typeof t.showSubtechniques !== 'boolean') fail(`${id}: showSubtechniques is not a boolean`);
    if (t.color !== undefined && (typeof t.color !== 'string' || !/^#[0-9a-f]{6}$/i.test(t.color))) fail(`${id}: color is not #rrggbb`);
    for (const m of (t.metadata as Record<string, unknown>[] | undefined) ?? []) {
      if (typeof m.name !== 'string' || typeof m.value !== 'string') fail(`${id}: metadata needs string name and value`);
    }
  }
  return problems;
}
