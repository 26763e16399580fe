import type { TacticRef, TechniqueRef } from '../../model/rule.js';
import type { ElasticRuleDocument, ElasticThreatEntry } from './document.js';

/** `https://attack.mitre.org/tactics/TA0011/` → `TA0011`. */
const TACTIC_URL = /\/tactics\/(TA\d{4})\b/i;

/** `Command and Control` → `command-and-control`: ATT&CK's shortnames are the names in kebab case. */
export function tacticShortname(name: string): string {
  return name.trim().toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function tacticRef(entry: ElasticThreatEntry): TacticRef | undefined {
  const idText = entry.id?.value.trim();
  const fromUrl = entry.reference ? TACTIC_URL.exec(entry.reference.value)?.[1] : undefined;
  const id = idText !== undefined && idText !== '' ? idText.toUpperCase() : fromUrl?.toUpperCase();
  const name = entry.name?.value.trim();
  const placed = entry.id ?? entry.name ?? entry.reference;
  if (!placed || (id === undefined && !name)) return undefined;
  const ref: TacticRef = { written: placed.value, loc: placed.loc };
  if (id !== undefined) ref.id = id;
  if (name) {
    ref.name = name;
    ref.shortname = tacticShortname(name);
  }
  return ref;
}

function techniqueRef(entry: ElasticThreatEntry, tactic: TacticRef | undefined): TechniqueRef | undefined {
  if (!entry.id) return undefined;
  const written = entry.id.value;
  const ref: TechniqueRef = { id: written.trim().toUpperCase(), written, loc: entry.id.loc };
  if (entry.name) ref.name = entry.name.value;
  if (tactic) ref.tactics = [tactic];
  return ref;
}

/**
 * The techniques and tactics of the ATT&CK `[[rule.threat]]` blocks: one TechniqueRef
 * per technique and per sub-technique, each filed under its block's tactic,
 * located at its id; every block's tactic in `tactics`.
 */
export function elasticThreat(doc: ElasticRuleDocument): { techniques: TechniqueRef[]; tactics: TacticRef[] } {
  const techniques: TechniqueRef[] = [];
  const tactics: TacticRef[] = [];
  for (const block of doc.rule.threat) {
    // Other frameworks (MITRE ATLAS) have ids ATT&CK does not know.
    if (block.framework && block.framework.value !== 'MITRE ATT&CK') continue;
    const tactic = block.tactic ? tacticRef(block.tactic) : undefined;
    if (tactic) tactics.push(tactic);
    for (const t of block.technique) {
      const ref = techniqueRef(t, tactic);
      if (ref) techniques.push(ref);
      for (const s of t.subtechnique) {
        const sub = techniqueRef(s, tactic);
        if (sub) techniques.push(sub);
      }
    }
  }
  return { techniques, tactics };
}
