import type { AttackData } from '../attack/index.js';
import { predicateKey } from '../model/normalize.js';
import type { RuleModel } from '../model/rule.js';
import { detectVendor, vendorParser, type ParseSettings } from '../parse/index.js';
import { readRuleFile } from '../parse/read-file.js';
import { corpusPath, type CorpusRoot } from './corpus-files.js';
import type { IndexedPredicate, IndexedRule } from './corpus-index.js';

export type Progress = (done: number, total: number) => void;

/** What one indexed rule contributes: techniques in current ATT&CK ids, events, predicates deduplicated by (key, role). */
export function indexRule(rule: RuleModel, file: string, ref: number, attack: AttackData): IndexedRule {
  const techniques = [...new Set(rule.techniques.map((t) => attack.canonicalTechniqueId(t.id)))].sort();
  const events = [...new Set(rule.events.map((e) => e.key))].sort();
  const seen = new Set<string>();
  const predicates: IndexedPredicate[] = [];
  for (const p of rule.predicates) {
    const key = predicateKey(p);
    const id = `${key}\u0001${p.role}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const entry: IndexedPredicate = { key, role: p.role, field: p.field, operator: p.operator, value: p.value === null ? '' : String(p.value), written: p.fieldAsWritten };
    if (p.negated) entry.negated = true;
    predicates.push(entry);
  }
  const out: IndexedRule = { ref, vendor: rule.vendor, title: rule.title ?? file, file, techniques, events, predicates };
  if (rule.id) out.id = rule.id;
  return out;
}

/**
 * Parses every rule file of the corpus roots into index entries. Files that
 * do not parse are skipped (the index is for comparison, not for reporting
 * the corpus's own problems); their count is returned.
 */
export async function buildRules(roots: readonly CorpusRoot[], attack: AttackData, settings: ParseSettings, progress?: Progress): Promise<{ rules: IndexedRule[]; skipped: number }> {
  const total = roots.reduce((n, r) => n + r.files.length, 0);
  const rules: IndexedRule[] = [];
  let done = 0;
  let skipped = 0;
  for (const root of roots) {
    for (const file of root.files) {
      done++;
      const read = readRuleFile(file, 4 * 1024 * 1024);
      const vendor = read.ok ? detectVendor(file, read.source.text) : undefined;
      if (!read.ok || !vendor) {
        skipped++;
        continue;
      }
      const parsed = (await vendorParser(vendor)).parse(file, read.source, settings);
      if (parsed.problems.some((p) => p.fatal)) {
        skipped++;
        continue;
      }
      const rel = corpusPath(root, file);
      for (const rule of parsed.rules) if (!rule.meta) rules.push(indexRule(rule, rel, rules.length, attack));
      if (progress && (done % 50 === 0 || done === total)) progress(done, total);
    }
  }
  return { rules, skipped };
}
