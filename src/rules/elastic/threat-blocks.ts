import type { ElasticRuleDocument, ElasticThreat, ElasticThreatEntry } from '../../parse/elastic/document.js';

export const ATTACK = 'MITRE ATT&CK';
export const ATLAS = 'MITRE ATLAS';

/** The threat blocks of a framework: ATT&CK includes blocks that name none (the schema reports those). */
export function blocksOf(doc: ElasticRuleDocument, framework: typeof ATTACK | typeof ATLAS): ElasticThreat[] {
  return doc.rule.threat.filter((b) => (b.framework?.value ?? ATTACK) === framework);
}

/** Every technique and sub-technique entry of a block, with its level. */
export function* techniqueEntries(block: ElasticThreat): Generator<{ entry: ElasticThreatEntry; sub: boolean; parent?: ElasticThreatEntry }> {
  for (const t of block.technique) {
    yield { entry: t, sub: false };
    for (const s of t.subtechnique) yield { entry: s, sub: true, parent: t };
  }
}
